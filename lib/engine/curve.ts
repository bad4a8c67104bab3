/**
 * Monthly cost as one service's task count varies, for the crossover chart: Fargate on-demand, Fargate Spot,
 * ECS on EC2 and ECS Managed Instances (the cheapest fleet at each count), plus the first task count where each
 * of the two instance options becomes cheaper than Fargate on-demand. Every point is a full `estimate`, so the
 * chart and the tables can never disagree.
 */
import type { RegionCatalog } from "../catalog/schema";
import { OPTION, type EstimateInput, type EstimateOption, type EstimateResult } from "../schemas/estimate";
import { MessageSet } from "./messages";
import { ec2Option } from "./ec2";
import { estimate } from "./estimate";
import { fargateOption, sizeServices } from "./fargate";
import { withSidecarSizes } from "./sidecars";
import { withDiscountLines } from "./discounts";
import { MANAGED_INSTANCES_OPTION_ID, managedInstancesOption } from "./managed-instances";

export interface CurvePoint {
  tasks: number;
  fargate: number | null;
  fargateSpot: number | null;
  ec2: number | null;
  /** ECS Managed Instances (null where unavailable, and for an EKS estimate, which has no such option). */
  managedInstances: number | null;
}

export interface CostCurve {
  points: CurvePoint[];
  /** First whole task count (1..maxTasks) at which EC2 costs less than Fargate on-demand, or null. */
  crossoverTasks: number | null;
  /** The costs at crossoverTasks (that count may fall between two samples). */
  crossoverPoint: CurvePoint | null;
  /** The same for ECS Managed Instances against Fargate on-demand. */
  managedInstancesCrossoverTasks: number | null;
  managedInstancesCrossoverPoint: CurvePoint | null;
  serviceIndex: number;
}

/** The instance options the crossover is searched for. */
type InstanceOptionId = typeof OPTION.ec2 | typeof MANAGED_INSTANCES_OPTION_ID;

export interface CurveOptions {
  serviceIndex: number;
  maxTasks: number;
  /** Number of sampled task counts, 2..200 (default 25). */
  points?: number;
}

function monthly(result: EstimateResult, id: string): number | null {
  const option = result.options.find((o) => o.id === id);
  return option?.available ? option.monthlyUSD : null;
}

function pointAt(input: EstimateInput, catalog: RegionCatalog, serviceIndex: number, tasks: number): CurvePoint {
  const services = input.services.map((s, i) => (i === serviceIndex ? { ...s, tasks } : s));
  const result = estimate({ ...input, services }, catalog);
  return {
    tasks,
    fargate: monthly(result, OPTION.fargate),
    fargateSpot: monthly(result, "fargate-spot"),
    ec2: monthly(result, OPTION.ec2),
    managedInstances: monthly(result, MANAGED_INSTANCES_OPTION_ID),
  };
}

/** The input with service `serviceIndex` at `tasks` tasks and its sidecar rows counted in the task size, as in estimate() (docs/billing-rules.md#sidecars). */
function inputAt(input: EstimateInput, serviceIndex: number, tasks: number): EstimateInput {
  const services = input.services.map((s, i) => (i === serviceIndex ? { ...s, tasks } : s));
  // Sidecar rows count in the task size, as in estimate() (docs/billing-rules.md#sidecars).
  return withSidecarSizes({ ...input, services });
}

/** A price book's percentages may differ per service (AmazonECS vs AmazonEC2), so the crossover compares net totals. */
function net(at: EstimateInput, catalog: RegionCatalog, o: EstimateOption): number | null {
  const priced = at.discounts ? withDiscountLines(at, o, catalog.catalogId.slice(0, 10)) : o;
  return priced.available ? priced.monthlyUSD : null;
}

/** Only the totals the crossover compares (no Spot, mix, Savings Plan or warnings): cheap enough to search. Fargate on-demand's. */
function fargateTotal(input: EstimateInput, catalog: RegionCatalog, serviceIndex: number, tasks: number): number | null {
  const at = inputAt(input, serviceIndex, tasks);
  return net(at, catalog, fargateOption(catalog, sizeServices(at), "on-demand", new MessageSet()));
}

