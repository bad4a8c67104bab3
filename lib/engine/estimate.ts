/**
 * The estimate engine: EstimateInput + one region's price catalog -> EstimateResult (the contract in
 * lib/schemas/estimate.ts). Pure: no I/O, no clock; the catalog date is the reference date.
 */
import { isUnavailable, type RegionCatalog } from "../catalog/schema";
import {
  HOURS_PER_MONTH,
  parseEstimateInput,
  type CostLine,
  type EstimateInput,
  type EstimateOption,
  type EstimateResult,
  type FieldError,
  OPTION,
} from "../schemas/estimate";
import { ec2Option, withPerInstanceMarks } from "./ec2";
import { MANAGED_INSTANCES_OPTION_ID, managedInstancesOption } from "./managed-instances";
import { environmentsEc2Option, expandEnvironments, summarizeEnvironments, userFacingServiceRef, type Expanded, type WeekContext } from "./environments";
import { mapServiceRefs, MessageSet, reasonOf, renderWarnings, withReason } from "./messages";
import { bare, message, type Message } from "../schemas/messages";
import { sharedBillLines, withBillLines } from "./network";
import { fargateMixOption, fargateOption, sizeServices } from "./fargate";
import { formatCents, formatUSD, subCents, toCents } from "../money";
import { rateOf } from "./lines";
import { OLD_SOURCE_DAYS } from "./rules";
import { eksClusterFeeLines, eksFargateOption, eksFargateSpotOption, eksNodeGroupOption, sizePods } from "./eks";
import { addCostPer1MRequests } from "./unit-cost";
import { EKS_AUTO_MODE_OPTION_ID, eksAutoModeOption } from "./eks-auto-mode";
import { discountEnvironments, withDiscountLines } from "./discounts";
import { withSidecarSizes } from "./sidecars";
import { extend } from "./extend";
import { explaining, totalsOnly } from "./detail";

export type EstimateOutcome = { ok: true; result: EstimateResult } | { ok: false; errors: FieldError[] };

/** Tie-break between options that cost the same: the one with less risk and less to manage wins. */
const PREFERENCE: EstimateOption["id"][] = [
  OPTION.fargate,
  OPTION["fargate-savings-plan"],
  OPTION["fargate-mix"],
  OPTION["fargate-spot-interruptible"],
  OPTION["fargate-spot"],
  MANAGED_INSTANCES_OPTION_ID,
  EKS_AUTO_MODE_OPTION_ID,
  OPTION.ec2,
];

/**
 * Price the workload on every option. Never throws for input that passed EstimateInputSchema; the result
 * validates against EstimateResultSchema. input.region should equal catalog.region (estimateRaw checks it).
 */
export function estimate(input: EstimateInput, catalog: RegionCatalog, settings: EstimateSettings = {}): EstimateResult {
  return settings.detail === "totals" ? totalsOnly(() => estimateWithWeek(input, catalog).result) : estimateWithWeek(input, catalog).result;
}

export interface EstimateSettings {
  /**
   * "totals": the result's `warnings` and `warningCodes` are left empty, each plan's `why` is "", and nothing is
   * worked out for them (lib/engine/detail.ts); every total, line, plan's instances and reason is the same as
   * with "full" (the default). For callers that read totals only: the region comparison.
   */
  detail?: "full" | "totals";
}

/**
 * estimate() plus what spreads its lines over the week (lib/engine/environments.ts `lineWeek`). With
 * environments, the options price one service per (environment, service) pair and ECS on EC2 sizes one fleet per
 * period (docs/billing-rules.md#weekly-schedules); without, everything is as before.
 */
