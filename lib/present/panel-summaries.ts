/**
 * The one-line summaries of the estimator's collapsed panels (issue 21): what each contributes now ("1 ALB,
 * 1 NAT gateway — $54.20/month"). Display only, read from the input and the EstimateResult. The server renders
 * them for the first paint; afterwards the calculator's kit (loaded after hydration) recomputes them.
 */
import { formatCents, toCents } from "../money";
import { OPTION, type CostLine, type Ec2Options, type EstimateInput, type EstimateOption, type EstimateResult } from "../schemas/estimate";
import { optionKeyFact } from "./answer";

const NETWORK_CATEGORIES = new Set<NonNullable<CostLine["category"]>>(["load-balancer", "nat-gateway", "public-ipv4", "vpc-endpoint", "data-transfer", "logs"]);

function countWord(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The recommended option (or the first available one): whose lines the panel summaries quote. */
function quotedOption(result: EstimateResult): EstimateOption | undefined {
  return result.options.find((o) => o.id === result.recommendation?.optionId && o.available) ?? result.options.find((o) => o.available);
}

/** "Network and logs: 1 ALB, 1 NAT gateway, logs for 2 services — $54.20/month", or what is priced when nothing is. */
export function networkSummary(input: EstimateInput, result: EstimateResult): string {
  const n = input.network;
  const parts: string[] = [];
  const albs = (n?.loadBalancers ?? []).filter((lb) => lb.type === "alb").reduce((s, lb) => s + lb.count, 0);
  const nlbs = (n?.loadBalancers ?? []).filter((lb) => lb.type === "nlb").reduce((s, lb) => s + lb.count, 0);
  if (albs > 0) parts.push(countWord(albs, "ALB"));
  if (nlbs > 0) parts.push(countWord(nlbs, "NLB"));
  if (n?.natGateways && n.natGateways.count > 0) parts.push(countWord(n.natGateways.count, "NAT gateway"));
  if (n?.vpcInterfaceEndpoints && n.vpcInterfaceEndpoints.count > 0) parts.push(countWord(n.vpcInterfaceEndpoints.count, "VPC endpoint"));
  if (n?.publicIpv4 && (n.publicIpv4.fargateTasks || n.publicIpv4.ec2Instances || n.publicIpv4.extraAddresses > 0)) parts.push("public IPv4");
  if (n && (n.dataTransferOutGBPerMonth > 0 || n.interAzGBPerMonth > 0)) parts.push("data transfer");
  const logged = input.services.filter((s) => s.logs).length;
  if (logged > 0) parts.push(`logs for ${countWord(logged, "service")}`);
  if (parts.length === 0) return "none priced (load balancers, NAT, IPv4, data transfer, CloudWatch Logs)";
  const option = quotedOption(result);
  const usd = option ? option.lines.filter((l) => l.category && NETWORK_CATEGORIES.has(l.category)).reduce((s, l) => s + l.usd, 0) : 0;
  return `${parts.join(", ")} — ${formatCents(toCents(usd))}/month`;
}

const PURCHASE_WORDS: Readonly<Record<Ec2Options["purchase"], string>> = {
  "on-demand": "on-demand",
  spot: "Spot",
  "savings-plan-1y": "EC2 Savings Plan 1 year",
  "savings-plan-3y": "EC2 Savings Plan 3 years",
  "reserved-1y": "Reserved 1 year",
  "reserved-3y": "Reserved 3 years",
};

/** "on-demand, 100% target, min 0 — plan: 1 × m7a.medium, limited by CPU". */
export function ec2Summary(input: EstimateInput, result: EstimateResult): string {
  const e = input.ec2;
  const head = `${PURCHASE_WORDS[e.purchase]}, ${e.targetUtilizationPct}% target, min ${e.minInstances}${e.instanceTypes.length > 0 ? `, ${countWord(e.instanceTypes.length, "allowed type")}` : ""}`;
  const ec2 = result.options.find((o) => o.id === OPTION.ec2);
  const fact = ec2 ? optionKeyFact(ec2) : null;
  return fact ? `${head} — plan: ${fact}` : head;
}

/** "one, always on" or "3: prod, staging, dev". */
export function environmentsSummary(input: EstimateInput): string {
  const envs = input.environments ?? [];
  if (envs.length === 0) return "one, always on (add staging or dev on a schedule)";
  return `${envs.length}: ${envs.map((e) => e.name).join(", ")}`;
}

/** What the Savings Plan commitment panel answers, and the Fargate plan the estimate uses now. */
export function commitmentSummary(input: EstimateInput): string {
  const plan = input.fargate.savingsPlan === "none" ? "on-demand" : input.fargate.savingsPlan === "compute-1y" ? "Compute SP 1 year" : "Compute SP 3 years";
  return `Fargate priced ${plan} now; the hourly commitment that saves the most`;
}

/** What the region comparison answers. */
export function regionsSummary(input: EstimateInput): string {
  return `${input.region} now; the same workload priced in every region, cheapest first`;
}

/** The price book the estimate applies now (docs/billing-rules.md#private-pricing-discounts). */
export function priceBookSummary(input: EstimateInput): string {
  const d = input.discounts;
  const rates = Object.keys(d?.byService ?? {}).length + Object.keys(d?.byCategory ?? {}).length;
  if (!d || (d.percent === 0 && rates === 0)) return "List prices (add an EDP or private-pricing discount)";
  const overall = d.percent > 0 ? `${d.percent}% off list prices` : "No overall discount";
  return `${d.name ? `${d.name}: ` : ""}${overall}${rates > 0 ? `, ${rates} per-service or per-charge rate${rates === 1 ? "" : "s"}` : ""}`;
}

export interface PanelSummaries {
  pricebook: string;
  ec2: string;
  network: string;
  environments: string;
  commitment: string;
  regions: string;
}

export function panelSummaries(input: EstimateInput, result: EstimateResult): PanelSummaries {
  return { pricebook: priceBookSummary(input), ec2: ec2Summary(input, result), network: networkSummary(input, result), environments: environmentsSummary(input), commitment: commitmentSummary(input), regions: regionsSummary(input) };
}
