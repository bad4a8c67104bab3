/**
 * Chart data from an EstimateResult, through lib/present: the stacked bars are the displayed cents of each
 * option's components, so bars, their table and the cards add up to the same totals. Colours and short axis
 * labels are the only things decided here. Shared by the recharts components and their table alternatives.
 */
import { COMPONENT_LABELS, COMPONENT_ORDER, costBarRows, DISCOUNT_ROW, presentEstimate, type CostBarRow } from "@/lib/present/estimate";
import type { EstimateResult, LineComponent } from "@/lib/schemas/estimate";
import { OPTION } from "@/lib/schemas/estimate-enums";

const COLORS: Record<LineComponent, string> = {
  vcpu: "#0a58ca",
  memory: "#5aa0f2",
  storage: "#8250df",
  "os-license": "#bf3989",
  instance: "#1a7f37",
  ebs: "#9a6700",
  other: "#6e7781",
};

/** The stacked parts: the components, then a price book's discount (negative, below the axis). */
export const COMPONENTS: ReadonlyArray<{ key: LineComponent | "discount"; label: string; color: string }> = [
  ...COMPONENT_ORDER.map((key) => ({ key, label: COMPONENT_LABELS[key], color: COLORS[key] })),
  { key: "discount", label: DISCOUNT_ROW, color: "#cf222e" },
];

export type BarRow = CostBarRow & { short: string };

/** Axis labels that fit under a bar on a phone; the full label stays in the tooltip and the table. */
const SHORT_LABELS: Record<string, string> = {
  fargate: "Fargate",
  "fargate-spot": "Spot",
  "fargate-mix": "Mix",
  "fargate-savings-plan": "Savings Plan",
  ec2: "EC2",
  "ecs-managed-instances": "Managed",
  "eks-auto-mode": "Auto Mode",
};

export function shortOptionLabel(id: string, label: string): string {
  return SHORT_LABELS[id] ?? (label.length > 14 ? `${label.slice(0, 13)}…` : label);
}

/** One row per available option with monthly USD per component (components absent = no key). */
export function costByComponent(result: EstimateResult): BarRow[] {
  return costBarRows(presentEstimate(result)).map((row) => ({ ...row, short: shortOptionLabel(row.id, row.option) }));
}

/** Parts that actually occur, in the fixed order above (so the legend lists only real parts). */
export function presentComponents(rows: BarRow[]) {
  return COMPONENTS.filter((c) => rows.some((r) => (r[c.key] ?? 0) !== 0));
}

export const SERIES = [
  { key: "fargate", label: "Fargate", color: "#0a58ca" },
  { key: "fargateSpot", label: "Fargate Spot", color: "#8250df" },
  // (The curve's fields are named for the options they price.)
  { key: OPTION.ec2, label: "EC2", color: "#1a7f37" },
  { key: "managedInstances", label: "Managed Instances", color: "#bc4c00" },
] as const;
