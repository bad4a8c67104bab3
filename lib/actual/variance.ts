/**
 * The variance report: an estimate option held against one month of the real bill (docs/billing-rules.md#actual-bill).
 * Per service and per charge: estimated vs actual cost and usage, largest gaps first, each with one sentence;
 * what the bill holds that the estimate lacks; totals.
 *
 * - actualUSD is the EffectiveCost (what the usage cost after Savings Plans and Reserved Instances, amortized);
 *   billedUSD beside it is the BilledCost (the invoice). Gaps are actualUSD - estimatedUSD.
 * - Totals cover the charges the estimator models (./charges.ts); the rest of the region's bill (RDS, S3, ...) is
 *   listed in `missing` as "not modelled" and summed apart, so a gap is never made of things an estimate of
 *   containers cannot hold.
 * - The estimate is a 730-hour month (docs/billing-rules.md#month); a calendar month has 672-744 hours.
 *   Amounts are compared as they are; the report says the period's hours so a 2% gap in a 744-hour month reads right.
 * Pure: the estimate result and the bill's aggregate in, plain JSON out.
 */
import { formatQuantity } from "../format";
import { formatUSD } from "../money";
import { HOURS_PER_MONTH, type CostLine, type EstimateOption, type EstimateResult } from "../schemas/estimate";
import type { BillAggregate, ChargeGroup } from "./aggregate";
import { CHARGES, chargeById, chargeOfLine, type ChargeDefinition, type ChargeId } from "./charges";
import { normalizeTagKey } from "./tags";

/** The name the report gives the estimate's shared lines (network, the EC2 fleet) and the bill's untagged shared charges. */
export const SHARED_NAME = "shared";

export interface VarianceLine {
  charge: ChargeId;
  label: string;
  unit: string;
  estimatedQuantity: number;
  actualQuantity: number;
  estimatedUSD: number;
  actualUSD: number;
  billedUSD: number;
  gapUSD: number;
  sentence: string;
}

export interface ServiceVariance {
  name: string;
  estimatedUSD: number;
  actualUSD: number;
  billedUSD: number;
  gapUSD: number;
  lines: VarianceLine[];
}

export interface UnmappedRow {
  /** The tag value the rows carry (no estimate service has that name), or null when they carry none. */
  tag: string | null;
  charge: ChargeId;
  label: string;
  unit: string;
  quantity: number;
  actualUSD: number;
  billedUSD: number;
  sentence: string;
}

export interface MissingItem {
  /** "not-estimated": a charge the estimator models but this estimate has none of; "not-modelled": another AWS service. */
  kind: "not-estimated" | "not-modelled";
  what: string;
  actualUSD: number;
  billedUSD: number;
  sentence: string;
}

export interface VarianceReport {
  version: 1;
  period: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  periodHours: number | null;
  region: string;
  format: string;
  option: { id: string; label: string };
  catalog: string;
  tag: { service: string[]; cluster: string[] };
  totals: {
    estimatedUSD: number;
    actualUSD: number;
    billedUSD: number;
    gapUSD: number;
    /** gap / estimated x 100; null when nothing was estimated. */
    gapPct: number | null;
    /** The region's other AWS charges (not modelled), effective cost. */
    notModelledUSD: number;
    /** Rows of other regions (and of no region), effective cost. */
    otherRegionsUSD: number;
  };
  topGap: { charge: ChargeId; gapUSD: number; sentence: string } | null;
  services: ServiceVariance[];
  charges: VarianceLine[];
  unmapped: UnmappedRow[];
  missing: MissingItem[];
  rows: { read: number; inRegion: number; recognised: number };
  problems: { count: number; examples: Array<{ row: number; message: string }> };
  notes: string[];
}

export type VarianceOutcome = { ok: true; report: VarianceReport } | { ok: false; error: string };

/** Amounts lose binary float noise (118.20160000000001 -> 118.2016), never a cent. */
const clean = (n: number) => (Object.is(n, -0) ? 0 : Number(n.toFixed(8)) || 0);

function hoursBetween(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const h = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 3_600_000;
  return Number.isFinite(h) && h > 0 ? h : null;
}

const signed = (usd: number) => (usd >= 0.005 ? `+${formatUSD(usd)}` : usd <= -0.005 ? `-${formatUSD(-usd)}` : "$0.00");

