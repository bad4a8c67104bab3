/**
 * The Results model: what the estimator's cards, breakdown tables, cost chart and the CLI's table show, in
 * whole cents. The rounding rule is lib/money.ts's: each option's total is its exact monthly cost rounded
 * HALF-UP to cents once; the cents of that total are then allocated (largest remainder) to its services, each
 * service's cents to its lines, and the EC2 fleet's cents to the services it holds. So every column a reader
 * can add up - lines in a service, services in an option, components in an option - adds up to the total shown.
 * The JSON and CSV exports keep the exact amounts (docs/billing-rules.md#money-rounding).
 */
import { SHARED_SERVICE } from "../engine/shared-lines";
import { addCents, allocate, cents, negCents, subCents, toCents, type Cents } from "../money";
import type { CostLine, EstimateOption, EstimateResult, LineComponent } from "../schemas/estimate";

export interface PresentedLine {
  line: CostLine;
  cents: Cents;
}

/** The lines of one `service` value (a service name, or "x86_64 fleet" for EC2) with their subtotal. */
export interface PresentedGroup {
  service: string;
  cents: Cents;
  lines: PresentedLine[];
}

export interface PresentedOption {
  option: EstimateOption;
  /** null when the option is unavailable. */
  totalCents: Cents | null;
  /** Line groups in the order their first line appears. */
  groups: PresentedGroup[];
  /** Sum of the displayed lines per component, in COMPONENT_ORDER, only components that occur. */
  components: { component: LineComponent; cents: Cents }[];
  /** option.services with their share of the total (EC2: the fleet split by reserved capacity). */
  services: { name: string; cents: Cents }[];
  /** With a price book: the negotiated discount in cents (negative) and the charges before it (docs/billing-rules.md#private-pricing-discounts). */
  discountCents?: Cents;
  grossCents?: Cents;
}

/** The order components are listed and stacked in everywhere. */
export const COMPONENT_ORDER: ReadonlyArray<LineComponent> = ["vcpu", "memory", "storage", "os-license", "instance", "ebs", "other"];

export const COMPONENT_LABELS: Readonly<Record<LineComponent, string>> = {
  vcpu: "vCPU",
  memory: "Memory",
  storage: "Storage",
  "os-license": "OS licence",
  instance: "Instances",
  ebs: "EBS",
  other: "Other",
};

/** The row of the services list that holds the estimate's shared lines (network, NAT, egress, ...). */
export const SHARED_ROW = SHARED_SERVICE;
/** The breakdown group of a price book's discount lines. */
export const DISCOUNT_ROW = "Negotiated discount";

const nonNegative = (usd: number) => (Number.isFinite(usd) && usd > 0 ? usd : 0);