export function estimateWithWeek(userInput: EstimateInput, catalog: RegionCatalog): { result: EstimateResult; week: WeekContext } {
  const withWarnings = explaining();
  // Sidecar rows count in the task / pod size (docs/billing-rules.md#sidecars); the result keeps the user's input.
  const original = withSidecarSizes(userInput);
  const warnings = new MessageSet();
  const expanded = original.environments && original.environments.length > 0 ? expandEnvironments(original, catalog.catalogId) : null;
  const week: WeekContext = { expanded, fleets: new Map() };
  // With environments the options price the expanded services; the result still carries the user's input.
  const input = expanded ? expanded.input : original;
  for (const w of expanded?.warnings ?? []) warnings.add(w);
  const eks = input.orchestrator === "eks";
  const priceOptions = () => (eks ? eksOptions(input, catalog, warnings) : ecsOptions(input, catalog, warnings, expanded, week));
  // Only the environments' week reads the fleet lines' per-instance marks (ec2.ts perInstanceLine).
  const options: EstimateOption[] = expanded ? withPerInstanceMarks(priceOptions) : priceOptions();

  // The rest of the bill (network, NAT, egress, logs; on EKS the cluster fee): the same lines in every option, plus
  // public IPv4 per option.
  let shared = sharedBillLines(input, catalog);
  if (eks && !("reason" in shared)) {
    const fee = eksClusterFeeLines(input, catalog);
    shared = "reason" in fee ? fee : [...fee, ...shared];
  }
  // EKS pods on Fargate run in private subnets only: they never hold a public IPv4 address (docs/billing-rules.md#eks-fargate-pods).
  const publicIp = input.network?.publicIpv4;
  let billInput = input;
  if (eks && input.network && publicIp?.fargateTasks) {
    billInput = { ...input, network: { ...input.network, publicIpv4: { ...publicIp, fargateTasks: false } } };
    warnings.add(bare("eks-public-ipv4-ignored"));
  }
  for (let i = 0; i < options.length; i++) options[i] = withBillLines(billInput, catalog, options[i] as EstimateOption, shared);
  // A price book's negotiated discount, after each pricing model's own (docs/billing-rules.md#private-pricing-discounts).
  if (input.discounts) for (let i = 0; i < options.length; i++) options[i] = withDiscountLines(input, options[i] as EstimateOption, catalog.catalogId.slice(0, 10));

  for (const o of options) {
    // Average cost per hour of the 730-hour month, for "per hour" displays.
    if (o.available && o.monthlyUSD !== null) o.hourlyUSD = o.monthlyUSD / HOURS_PER_MONTH;
  }
  addCostPer1MRequests(input, options);
  if (withWarnings) addOptionWarnings(input, catalog, options, warnings);
  const result: EstimateResult = {
    version: 1,
    // Defaults filled in, including the catalog id actually used, so an export or a share link made from the
    // result always reproduces these numbers.
    input: userInput.catalog === catalog.catalogId ? userInput : extend(userInput, { catalog: catalog.catalogId }),
    catalog: {
      id: catalog.catalogId,
      region: catalog.region,
      currency: "USD",
      sources: catalog.sources.map((s) => ({ name: s.name, asOf: s.asOf, id: s.id, origin: s.origin })),
    },
    hoursPerMonth: HOURS_PER_MONTH,
    options,
    recommendation: recommend(options, input),
    ...(withWarnings ? renderWarnings(warnings) : { warnings: [], warningCodes: [] }),
  };
  for (const o of result.options) if (o.reasonCode === undefined) o.reasonCode = null;
  if (expanded) {
    summarizeEnvironments(result, { ...week, expanded });
    if (input.discounts) discountEnvironments(result, input, new Set(week.fleets.keys()));
    // Messages name the expanded services; say them as the user wrote them (`services[0] "api" in environment "dev"`).
    const toUser = <M extends Message>(m: M) => mapServiceRefs(m, (ref) => userFacingServiceRef(ref, expanded, original));
    for (const o of result.options) {
      const reason = reasonOf(o);
      if (reason) withReason(o, toUser(reason));
    }
    if (withWarnings) Object.assign(result, renderWarnings([...warnings].map(toUser)));
  }
  return { result, week };
}

/**
 * EKS (docs/billing-rules.md#eks): pods on Fargate (no Fargate Spot, no capacity-provider mix: those are ECS
 * capacity providers), the Fargate Savings Plan variant, and a managed node group on EC2.
 */
function eksOptions(input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet): EstimateOption[] {
  const pods = sizePods(input);
  const options: EstimateOption[] = [eksFargateOption(catalog, pods, "on-demand", warnings), eksFargateSpotOption()];
  if (input.fargate.savingsPlan !== "none") options.push(eksFargateOption(catalog, pods, input.fargate.savingsPlan, warnings));
  options.push(eksNodeGroupOption(input, catalog, warnings));
  // EKS Auto Mode (docs/billing-rules.md#eks-auto-mode): appended after the older options, so their positions stay.
  options.push(eksAutoModeOption(input, catalog, warnings));
  return options;
}

