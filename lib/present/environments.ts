/**
 * Environments in cents (docs/billing-rules.md#money-rounding, #weekly-schedules): each available option's
 * displayed total allocated to its environments and to the lines shared by all of them, so the rows a reader
 * adds up give the total shown on the option's card. Used by the page's environments table and the CLI table.
 */
import { allocate, toCents, type Cents } from "../money";
import type { EstimateResult, OptionId } from "../schemas/estimate";

export interface EnvironmentCents {
  optionId: OptionId;
  label: string;
  /** Per environment, in result.environments order. */
  environments: Cents[];
  shared: Cents;
  total: Cents;
  /** What still bills at zero tasks (rounded on its own: it is not a part of the total). */
  atZero: Cents | null;
}

export function environmentCents(result: EstimateResult): EnvironmentCents[] {
  const envs = result.environments ?? [];
  if (envs.length === 0) return [];
  return result.options
    .filter((o) => o.available && o.monthlyUSD !== null)
    .map((o) => {
      const exact = envs.map((e) => Math.max(0, e.subtotals.find((s) => s.optionId === o.id)?.monthlyUSD ?? 0));
      const shared = Math.max(0, (o.monthlyUSD as number) - exact.reduce((a, b) => a + b, 0));
      const total = toCents(o.monthlyUSD as number);
      const parts = allocate(total, [...exact, shared]);
      const zero = result.costAtZeroTasks?.find((z) => z.optionId === o.id)?.monthlyUSD;
      return {
        optionId: o.id,
        label: o.label,
        environments: parts.slice(0, envs.length),
        shared: parts[envs.length]!,
        total,
        atZero: zero === null || zero === undefined ? null : toCents(zero),
      };
    });
}
