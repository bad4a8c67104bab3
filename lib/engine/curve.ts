/**
 * Monthly cost as one service's task count varies, for the crossover chart: Fargate on-demand, Fargate Spot
 * and ECS on EC2 (the cheapest fleet at each count), plus the first task count where EC2 becomes cheaper than
 * Fargate on-demand. Every point is a full `estimate`, so the chart and the tables can never disagree.
 */
import type { RegionCatalog } from "../catalog/schema";
import type { EstimateInput, EstimateResult } from "../schemas/estimate";
import { estimate } from "./estimate";

export interface CurvePoint {
  tasks: number;
  fargate: number | null;
  fargateSpot: number | null;
  ec2: number | null;
}

export interface CostCurve {
  points: CurvePoint[];
  /** First whole task count (1..maxTasks) at which EC2 costs less than Fargate on-demand; null if none seen. */
  crossoverTasks: number | null;
  serviceIndex: number;
}

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
  return { tasks, fargate: monthly(result, "fargate"), fargateSpot: monthly(result, "fargate-spot"), ec2: monthly(result, "ec2") };
}

const ec2Cheaper = (p: CurvePoint) => p.ec2 !== null && p.fargate !== null && p.ec2 < p.fargate - 1e-9;

export function costCurve(input: EstimateInput, catalog: RegionCatalog, options: CurveOptions): CostCurve {
  const serviceIndex = Math.min(Math.max(0, Math.trunc(options.serviceIndex) || 0), input.services.length - 1);
  const maxTasks = Math.max(1, Math.min(100_000, Math.ceil(Number.isFinite(options.maxTasks) ? options.maxTasks : 1)));
  const count = Math.max(2, Math.min(200, Math.trunc(options.points ?? 25) || 25));
  const counts = new Set<number>();
  for (let i = 0; i < count; i++) counts.add(Math.round((i * maxTasks) / (count - 1)));
  counts.add(1);
  const tasks = [...counts].filter((t) => t <= maxTasks).sort((a, b) => a - b);
  const points = tasks.map((t) => pointAt(input, catalog, serviceIndex, t));

  // First sampled count where EC2 wins (ignoring 0 tasks), refined to the whole task count by bisection
  // between it and the previous sample.
  let crossoverTasks: number | null = null;
  const j = points.findIndex((p) => p.tasks >= 1 && ec2Cheaper(p));
  if (j >= 0) {
    const hit = points[j] as CurvePoint;
    const prev = points[j - 1];
    let lo = prev && prev.tasks >= 1 ? prev.tasks : 0; // not cheaper at lo (or lo = 0)
    let hi = hit.tasks; // cheaper at hi
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ec2Cheaper(pointAt(input, catalog, serviceIndex, mid))) hi = mid;
      else lo = mid;
    }
    crossoverTasks = hi;
  }
  return { points, crossoverTasks, serviceIndex };
}
