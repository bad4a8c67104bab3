/**
 * The schedule chart's data from an EstimateResult with environments: per hour of the week (168, UTC) the
 * tasks each environment runs and, for one option, each environment's cost in that hour plus the lines shared by
 * all environments (their monthly total spread over the 730 h). Keys are positional (t0, c0...) because
 * environment names are user text. Shared by the recharts component and its table.
 */
import { HOURS_PER_MONTH } from "@/lib/units";
import type { EstimateResult } from "@/lib/schemas/estimate";
import { WEEKDAY_LABELS, WEEKDAYS, hourText } from "@/lib/schemas/weekdays";

export const ENV_COLORS = ["#0a58ca", "#1a7f37", "#8250df", "#bf3989", "#9a6700", "#0e7490", "#b35900", "#57606a"];
export const SHARED_COLOR = "#afb8c1";

export type ScheduleRow = { hour: number; label: string; shared: number } & Record<string, number | string>;

export interface ScheduleData {
  environments: string[];
  rows: ScheduleRow[];
  /** The option's shared (non-environment) dollars a month: network lines, fleet time nobody uses. */
  sharedMonthlyUSD: number;
}

/** "Mon 08:00" for hour 8 of the week. */
export function weekHourLabel(hour: number): string {
  const day = WEEKDAYS[Math.floor(hour / 24) % 7] ?? "mon";
  return `${WEEKDAY_LABELS[day]} ${hourText(hour % 24)}`;
}

export function scheduleData(result: EstimateResult, optionId: string): ScheduleData | null {
  const envs = result.environments;
  if (!envs || envs.length === 0) return null;
  const option = result.options.find((o) => o.id === optionId);
  const available = option?.available === true && option.monthlyUSD !== null;
  let envMonthly = 0;
  for (const e of envs) envMonthly += e.subtotals.find((s) => s.optionId === optionId)?.monthlyUSD ?? 0;
  const sharedMonthlyUSD = available ? Math.max(0, (option.monthlyUSD as number) - envMonthly) : 0;
  const rows: ScheduleRow[] = [];
  for (let h = 0; h < 168; h++) {
    const row: ScheduleRow = { hour: h, label: weekHourLabel(h), shared: sharedMonthlyUSD / HOURS_PER_MONTH };
    envs.forEach((e, i) => {
      row[`t${i}`] = e.tasksPerHour[h] ?? 0;
      const perHour = e.subtotals.find((s) => s.optionId === optionId)?.costPerHourUSD;
      row[`c${i}`] = available && perHour ? (perHour[h] ?? 0) : 0;
    });
    rows.push(row);
  }
  return { environments: envs.map((e) => e.name), rows, sharedMonthlyUSD };
}