/** The instance option's total (ECS on EC2 or Managed Instances: `against`). */
function instanceTotal(input: EstimateInput, catalog: RegionCatalog, serviceIndex: number, tasks: number, against: InstanceOptionId): number | null {
  const at = inputAt(input, serviceIndex, tasks);
  const ignore = new MessageSet();
  return net(at, catalog, against === OPTION.ec2 ? ec2Option(at, catalog, ignore) : managedInstancesOption(at, catalog, ignore));
}

/** Fargate on-demand's cost at n tasks is a + b n: a and b from the totals at 0 and 1 task (null when Fargate cannot run it). */
function fargateLine(input: EstimateInput, catalog: RegionCatalog, serviceIndex: number): { a: number; b: number } | null {
  const zero = fargateTotal(input, catalog, serviceIndex, 0);
  if (zero === null) return null;
  const one = fargateTotal(input, catalog, serviceIndex, 1);
  if (one === null) return null;
  return { a: zero, b: one - zero };
}

/**
 * The first whole task count in 1..maxTasks where EC2 (or Managed Instances: `against`) costs less than Fargate
 * on-demand. EC2's cost is a step
 * function (whole instances) while Fargate's grows by the same amount with every task (f(n) = a + b n), so EC2
 * can win at 7 tasks and lose at 10: samples are not enough. Search: at n, EC2 costs c(n); EC2's cost does not
 * fall as tasks rise (property-tested), so no m with f(m) <= c(n) can be a win, and the search jumps to the first
 * m with f(m) > c(n). A handful of evaluations instead of one per task count; only the instance option is priced
 * at each of them (Fargate's line is computed once for both crossovers).
 */
function findCrossover(
  input: EstimateInput,
  catalog: RegionCatalog,
  serviceIndex: number,
  maxTasks: number,
  against: InstanceOptionId,
  fargate: { a: number; b: number } | null,
): number | null {
  if (fargate === null) return null;
  const { a, b } = fargate;
  let n = 1;
  let at = instanceTotal(input, catalog, serviceIndex, 1, against);
  for (let guard = 0; n <= maxTasks && guard < 10_000; guard++) {
    if (at === null) return null; // the EC2 search fails at n tasks; more tasks will not help
    const f = a + b * n;
    if (at < f - 1e-9 * Math.max(1, f)) return n;
    if (b <= 0) return null;
    const next = Math.max(n + 1, Math.floor((at - a) / b + 1e-9) + 1);
    n = next;
    if (n <= maxTasks) at = instanceTotal(input, catalog, serviceIndex, n, against);
  }
  return null;
}

export function costCurve(input: EstimateInput, catalog: RegionCatalog, options: CurveOptions): CostCurve {
  const serviceIndex = Math.min(Math.max(0, Math.trunc(options.serviceIndex) || 0), input.services.length - 1);
  const maxTasks = Math.max(1, Math.min(100_000, Math.ceil(Number.isFinite(options.maxTasks) ? options.maxTasks : 1)));
  const count = Math.max(2, Math.min(200, Math.trunc(options.points ?? 25) || 25));
  const counts = new Set<number>();
  for (let i = 0; i < count; i++) counts.add(Math.round((i * maxTasks) / (count - 1)));
  counts.add(1);
  const tasks = [...counts].filter((t) => t <= maxTasks).sort((a, b) => a - b);
  const points = tasks.map((t) => pointAt(input, catalog, serviceIndex, t));

  const pointFor = (n: number | null) => (n === null ? null : (points.find((p) => p.tasks === n) ?? pointAt(input, catalog, serviceIndex, n)));
  const fargate = fargateLine(input, catalog, serviceIndex);
  const crossoverTasks = findCrossover(input, catalog, serviceIndex, maxTasks, OPTION.ec2, fargate);
  // Managed Instances is an ECS capacity provider: an EKS estimate has no such option, so no crossover either.
  const managedInstancesCrossoverTasks = input.orchestrator === "eks" ? null : findCrossover(input, catalog, serviceIndex, maxTasks, MANAGED_INSTANCES_OPTION_ID, fargate);
  return {
    points,
    crossoverTasks,
    crossoverPoint: pointFor(crossoverTasks),
    managedInstancesCrossoverTasks,
    managedInstancesCrossoverPoint: pointFor(managedInstancesCrossoverTasks),
    serviceIndex,
  };
}