/** "NAT processed 3,140 GB against 1,000 GB estimated: +$95.40." (a missing estimate reads "..., none estimated"). */
export function sentenceOf(def: ChargeDefinition, who: string, actual: number, estimated: number, gapUSD: number, extra = ""): string {
  const head = def.says.did.replace("{who}", who).replace("{a}", formatQuantity(actual));
  const tail = estimated === 0 && actual !== 0 ? ", none estimated" : ` against ${def.says.against.replace("{e}", formatQuantity(estimated))}`;
  return `${head}${tail}${extra}: ${signed(gapUSD)}.`;
}

function chooseOption(result: EstimateResult, optionId: string | undefined): EstimateOption | string {
  const id = optionId && optionId !== "recommended" ? optionId : result.recommendation?.optionId;
  if (!id) return "no option of the estimate can run this workload, so there is nothing to compare the bill with";
  const option = result.options.find((o) => o.id === id);
  if (!option) return `option "${id}" is not in this estimate; options: ${result.options.map((o) => o.id).join(", ")}`;
  if (!option.available || option.monthlyUSD === null) return `option "${id}" is not available: ${option.reason ?? "no reason given"}`;
  return option;
}

interface Cell {
  estimatedQuantity: number;
  actualQuantity: number;
  estimatedUSD: number;
  actualUSD: number;
  billedUSD: number;
}
const emptyCell = (): Cell => ({ estimatedQuantity: 0, actualQuantity: 0, estimatedUSD: 0, actualUSD: 0, billedUSD: 0 });

