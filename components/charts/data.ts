/**
 * Chart data shaped from an EstimateResult (presentation only: sums of the result's own lines).
 * Shared by the recharts components and their table alternatives so both show the same numbers.
 */
import type { EstimateResult, LineComponent } from "@/lib/schemas/estimate";

/** One task count of the crossover chart: monthly cost per launch type (null where it cannot run). */
export interface CurvePoint {
  tasks: number;
  fargate: number | null;
  fargateSpot: number | null;
  ec2: number | null;
}

/** The crossover chart's data, built by the estimator page from the engine's cost curve. */
export interface CurveData {
  serviceIndex: number;
  serviceName: string;
  currentTasks: number;
  points: CurvePoint[];
  /** First task count at which EC2 is cheaper than Fargate on-demand (engine's answer), or null. */
  crossover: { tasks: number; ec2: number | null; fargate: number | null } | null;
}

export const COMPONENTS: ReadonlyArray<{ key: LineComponent; label: string; color: string }> = [
  { key: "vcpu", label: "vCPU", color: "#0a58ca" },
  { key: "memory", label: "Memory", color: "#5aa0f2" },
  { key: "storage", label: "Storage", color: "#8250df" },
  { key: "os-license", label: "OS licence", color: "#bf3989" },
  { key: "instance", label: "Instances", color: "#1a7f37" },
  { key: "ebs", label: "EBS", color: "#9a6700" },
  { key: "other", label: "Other", color: "#6e7781" },
];

export type BarRow = { option: string; short: string; id: string; total: number } & Partial<Record<LineComponent, number>>;

/** Axis labels that fit under a bar on a phone; the full label stays in the tooltip and the table. */
const SHORT_LABELS: Record<string, string> = {
  fargate: "Fargate",
  "fargate-spot": "Spot",
  "fargate-mix": "Mix",
  "fargate-savings-plan": "Savings Plan",
  ec2: "EC2",
};

export function shortOptionLabel(id: string, label: string): string {
  return SHORT_LABELS[id] ?? (label.length > 14 ? `${label.slice(0, 13)}…` : label);
}

/** One row per available option with monthly USD per component (components absent = no key). */
export function costByComponent(result: EstimateResult): BarRow[] {
  return result.options
    .filter((o) => o.available && o.monthlyUSD !== null)
    .map((o) => {
      const row: BarRow = { option: o.label, short: shortOptionLabel(o.id, o.label), id: o.id, total: o.monthlyUSD ?? 0 };
      for (const line of o.lines) row[line.component] = (row[line.component] ?? 0) + line.usd;
      return row;
    });
}

/** Components that actually occur, in the fixed order above (so the legend lists only real parts). */
export function presentComponents(rows: BarRow[]) {
  return COMPONENTS.filter((c) => rows.some((r) => (r[c.key] ?? 0) > 0));
}

export const SERIES = [
  { key: "fargate", label: "Fargate", color: "#0a58ca" },
  { key: "fargateSpot", label: "Fargate Spot", color: "#8250df" },
  { key: "ec2", label: "EC2", color: "#1a7f37" },
] as const;
