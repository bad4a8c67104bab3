/**
 * The crossover chart's data for one service: lib's costCurve over a range of task counts, with the exact
 * crossover point costCurve returns placed on the line (it may fall between two samples). Used by the server's
 * first paint (app/page.tsx) and by the estimator's lazily loaded kit. It imports the engine, so page code
 * that must stay light imports only its types.
 */
import type { RegionCatalog } from "@/lib/catalog/schema";
import { costCurve, type CurvePoint } from "@/lib/engine/curve";
import type { EstimateInput } from "@/lib/schemas/estimate";

export type { CurvePoint };

export interface CurveData {
  serviceIndex: number;
  serviceName: string;
  currentTasks: number;
  points: CurvePoint[];
  /** First task count at which EC2 is cheaper than Fargate on-demand (engine's answer), or null. */
  crossover: { tasks: number; ec2: number | null; fargate: number | null } | null;
}

/** Points sampled on the chart; every point is a full estimate (engine's curve contract). */
const CURVE_POINTS = 21;

/** Range of the chart: at least 0..20 tasks, and at least twice the current count. */
function curveMaxTasks(tasks: number): number {
  return Math.min(2000, Math.max(20, Math.ceil(tasks * 2)));
}

export function buildCurve(input: EstimateInput, catalog: RegionCatalog, curveServiceIndex: number): CurveData | null {
  const index = Math.min(Math.max(0, curveServiceIndex), input.services.length - 1);
  const service = input.services[index];
  if (!service || input.region !== catalog.region) return null;
  const c = costCurve(input, catalog, { serviceIndex: index, maxTasks: curveMaxTasks(service.tasks), points: CURVE_POINTS });
  const hit = c.crossoverPoint;
  const points = hit && !c.points.some((p) => p.tasks === hit.tasks) ? [...c.points, hit].sort((a, b) => a.tasks - b.tasks) : [...c.points];
  return {
    serviceIndex: index,
    serviceName: service.name,
    currentTasks: service.tasks,
    points,
    crossover: hit === null ? null : { tasks: hit.tasks, ec2: hit.ec2, fargate: hit.fargate },
  };
}