function ecsOptions(input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet, expanded: Expanded | null, week: WeekContext): EstimateOption[] {
  const sized = sizeServices(input);
  const options: EstimateOption[] = [];
  const fargate = fargateOption(catalog, sized, "on-demand", warnings);
  options.push(fargate);
  options.push(fargateOption(catalog, sized, "spot", warnings));
  if (input.services.some((s) => s.fargateCapacityProviders !== undefined)) options.push(fargateMixOption(catalog, sized));
  const interruptible = input.services.filter((s) => s.interruptible === true).length;
  if (interruptible > 0 && interruptible < input.services.length) {
    // Only the services marked interruptible on FARGATE_SPOT, the others on FARGATE (docs/billing-rules.md#recommendation).
    options.push(
      fargateMixOption(catalog, sized, {
        id: OPTION["fargate-spot-interruptible"],
        label: "Fargate, with Fargate Spot for the interruptible services",
        strategyOf: (service) => (service.interruptible === true ? { base: 0, fargateWeight: 0, spotWeight: 1 } : undefined),
      }),
    );
  }
  if (input.fargate.savingsPlan !== "none") options.push(fargateOption(catalog, sized, input.fargate.savingsPlan, warnings));
  // ECS Managed Instances: an ECS capacity provider, so only for an ECS workload; and only with a catalog that
  // knows its fee (snapshot 2026-11-26 predates it, so its exports and share links keep exactly their options).
  // Appended after the older options, so their positions in results and exports stay where they were.
  const fleets = isUnavailable(catalog.ec2.managedInstances) ? [ec2Option] : [ec2Option, managedInstancesOption];
  if (expanded) {
    // With environments both EC2-backed fleets are sized per period of the week (docs/billing-rules.md#weekly-schedules).
    for (const priceFleet of fleets) {
      const fleet = environmentsEc2Option(expanded, catalog, warnings, priceFleet);
      options.push(fleet.option);
      week.fleets.set(fleet.option.id, fleet.fleets);
    }
  } else {
    for (const priceFleet of fleets) options.push(priceFleet(input, catalog, warnings));
  }
  return options;
}

/**
 * The services an option puts on Spot capacity (docs/billing-rules.md#recommendation): the recommendation only
 * uses an option whose Spot tasks all belong to services marked interruptible.
 */
function spotServices(option: EstimateOption, input: EstimateInput): string[] {
  const named = (pred: (s: EstimateInput["services"][number]) => boolean) => input.services.filter((s) => s.tasks > 0 && pred(s)).map((s) => s.name);
  switch (option.id) {
    case OPTION["fargate-spot"]:
      return named(() => true);
    case OPTION["fargate-mix"]:
      return named((s) => (s.fargateCapacityProviders?.spotWeight ?? 0) > 0);
    case OPTION["fargate-spot-interruptible"]:
      return named((s) => s.interruptible === true);
    case OPTION.ec2:
    case MANAGED_INSTANCES_OPTION_ID:
    case EKS_AUTO_MODE_OPTION_ID:
      return input.ec2.purchase === "spot" ? named(() => true) : [];
    default:
      return [];
  }
}