export function buildVarianceReport(result: EstimateResult, bill: BillAggregate, opts: { optionId?: string } = {}): VarianceOutcome {
  if (bill.region !== result.catalog.region) return { ok: false, error: `the bill was read for ${bill.region} but the estimate is for ${result.catalog.region}` };
  const option = chooseOption(result, opts.optionId);
  if (typeof option === "string") return { ok: false, error: option };
  const serviceNames = result.input.services.map((s) => s.name);
  const byNormalName = new Map(serviceNames.map((n) => [n.trim().toLowerCase(), n]));
  const periodHours = hoursBetween(bill.periodStart, bill.periodEnd);

  // service name -> charge -> cell
  const table = new Map<string, Map<ChargeId, Cell>>();
  const cell = (service: string, charge: ChargeId): Cell => {
    let row = table.get(service);
    if (!row) table.set(service, (row = new Map()));
    let c = row.get(charge);
    if (!c) row.set(charge, (c = emptyCell()));
    return c;
  };
  const notes: string[] = [...bill.notes];
  const unclassified: CostLine[] = [];
  for (const line of option.lines) {
    const def = chargeOfLine(line);
    if (!def) {
      unclassified.push(line);
      continue;
    }
    const service = serviceNames.includes(line.service) ? line.service : SHARED_NAME;
    const c = cell(service, def.id);
    c.estimatedQuantity += line.quantity;
    c.estimatedUSD += line.usd;
  }
  for (const line of unclassified) notes.push(`The estimate line "${line.label ?? line.component}" (${formatUSD(line.usd)}) matches no bill charge: it counts in the estimated total only.`);

  const unmapped = new Map<string, { tag: string | null; charge: ChargeId; quantity: number; actualUSD: number; billedUSD: number }>();
  for (const g of bill.groups) {
    const def = chargeById(g.charge);
    const named = g.serviceTag !== null ? byNormalName.get(g.serviceTag.trim().toLowerCase()) : undefined;
    // A $0 row without a service tag is an account-wide free allowance (the CloudWatch Logs free tier, the first
    // 100 GB out): the estimate carries those as shared lines too (docs/billing-rules.md#logs-free-tier).
    const freeAllowance = g.serviceTag === null && g.effectiveUSD === 0 && g.billedUSD === 0;
    const target = named ?? (def.scope === "shared" || g.clusterTag !== null || freeAllowance ? SHARED_NAME : null);
    if (target === null) {
      const key = `${g.serviceTag ?? ""}\u0000${g.charge}`;
      const u = unmapped.get(key) ?? { tag: g.serviceTag, charge: g.charge, quantity: 0, actualUSD: 0, billedUSD: 0 };
      u.quantity += g.quantity;
      u.actualUSD += g.effectiveUSD;
      u.billedUSD += g.billedUSD;
      unmapped.set(key, u);
      continue;
    }
    addActual(cell(target, g.charge), g);
  }

  const vcpuOf = new Map(option.services.map((s) => [s.name, s.vcpu]));
  const lineOf = (service: string, charge: ChargeId, c: Cell): VarianceLine => {
    const def = chargeById(charge);
    const gap = c.actualUSD - c.estimatedUSD;
    let extra = "";
    const vcpu = vcpuOf.get(service);
    if ((charge === "fargate-vcpu" || charge === "fargate-spot-vcpu") && vcpu && periodHours) {
      extra = ` (${formatQuantity(Math.round((c.actualQuantity / vcpu / periodHours) * 100) / 100)} tasks on average over the period's ${formatQuantity(periodHours)} h, against ${formatQuantity(Math.round((c.estimatedQuantity / vcpu / HOURS_PER_MONTH) * 100) / 100)} estimated over ${HOURS_PER_MONTH} h)`;
    }
    const who = service === SHARED_NAME ? "The shared lines" : service === "" ? "All services" : service;
    return {
      charge,
      label: def.label,
      unit: def.unit,
      estimatedQuantity: clean(c.estimatedQuantity),
      actualQuantity: clean(c.actualQuantity),
      estimatedUSD: clean(c.estimatedUSD),
      actualUSD: clean(c.actualUSD),
      billedUSD: clean(c.billedUSD),
      gapUSD: clean(gap),
      sentence: sentenceOf(def, who, c.actualQuantity, c.estimatedQuantity, gap, extra),
    };
  };
  const byGap = <T extends { gapUSD: number }>(a: T, b: T) => Math.abs(b.gapUSD) - Math.abs(a.gapUSD);

  const services: ServiceVariance[] = [];
  for (const name of [...serviceNames, SHARED_NAME]) {
    const row = table.get(name);
    if (!row && name === SHARED_NAME) continue;
    const lines = [...(row ?? new Map<ChargeId, Cell>()).entries()].map(([charge, c]) => lineOf(name, charge, c)).sort(byGap);
    const estimatedUSD = lines.reduce((s, l) => s + l.estimatedUSD, 0);
    const actualUSD = lines.reduce((s, l) => s + l.actualUSD, 0);
    const billedUSD = lines.reduce((s, l) => s + l.billedUSD, 0);
    services.push({ name, estimatedUSD: clean(estimatedUSD), actualUSD: clean(actualUSD), billedUSD: clean(billedUSD), gapUSD: clean(actualUSD - estimatedUSD), lines });
  }
  services.sort(byGap);

  // Per charge, over every service, the shared lines and the unmapped rows.
  const perCharge = new Map<ChargeId, Cell>();
  for (const row of table.values()) {
    for (const [charge, c] of row) {
      const t = perCharge.get(charge) ?? emptyCell();
      t.estimatedQuantity += c.estimatedQuantity;
      t.estimatedUSD += c.estimatedUSD;
      t.actualQuantity += c.actualQuantity;
      t.actualUSD += c.actualUSD;
      t.billedUSD += c.billedUSD;
      perCharge.set(charge, t);
    }
  }
  for (const u of unmapped.values()) {
    const t = perCharge.get(u.charge) ?? emptyCell();
    t.actualQuantity += u.quantity;
    t.actualUSD += u.actualUSD;
    t.billedUSD += u.billedUSD;
    perCharge.set(u.charge, t);
  }
  const order = new Map(CHARGES.map((c, i) => [c.id, i]));
  const charges = [...perCharge.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([charge, c]) => lineOf("", charge, c))
    .sort(byGap);

  const unmappedRows: UnmappedRow[] = [...unmapped.values()]
    .map((u) => {
      const def = chargeById(u.charge);
      const who = u.tag === null ? "Rows without the service tag" : `Rows tagged "${u.tag}" (no service of the estimate has that name)`;
      return {
        tag: u.tag,
        charge: u.charge,
        label: def.label,
        unit: def.unit,
        quantity: clean(u.quantity),
        actualUSD: clean(u.actualUSD),
        billedUSD: clean(u.billedUSD),
        sentence: `${who}: ${def.label}, ${formatQuantity(u.quantity)} ${def.unit}, ${formatUSD(u.actualUSD)}.`,
      };
    })
    .sort((a, b) => Math.abs(b.actualUSD) - Math.abs(a.actualUSD));

  const missing: MissingItem[] = [];
  for (const l of charges) {
    if (l.estimatedUSD === 0 && l.estimatedQuantity === 0 && (l.actualUSD !== 0 || l.actualQuantity !== 0)) {
      missing.push({ kind: "not-estimated", what: l.label, actualUSD: l.actualUSD, billedUSD: l.billedUSD, sentence: `${l.label}: ${formatQuantity(l.actualQuantity)} ${l.unit} for ${formatUSD(l.actualUSD)}, which the estimate does not have.` });
    }
  }
  for (const s of bill.notModelled) {
    if (s.effectiveUSD === 0 && s.billedUSD === 0) continue;
    missing.push({ kind: "not-modelled", what: s.service, actualUSD: clean(s.effectiveUSD), billedUSD: clean(s.billedUSD), sentence: `${s.service}: ${formatUSD(s.effectiveUSD)} in ${bill.region}, a charge this estimator does not model.` });
  }
  missing.sort((a, b) => (a.kind === b.kind ? Math.abs(b.actualUSD) - Math.abs(a.actualUSD) : a.kind === "not-estimated" ? -1 : 1));

  const estimatedUSD = option.monthlyUSD as number;
  const actualUSD = charges.reduce((s, l) => s + l.actualUSD, 0);
  const billedUSD = charges.reduce((s, l) => s + l.billedUSD, 0);
  const gapUSD = actualUSD - estimatedUSD;
  if (periodHours !== null && Math.abs(periodHours - HOURS_PER_MONTH) >= 1) {
    notes.push(`The period has ${formatQuantity(periodHours)} hours and the estimate is a ${HOURS_PER_MONTH}-hour month: usage that runs all the time differs by ${formatQuantity(Math.round(((periodHours - HOURS_PER_MONTH) / HOURS_PER_MONTH) * 1000) / 10)}% for that reason alone.`);
  }
  if (bill.rowsRecognised === 0) notes.push(`No row of the bill in ${bill.region} is a charge this estimator models (Fargate, EC2, EBS, load balancers, NAT, public IPv4, endpoints, CloudWatch Logs, data transfer, EKS).`);
  const top = charges.find((l) => Math.abs(l.gapUSD) >= 0.005) ?? null;
  return {
    ok: true,
    report: {
      version: 1,
      period: bill.periodStart ? bill.periodStart.slice(0, 7) : null,
      periodStart: bill.periodStart,
      periodEnd: bill.periodEnd,
      periodHours,
      region: bill.region,
      format: bill.format,
      option: { id: option.id, label: option.label },
      catalog: result.catalog.id,
      tag: { service: bill.tagKeys.service, cluster: bill.tagKeys.cluster },
      totals: {
        estimatedUSD: clean(estimatedUSD),
        actualUSD: clean(actualUSD),
        billedUSD: clean(billedUSD),
        gapUSD: clean(gapUSD),
        gapPct: estimatedUSD > 0 ? clean((gapUSD / estimatedUSD) * 100) : null,
        notModelledUSD: clean(bill.notModelled.reduce((s, x) => s + x.effectiveUSD, 0)),
        otherRegionsUSD: clean(bill.otherRegions.reduce((s, x) => s + x.effectiveUSD, 0)),
      },
      topGap: top ? { charge: top.charge, gapUSD: top.gapUSD, sentence: top.sentence } : null,
      services,
      charges,
      unmapped: unmappedRows,
      missing,
      rows: { read: bill.rowsRead, inRegion: bill.rowsInRegion, recognised: bill.rowsRecognised },
      problems: { count: bill.problemCount, examples: bill.problems },
      notes,
    },
  };
}

function addActual(c: Cell, g: ChargeGroup): void {
  c.actualQuantity += g.quantity;
  c.actualUSD += g.effectiveUSD;
  c.billedUSD += g.billedUSD;
}

/** Did the total gap exceed `maxPct` percent of the estimate (either way)? Nothing estimated: any actual cost does. */
export function exceedsVariance(report: VarianceReport, maxPct: number): boolean {
  const { estimatedUSD, gapUSD } = report.totals;
  if (estimatedUSD <= 0) return Math.abs(gapUSD) >= 0.005;
  return (Math.abs(gapUSD) / estimatedUSD) * 100 > maxPct;
}

export { normalizeTagKey };
