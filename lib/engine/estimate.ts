/**
 * The estimate engine: EstimateInput + one region's price catalog -> EstimateResult (the contract in
 * lib/schemas/estimate.ts). Pure: no I/O, no clock; the catalog date is the reference date.
 */
import type { RegionCatalog } from "../catalog/schema";
import {
  HOURS_PER_MONTH,
  parseEstimateInput,
  type CostLine,
  type EstimateInput,
  type EstimateOption,
  type EstimateResult,
  type FieldError,
} from "../schemas/estimate";
import { ec2Option } from "./ec2";
import { fargateMixOption, fargateOption, sizeServices } from "./fargate";
import { formatUSD } from "../money";
import { rateOf } from "./lines";
import { OLD_SOURCE_DAYS } from "./rules";

export type EstimateOutcome = { ok: true; result: EstimateResult } | { ok: false; errors: FieldError[] };

/** Tie-break between options that cost the same: the one with less risk and less to manage wins. */
const PREFERENCE = ["fargate", "fargate-savings-plan", "fargate-mix", "fargate-spot", "ec2"];

/**
 * Price the workload on every option. Never throws for input that passed EstimateInputSchema; the result
 * validates against EstimateResultSchema. input.region should equal catalog.region (estimateRaw checks it).
 */
export function estimate(input: EstimateInput, catalog: RegionCatalog): EstimateResult {
  const warnings = new Set<string>();
  const sized = sizeServices(input);
  const options: EstimateOption[] = [];
  const fargate = fargateOption(catalog, sized, "on-demand", warnings);
  options.push(fargate);
  options.push(fargateOption(catalog, sized, "spot", warnings));
  if (input.services.some((s) => s.fargateCapacityProviders !== undefined)) options.push(fargateMixOption(catalog, sized));
  if (input.fargate.savingsPlan !== "none") options.push(fargateOption(catalog, sized, input.fargate.savingsPlan, warnings));
  options.push(ec2Option(input, catalog, warnings));

  for (const o of options) {
    // Average cost per hour of the 730-hour month, for "per hour" displays.
    if (o.available && o.monthlyUSD !== null) o.hourlyUSD = o.monthlyUSD / HOURS_PER_MONTH;
  }
  addOptionWarnings(input, catalog, options, warnings);
  return {
    version: 1,
    // Defaults filled in, including the catalog id actually used, so an export or a share link made from the
    // result always reproduces these numbers.
    input: input.catalog === catalog.catalogId ? input : { ...input, catalog: catalog.catalogId },
    catalog: {
      id: catalog.catalogId,
      region: catalog.region,
      currency: "USD",
      sources: catalog.sources.map((s) => ({ name: s.name, asOf: s.asOf, id: s.id, origin: s.origin })),
    },
    hoursPerMonth: HOURS_PER_MONTH,
    options,
    recommendation: recommend(options),
    warnings: [...warnings],
  };
}