/** docs/billing-rules.md#recommendation */
function recommend(options: EstimateOption[], input: EstimateInput): EstimateResult["recommendation"] {
  const available = options.filter((o): o is EstimateOption & { monthlyUSD: number } => o.available && o.monthlyUSD !== null);
  const rank = (o: EstimateOption) => {
    const i = PREFERENCE.indexOf(o.id);
    return i < 0 ? PREFERENCE.length : i;
  };
  const byCost = (a: EstimateOption & { monthlyUSD: number }, b: EstimateOption & { monthlyUSD: number }) => {
    const diff = a.monthlyUSD - b.monthlyUSD;
    if (Math.abs(diff) > 1e-9 * Math.max(1, Math.abs(b.monthlyUSD))) return diff;
    return rank(a) - rank(b);
  };
  const allowed = (o: EstimateOption) => spotServices(o, input).every((name) => input.services.find((s) => s.name === name)?.interruptible === true);
  const sorted = available.filter(allowed).sort(byCost);
  if (sorted.length === 0) return null;
  const best = sorted[0] as EstimateOption & { monthlyUSD: number };
  const next = sorted[1];
  const fargate = options.find((o) => o.id === OPTION.fargate);
  const fargateUSD = fargate?.available && fargate.monthlyUSD !== null ? fargate.monthlyUSD : null;
  const savingsUSD = fargateUSD === null ? 0 : fargateUSD - best.monthlyUSD;
  const parts: string[] = [`${best.label} is the cheapest available option at ${formatUSD(best.monthlyUSD)}/month`];
  const baseline = input.orchestrator === "eks" ? "EKS on Fargate" : "Fargate on-demand";
  if (best.id === OPTION.fargate) {
    // nothing to compare against
  } else if (fargateUSD === null) parts.push(`${baseline} is unavailable (${fargate?.reason ?? "not priced"}), so no savings are computed`);
  else if (fargateUSD > 0) {
    // From the displayed (rounded) totals, so the sentence matches the cards and tables to the cent.
    const saved = subCents(toCents(fargateUSD), toCents(best.monthlyUSD));
    parts.push(`${formatCents(saved)}/month (${Math.round((savingsUSD / fargateUSD) * 100)}%) below ${baseline}`);
  }
  if (next) parts.push(`next: ${next.label} at ${formatUSD(next.monthlyUSD)}/month`);
  const onSpot = spotServices(best, input);
  if (onSpot.length > 0) parts.push(`Spot capacity can be interrupted with a two-minute warning (${onSpot.join(", ")} marked interruptible)`);
  // What marking more services interruptible would save: the cheapest Spot option the recommendation may not use.
  const held = available.filter((o) => !allowed(o)).sort(byCost)[0];
  if (held && held.monthlyUSD < best.monthlyUSD - 0.005) {
    const need = spotServices(held, input).filter((name) => input.services.find((s) => s.name === name)?.interruptible !== true);
    parts.push(
      `marking ${need.length === input.services.length ? "every service" : need.join(", ")} interruptible would allow ${held.label} at ${formatUSD(held.monthlyUSD)}/month, ${formatCents(subCents(toCents(best.monthlyUSD), toCents(held.monthlyUSD)))}/month less`,
    );
  }
  if (best.id === OPTION.ec2) {
    const plan = best.plan?.instances.map((i) => `${i.count} x ${i.type}`).join(" + ");
    if (plan) parts.push(input.orchestrator === "eks" ? `node group: ${plan}; you choose when to update the nodes` : `plan: ${plan}; you manage the instances`);
    // The same search plus a fee: Managed Instances never costs less, but it is the way not to manage them.
    const managed = sorted.find((o) => o.id === MANAGED_INSTANCES_OPTION_ID);
    if (managed) {
      parts.push(`ECS Managed Instances would run such a fleet without you managing the instances for ${formatCents(subCents(toCents(managed.monthlyUSD), toCents(best.monthlyUSD)))}/month more`);
    }
    const auto = sorted.find((o) => o.id === EKS_AUTO_MODE_OPTION_ID);
    if (auto) {
      parts.push(`EKS Auto Mode would run the nodes for you for ${formatCents(subCents(toCents(auto.monthlyUSD), toCents(best.monthlyUSD)))}/month more`);
    }
  } else if (best.id === MANAGED_INSTANCES_OPTION_ID) {
    const plan = best.plan?.instances.map((i) => `${i.count} x ${i.type}`).join(" + ");
    if (plan) parts.push(`plan: ${plan}, instance + management fee; AWS manages the instances and may choose other types`);
  } else if (best.id === EKS_AUTO_MODE_OPTION_ID) {
    const plan = best.plan?.instances.map((i) => `${i.count} x ${i.type}`).join(" + ");
    if (plan) parts.push(`plan: ${plan}, instance + management fee; AWS runs the nodes and chooses the types`);
  }
  return { optionId: best.id, monthlyUSD: best.monthlyUSD, savingsUSD, why: parts.join("; ") + "." };
}

const dayCache = new Map<string, number | null>();

/** Days since the epoch of a YYYY-MM-DD date (pure; cached: a catalog has a handful of dates). */
function days(isoDate: string): number | null {
  const cached = dayCache.get(isoDate);
  if (cached !== undefined) return cached;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const value = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null;
  if (dayCache.size < 1000) dayCache.set(isoDate, value);
  return value;
}