export function presentOption(option: EstimateOption): PresentedOption {
  if (!option.available || option.monthlyUSD === null) {
    return { option, totalCents: null, groups: [], components: [], services: [] };
  }
  const totalCents = toCents(option.monthlyUSD);
  // A price book's discount lines (docs/billing-rules.md#private-pricing-discounts) are negative: the charges are
  // presented at their billed amount (rounded once, allocated as before) and the discount as its own group, whose
  // cents are what makes the charges add up to the displayed total.
  const discountLines = option.lines.filter((l) => l.category === "discount");
  const charges = discountLines.length > 0 ? option.lines.filter((l) => l.category !== "discount") : option.lines;
  const discountExact = discountLines.reduce((sum, l) => sum + l.usd, 0);
  const grossCents = discountLines.length > 0 ? toCents(option.monthlyUSD - discountExact) : totalCents;

  const byService = new Map<string, CostLine[]>();
  for (const line of charges) {
    const list = byService.get(line.service);
    if (list) list.push(line);
    else byService.set(line.service, [line]);
  }
  const names = [...byService.keys()];
  const exactGroup = names.map((name) => (byService.get(name) as CostLine[]).reduce((sum, l) => sum + nonNegative(l.usd), 0));
  const groupCents = names.length > 0 ? allocate(grossCents, exactGroup) : [];
  const groups: PresentedGroup[] = names.map((service, i) => {
    const lines = byService.get(service) as CostLine[];
    const lineCents = allocate(groupCents[i]!, lines.map((l) => nonNegative(l.usd)));
    return { service, cents: groupCents[i]!, lines: lines.map((line, j) => ({ line, cents: lineCents[j]! })) };
  });
  if (discountLines.length > 0) {
    const offCents = subCents(grossCents, totalCents);
    const lineCents = allocate(offCents, discountLines.map((l) => -l.usd));
    groups.push({ service: DISCOUNT_ROW, cents: negCents(offCents), lines: discountLines.map((line, j) => ({ line, cents: negCents(lineCents[j]!) })) });
  }

  const componentCents = new Map<LineComponent, Cents>();
  for (const g of groups) for (const l of g.lines) if (l.line.category !== "discount") componentCents.set(l.line.component, addCents(componentCents.get(l.line.component) ?? cents(0), l.cents));
  const components = COMPONENT_ORDER.filter((c) => componentCents.has(c)).map((component) => ({ component, cents: componentCents.get(component)! }));

  // Lines of the whole estimate (load balancers, NAT, egress...) belong to no service: one more row for them.
  // With a discount, the services' subtotals are already net of it, so the row holds the rest of the net total.
  const sharedExact =
    discountLines.length > 0
      ? option.monthlyUSD - option.services.reduce((sum, s) => sum + s.monthlyUSD, 0)
      : option.lines.filter((l) => l.shared && !option.services.some((s) => s.name === l.service)).reduce((sum, l) => sum + nonNegative(l.usd), 0);
  const rows = sharedExact > 1e-9 ? [...option.services.map((s) => ({ name: s.name, usd: s.monthlyUSD })), { name: SHARED_ROW, usd: sharedExact }] : option.services.map((s) => ({ name: s.name, usd: s.monthlyUSD }));
  const serviceCents = rows.length > 0 ? allocate(totalCents, rows.map((s) => nonNegative(s.usd))) : [];
  const services = rows.map((s, i) => ({ name: s.name, cents: serviceCents[i]! }));

  const discountCents = discountLines.length > 0 ? subCents(totalCents, grossCents) : cents(0);
  return { option, totalCents, groups, components, services, ...(discountLines.length > 0 ? { discountCents, grossCents } : {}) };
}

/** How an option compares with Fargate on-demand, from the displayed totals (so the text matches the cards). */
export type Comparison =
  | { kind: "baseline" }
  | { kind: "same" }
  | { kind: "cheaper"; cents: Cents; pct: number | null }
  | { kind: "dearer"; cents: Cents }
  | { kind: "none" };

export function compareWithBaseline(option: PresentedOption, baseline: PresentedOption | undefined): Comparison {
  if (!baseline || option.option.id === baseline.option.id) return { kind: "baseline" };
  if (baseline.totalCents === null || option.totalCents === null) return { kind: "none" };
  const diff = subCents(baseline.totalCents, option.totalCents);
  if (diff === 0) return { kind: "same" };
  if (diff > 0) return { kind: "cheaper", cents: diff, pct: baseline.totalCents > 0 ? (diff / baseline.totalCents) * 100 : null };
  return { kind: "dearer", cents: negCents(diff) };
}

export interface PresentedEstimate {
  options: PresentedOption[];
  /** The Fargate on-demand option, the baseline of every comparison. */
  baseline: PresentedOption | undefined;
  recommendedId: string | null;
}

export function presentEstimate(result: EstimateResult): PresentedEstimate {
  const options = result.options.map(presentOption);
  return {
    options,
    baseline: options.find((o) => o.option.id === "fargate"),
    recommendedId: result.recommendation?.optionId ?? null,
  };
}

/**
 * One bar of the cost chart: dollars per component (from displayed cents), the price book's discount as a negative
 * part of its own (absent without one), and the displayed total: the parts add up to the total.
 */
export type CostBarRow = { option: string; id: string; total: number; discount?: number } & Partial<Record<LineComponent, number>>;

/** The stacked cost chart and its table: one row per available option, components absent = no key. */
export function costBarRows(presented: PresentedEstimate): CostBarRow[] {
  return presented.options
    .filter((o) => o.totalCents !== null)
    .map((o) => {
      const row: CostBarRow = { option: o.option.label, id: o.option.id, total: o.totalCents! / 100 };
      for (const c of o.components) row[c.component] = c.cents / 100;
      if (o.discountCents !== undefined) row.discount = o.discountCents / 100;
      return row;
    });
}
