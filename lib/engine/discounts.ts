/**
 * Price books: a negotiated discount (Enterprise Discount Program / private pricing) off the charges of an option
 * (docs/billing-rules.md#private-pricing-discounts). Pure. Each line's amount is already what the pricing model
 * bills (the Spot price, the Savings Plan or Reserved Instance rate); the discount is a percentage of that amount,
 * as AWS applies EDP after Savings Plans and Reserved Instances. It is shown as its own negative line(s) per
 * option: one line per distinct percentage, so every line reads quantity (eligible USD) x rate (-percent) = usd.
 */
import type { CostLine, DiscountCategory, DiscountService, Discounts, EstimateInput, EstimateOption, EstimateResult } from "../schemas/estimate";
import { engineLineCharge } from "./lines";
import { SHARED_SERVICE } from "./shared-lines";

/** The AWS service (product code on the bill) a line is charged under: its charge's (lib/charges). */
export function lineAwsService(line: CostLine, orchestrator: EstimateInput["orchestrator"]): DiscountService {
  const charge = engineLineCharge(line);
  // EKS pods on Fargate are billed under Amazon EKS; ECS tasks on Fargate under Amazon ECS.
  if (charge.awsService === "AmazonECS" && FARGATE_COMPONENTS.has(charge.line.component) && orchestrator === "eks") return "AmazonEKS";
  return charge.awsService ?? "AmazonEC2";
}
const FARGATE_COMPONENTS = new Set<CostLine["component"]>(["vcpu", "memory", "storage", "os-license"]);

/** The charge category of a line, as DiscountsSchema.byCategory names them: its charge's (lib/charges). */
export function lineChargeCategory(line: CostLine): DiscountCategory {
  return engineLineCharge(line).discountCategory ?? "compute";
}

/** The percentage that applies to a line: byCategory (spot falls back to compute), then byService, then percent. */
export function discountPercentOf(line: CostLine, discounts: Discounts, orchestrator: EstimateInput["orchestrator"]): number {
  const category = lineChargeCategory(line);
  const byCategory = discounts.byCategory ?? {};
  const fromCategory = byCategory[category] ?? (category === "spot" ? byCategory.compute : undefined);
  if (fromCategory !== undefined) return fromCategory;
  const fromService = discounts.byService?.[lineAwsService(line, orchestrator)];
  if (fromService !== undefined) return fromService;
  return discounts.percent;
}

/** True when the price book takes something off (some percentage above zero). */
export function hasDiscount(discounts: Discounts | undefined): discounts is Discounts {
  if (!discounts) return false;
  if (discounts.percent > 0) return true;
  return Object.values(discounts.byService ?? {}).some((p) => (p ?? 0) > 0) || Object.values(discounts.byCategory ?? {}).some((p) => (p ?? 0) > 0);
}

function percentText(p: number): string {
  return `${Number(p.toFixed(6))}%`;
}

/**
 * The option with its discount lines appended (component "other", category "discount", service SHARED_SERVICE, a
 * negative usd), its total reduced and its per-service subtotals reduced by the discount of the lines they hold
 * (lines of the whole estimate belong to no service, as before). Unavailable options are returned unchanged.
 */
export function withDiscountLines(input: EstimateInput, option: EstimateOption, asOf: string): EstimateOption {
  const discounts = input.discounts;
  if (!hasDiscount(discounts) || !option.available || option.monthlyUSD === null) return option;
  // Group the eligible amount by percentage, remembering which AWS services each group covers.
  const groups = new Map<number, { eligible: number; services: Set<string>; categories: Set<string> }>();
  const perLineDiscount = new Map<CostLine, number>();
  for (const line of option.lines) {
    if (line.category === "discount") continue;
    const pct = discountPercentOf(line, discounts, input.orchestrator);
    if (pct <= 0 || line.usd === 0) continue;
    const g = groups.get(pct) ?? { eligible: 0, services: new Set<string>(), categories: new Set<string>() };
    g.eligible += line.usd;
    g.services.add(lineAwsService(line, input.orchestrator));
    g.categories.add(lineChargeCategory(line));
    groups.set(pct, g);
    perLineDiscount.set(line, (line.usd * pct) / 100);
  }
  if (groups.size === 0) return option;
  const who = discounts.name ? `${discounts.name}: ` : "";
  const lines: CostLine[] = [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([pct, g]) => ({
      service: SHARED_SERVICE,
      charge: "discount",
      component: "other",
      label: `Negotiated discount -${percentText(pct)} (${[...g.services].sort().join(", ")})`,
      quantity: g.eligible,
      unit: "USD",
      rateUSD: -pct / 100,
      usd: -(g.eligible * pct) / 100,
      usageType: null,
      asOf,
      derived: false,
      note: `${who}${percentText(pct)} off ${[...g.categories].sort().join(", ")} charges as billed (after the Savings Plan, Reserved Instance or Spot price), docs/billing-rules.md#private-pricing-discounts.`,
      category: "discount",
    }));
  // Per-service subtotals hold their own lines and their share of the fleet lines (never the estimate's shared
  // lines): each is reduced by the discount rate of the lines services hold, which is exact when one percentage
  // covers them all (the usual price book) and their average otherwise.
  let held = 0;
  let heldDiscount = 0;
  for (const line of option.lines) {
    if (line.service === SHARED_SERVICE || line.category === "discount") continue;
    held += line.usd;
    heldDiscount += perLineDiscount.get(line) ?? 0;
  }
  const rate = held > 0 ? heldDiscount / held : 0;
  const services = option.services.map((s) => ({ ...s, monthlyUSD: s.monthlyUSD * (1 - rate) }));
  let total = 0;
  for (const l of lines) total += l.usd;
  return { ...option, lines: [...option.lines, ...lines], services, monthlyUSD: option.monthlyUSD + total };
}

/** The discount rate of the lines that services and environments hold (not the estimate's shared lines), 0-1. */
export function heldDiscountRate(input: EstimateInput, option: EstimateOption): number {
  if (!hasDiscount(input.discounts) || !option.available) return 0;
  let held = 0;
  let off = 0;
  for (const line of option.lines) {
    if (line.service === SHARED_SERVICE || line.category === "discount") continue;
    held += line.usd;
    off += (line.usd * discountPercentOf(line, input.discounts, input.orchestrator)) / 100;
  }
  return held > 0 ? off / held : 0;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * With environments (docs/billing-rules.md#weekly-schedules): each environment's subtotal and week of an option,
 * and the fleet options' per-pair service rows (rebuilt from the lines by the environment summary), net of the
 * discount of the lines they hold. The cost at zero tasks takes each line's own percentage where it is computed
 * (environments.ts costAtZero).
 */
export function discountEnvironments(result: EstimateResult, input: EstimateInput, fleetOptionIds: ReadonlySet<string>): void {
  for (const option of result.options) {
    const rate = heldDiscountRate(input, option);
    if (rate <= 0) continue;
    const keep = 1 - rate;
    if (fleetOptionIds.has(option.id)) option.services = option.services.map((s) => ({ ...s, monthlyUSD: s.monthlyUSD * keep }));
    for (const env of result.environments ?? []) {
      const sub = env.subtotals.find((x) => x.optionId === option.id);
      if (!sub || sub.monthlyUSD === null) continue;
      sub.monthlyUSD *= keep;
      sub.costPerHourUSD = sub.costPerHourUSD?.map((x) => round6(x * keep)) ?? null;
    }
  }
}