/** docs/billing-rules.md#rate-warnings (and each option's own warnings, cited there). */
function addOptionWarnings(input: EstimateInput, catalog: RegionCatalog, options: EstimateOption[], warnings: MessageSet): void {
  const byId = new Map(options.map((o) => [o.id, o]));
  const isOn = (id: EstimateOption["id"]) => byId.get(id)?.available === true;

  if (isOn(OPTION["fargate-spot"])) warnings.add(bare("fargate-spot-interruption"));
  const mix = byId.get(OPTION["fargate-mix"]);
  if (mix?.available && mix.lines.some((l) => l.charge === "fargate-spot-vcpu")) {
    warnings.add(bare("capacity-mix-spot"));
  }
  if (isOn(OPTION.ec2) && input.orchestrator === "eks") {
    warnings.add(bare("eks-node-operations"));
    if (input.ec2.purchase === "spot") warnings.add(message("ec2-spot-interruption", { hosts: "nodes" }));
  } else if (isOn(OPTION.ec2)) {
    warnings.add(bare("ec2-operations"));
  }
  if ((isOn(OPTION.ec2) || isOn(MANAGED_INSTANCES_OPTION_ID) || isOn(EKS_AUTO_MODE_OPTION_ID)) && input.ec2.purchase === "spot") {
    warnings.add(message("ec2-spot-interruption", { hosts: "instances" }));
  }
  if (isOn(OPTION["fargate-savings-plan"])) warnings.add(bare("savings-plan-commitment"));

  // Rates the numbers rely on: derived ones (grouped by how they were derived), and ones much older than the catalog.
  const derived = new Map<string, Map<string, { what: string; rateUSD: number; unit: string }>>();
  const catalogDay = days(catalog.catalogId);
  // Per old date, its line labels in first-seen order, checked per charge (a few labels each) rather than hashed
  // into a Set: labels are made per line, and hashing thousands of fresh strings was most of this function.
  const old = new Map<string, { prices: string[]; byCharge: Map<CostLine["charge"], string[]> }>();
  const isOld = new Map<string, boolean>();
  for (const o of options) {
    if (!o.available) continue;
    for (const l of o.lines) addRateWarningsOf(l);
  }
  function addRateWarningsOf(l: CostLine): void {
    if (l.derived) {
      const what = l.usageType ?? l.label ?? l.component;
      const how = rateOf(l)?.note ?? l.note ?? "derived (no note)";
      const group = derived.get(how) ?? new Map<string, { what: string; rateUSD: number; unit: string }>();
      group.set(what, { what, rateUSD: l.rateUSD, unit: l.unit });
      derived.set(how, group);
    }
    let lineIsOld = isOld.get(l.asOf);
    if (lineIsOld === undefined) {
      const d = days(l.asOf);
      lineIsOld = catalogDay !== null && d !== null && catalogDay - d > OLD_SOURCE_DAYS;
      isOld.set(l.asOf, lineIsOld);
    }
    if (!lineIsOld) return;
    let group = old.get(l.asOf);
    if (!group) {
      group = { prices: [], byCharge: new Map() };
      old.set(l.asOf, group);
    }
    const label = l.label ?? l.usageType ?? l.component;
    const seen = group.byCharge.get(l.charge);
    if (!seen) group.byCharge.set(l.charge, [label]);
    else if (!seen.includes(label)) seen.push(label);
    else return;
    // New to this charge; another charge may have the same label.
    if (!group.prices.includes(label)) group.prices.push(label);
  }
  for (const [how, group] of derived) warnings.add(message("derived-rates", { rates: [...group.values()], how }));
  for (const [asOf, group] of [...old].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const months = Math.round(((catalogDay ?? 0) - (days(asOf) ?? 0)) / 30.44);
    warnings.add(message("old-price", { prices: group.prices, asOf, months, catalogDate: catalog.catalogId.slice(0, 10) }));
  }
  if (!options.some((o) => o.available)) warnings.add(bare("no-option-available"));
}

/** Problems that only the catalog can reveal (region, snapshot id, unknown instance types). */
export function checkAgainstCatalog(input: EstimateInput, catalog: RegionCatalog): FieldError[] {
  const errors: FieldError[] = [];
  if (input.region !== catalog.region) {
    errors.push({ path: "region", message: `is ${input.region}, but the price catalog loaded is for ${catalog.region}` });
  }
  if (input.catalog !== undefined && input.catalog !== catalog.catalogId) {
    errors.push({ path: "catalog", message: `is ${input.catalog}, but the price catalog loaded is ${catalog.catalogId}` });
  }
  if (input.ec2.instanceTypes.length > 0) {
    const known = new Set(catalog.ec2.instanceTypes.map((t) => t.type));
    input.ec2.instanceTypes.forEach((type, i) => {
      if (!known.has(type)) errors.push({ path: `ec2.instanceTypes[${i}]`, message: `${type} is not in the ${catalog.region} price catalog (${catalog.catalogId})` });
    });
  }
  return errors;
}

/** Validate untrusted input, check it against the catalog, then estimate. Never throws. */
export function estimateRaw(raw: unknown, catalog: RegionCatalog): EstimateOutcome {
  const parsed = parseEstimateInput(raw);
  return parsed.ok ? estimateChecked(parsed.value, catalog) : { ok: false, errors: parsed.errors };
}

/** An input that passed the schema: check it against the catalog, then estimate. Never throws. */
export function estimateChecked(input: EstimateInput, catalog: RegionCatalog): EstimateOutcome {
  const errors = checkAgainstCatalog(input, catalog);
  if (errors.length > 0) return { ok: false, errors };
  try {
    return { ok: true, result: estimate(input, catalog) };
  } catch (error) {
    // Not expected for parsed input; report it as an input problem rather than crash the caller.
    return { ok: false, errors: [{ path: "(root)", message: `could not be estimated: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}
