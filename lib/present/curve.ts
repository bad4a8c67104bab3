/**
 * The crossover chart's data: the engine's cost curve for one service's task count, with the exact crossover
 * point (which may fall between two samples) added to the points so the marker sits on the lines.
 */
import type { RegionCatalog } from "../catalog/schema";
import { costCurve, type CurvePoint } from "../engine/curve";
import type { EstimateInput } from "../schemas/estimate";

export type { CurvePoint };

/** Points sampled on the chart; every point is a full estimate (the engine's curve contract). */
export const CURVE_POINTS = 21;

/** Range of the chart: at least 0..20 tasks, at least twice the current count, at most 2000. */
export function curveMaxTasks(tasks: number): number {
  return Math.min(2000, Math.max(20, Math.ceil(tasks * 2)));
}

export interface CurveData {
  serviceIndex: number;
  serviceName: string;
  currentTasks: number;
  points: CurvePoint[];
  /** First task count at which EC2 is cheaper than Fargate on-demand (engine's answer), or null. */
  crossover: { tasks: number; ec2: number | null; fargate: number | null } | null;
  /** First task count at which ECS Managed Instances is cheaper than Fargate on-demand, or null. */
  managedInstancesCrossover: { tasks: number; managedInstances: number | null; fargate: number | null } | null;
}

/** null when the service does not exist or the catalog is another region's. */
export function crossoverChartData(input: EstimateInput, catalog: RegionCatalog, curveServiceIndex: number): CurveData | null {
  const index = Math.min(Math.max(0, curveServiceIndex), input.services.length - 1);
  const service = input.services[index];
  if (!service || input.region !== catalog.region) return null;
  const curve = costCurve(input, catalog, { serviceIndex: index, maxTasks: curveMaxTasks(service.tasks), points: CURVE_POINTS });
  const hit = curve.crossoverPoint;
  const miHit = curve.managedInstancesCrossoverPoint;
  // The exact crossover points join the samples, so each marker sits on its line.
  const points = [...curve.points];
  for (const extra of [hit, miHit]) if (extra && !points.some((p) => p.tasks === extra.tasks)) points.push(extra);
  points.sort((a, b) => a.tasks - b.tasks);
  return {
    serviceIndex: index,
    serviceName: service.name,
    currentTasks: service.tasks,
    points,
    crossover: hit ? { tasks: hit.tasks, ec2: hit.ec2, fargate: hit.fargate } : null,
    managedInstancesCrossover: miHit ? { tasks: miHit.tasks, managedInstances: miHit.managedInstances, fargate: miHit.fargate } : null,
  };
}