/** docs/billing-rules.md#recommendation */
function recommend(options: EstimateOption[]): EstimateResult["recommendation"] {
  const available = options.filter((o): o is EstimateOption & { monthlyUSD: number } => o.available && o.monthlyUSD !== null);
  if (available.length === 0) return null;
  const rank = (o: EstimateOption) => {
    const i = PREFERENCE.indexOf(o.id);
    return i < 0 ? PREFERENCE.length : i;
  };
  const sorted = [...available].sort((a, b) => {
    const diff = a.monthlyUSD - b.monthlyUSD;
    if (Math.abs(diff) > 1e-9 * Math.max(1, Math.abs(b.monthlyUSD))) return diff;
    return rank(a) - rank(b);
  });
  const best = sorted[0] as EstimateOption & { monthlyUSD: number };
  const next = sorted[1];
  const fargate = options.find((o) => o.id === "fargate");
  const fargateUSD = fargate?.available && fargate.monthlyUSD !== null ? fargate.monthlyUSD : null;
  const savingsUSD = fargateUSD === null ? 0 : fargateUSD - best.monthlyUSD;
  const parts: string[] = [`${best.label} is the cheapest available option at ${formatUSD(best.monthlyUSD)}/month`];
  if (best.id === "fargate") {
    // nothing to compare against
  } else if (fargateUSD === null) parts.push(`Fargate on-demand is unavailable (${fargate?.reason ?? "not priced"}), so no savings are computed`);
  else if (fargateUSD > 0) parts.push(`${formatUSD(savingsUSD)}/month (${Math.round((savingsUSD / fargateUSD) * 100)}%) below Fargate on-demand`);
  if (next) parts.push(`next: ${next.label} at ${formatUSD(next.monthlyUSD)}/month`);
  const spotBased = (o: EstimateOption) => o.id === "fargate-spot" || o.id === "fargate-mix" || (o.id === "ec2" && o.label.includes("Spot"));
  if (spotBased(best)) {
    parts.push("Spot capacity can be interrupted with a two-minute warning");
    const safe = sorted.find((o) => !spotBased(o));
    if (safe && safe !== next) parts.push(`cheapest without Spot: ${safe.label} at ${formatUSD(safe.monthlyUSD)}/month`);
  }
  if (best.id === "ec2") {
    const plan = best.plan?.instances.map((i) => `${i.count} x ${i.type}`).join(" + ");
    if (plan) parts.push(`plan: ${plan}; you manage the instances`);
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
function addOptionWarnings(input: EstimateInput, catalog: RegionCatalog, options: EstimateOption[], warnings: Set<string>): void {
  const byId = new Map(options.map((o) => [o.id, o]));
  const isOn = (id: string) => byId.get(id)?.available === true;

  if (isOn("fargate-spot")) {
    warnings.add("Fargate Spot tasks can be stopped at any time with a two-minute warning (SIGTERM and an EventBridge event); use Spot for work that tolerates interruption. Spot prices float and were read on the rate's date.");
  }
  const mix = byId.get("fargate-mix");
  if (mix?.available && mix.lines.some((l) => l.label?.includes("spot"))) {
    warnings.add("The capacity provider mix puts tasks on FARGATE_SPOT: those can be interrupted with a two-minute warning.");
  }
  if (isOn("ec2")) {
    warnings.add("ECS on EC2 means managing the instances yourself: AMI and ECS agent updates, patching, and capacity provider scaling.");
    if (input.ec2.purchase === "spot") {
      warnings.add("EC2 Spot instances can be reclaimed with a two-minute notice; the price used is an average Spot price, which floats.");
    }
  }
  if (isOn("fargate-savings-plan")) {
    warnings.add("A Savings Plan is a commitment in $/hour billed for every hour of its term whether used or not; this option assumes a commitment that exactly matches this usage. Usage above it is billed on-demand.");
  }

  // Rates the numbers rely on: derived ones (grouped by how they were derived), and ones much older than the catalog.
  const used: CostLine[] = options.filter((o) => o.available).flatMap((o) => o.lines);
  const derived = new Map<string, Map<string, string>>();
  const catalogDay = days(catalog.catalogId);
  const old = new Map<string, Set<string>>();
  for (const l of used) {
    const rate = rateOf(l);
    const what = l.usageType ?? l.label ?? l.component;
    if (l.derived) {
      const how = rate?.note ?? l.note ?? "derived (no note)";
      const group = derived.get(how) ?? new Map<string, string>();
      group.set(what, `${what} $${l.rateUSD}/${l.unit.replace(/s$/, "").replace(/-hour$/, "-h").replace(/^instance-h$/, "h")}`);
      derived.set(how, group);
    }
    const d = days(l.asOf);
    if (catalogDay !== null && d !== null && catalogDay - d > OLD_SOURCE_DAYS) {
      const set = old.get(l.asOf) ?? new Set<string>();
      set.add(l.label ?? what);
      old.set(l.asOf, set);
    }
  }
  for (const [how, group] of derived) warnings.add(`Derived rate${group.size > 1 ? "s" : ""} ${[...group.values()].join(", ")}: ${how}`);
  for (const [asOf, labels] of [...old.entries()].sort()) {
    const months = Math.round(((catalogDay ?? 0) - (days(asOf) ?? 0)) / 30.44);
    const list = [...labels];
    const shown = list.slice(0, 4).join(", ") + (list.length > 4 ? ` and ${list.length - 4} more` : "");
    warnings.add(`Old price: ${shown} dated ${asOf}, about ${months} months before the catalog date ${catalog.catalogId.slice(0, 10)}; the price may have changed.`);
  }
  if (!options.some((o) => o.available)) {
    warnings.add("No option can run the whole workload in this region with the bundled prices: see each option's reason.");
  }
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
