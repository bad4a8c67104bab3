/**
 * The CI guard of a comparison: does the recommended monthly total rise by more than allowed?
 * Thresholds are on displayed cents (what the reader sees): an increase of exactly the threshold passes.
 */
import { absCents, formatCents, subCents, toCents } from "../money";
import type { CompareReport } from "./compare";

export interface Thresholds {
  /** USD per month the recommended total may rise. */
  maxIncreaseUSD?: number | null;
  /** Percent of the old recommended total it may rise. */
  maxIncreasePct?: number | null;
}

export interface ThresholdVerdict {
  checked: boolean;
  exceeded: boolean;
  /** One sentence per threshold that was checked, saying how the change compares with it. */
  messages: string[];
}

const pctText = (pct: number) => `${Number(pct.toFixed(2))}%`;

export function checkThresholds(report: CompareReport, thresholds: Thresholds): ThresholdVerdict {
  const hasUsd = thresholds.maxIncreaseUSD !== undefined && thresholds.maxIncreaseUSD !== null;
  const hasPct = thresholds.maxIncreasePct !== undefined && thresholds.maxIncreasePct !== null;
  if (!hasUsd && !hasPct) return { checked: false, exceeded: false, messages: [] };
  const rec = report.recommended;
  if (rec.newCents === null) {
    return { checked: true, exceeded: true, messages: ["the new estimate has no option that can run the workload, so its cost cannot be checked"] };
  }
  if (rec.oldCents === null) {
    return { checked: true, exceeded: true, messages: ["the old estimate has no option that can run the workload, so there is no total to compare with"] };
  }
  const delta = subCents(rec.newCents, rec.oldCents);
  const messages: string[] = [];
  let exceeded = false;
  const change = `${delta >= 0 ? "+" : "-"}${formatCents(absCents(delta))}/month (${formatCents(rec.oldCents)} -> ${formatCents(rec.newCents)})`;
  if (hasUsd) {
    const limit = toCents(thresholds.maxIncreaseUSD as number);
    const over = delta > limit;
    exceeded ||= over;
    messages.push(`${over ? "over" : "within"} --max-increase ${formatCents(limit)}: the recommended total changed by ${change}`);
  }
  if (hasPct) {
    const limitPct = thresholds.maxIncreasePct as number;
    // old = 0 and any increase: an infinite rise, over every percentage.
    const pct = rec.oldCents === 0 ? (delta > 0 ? Number.POSITIVE_INFINITY : 0) : (delta / rec.oldCents) * 100;
    const over = pct > limitPct;
    exceeded ||= over;
    messages.push(`${over ? "over" : "within"} --max-increase-pct ${pctText(limitPct)}: the recommended total changed by ${Number.isFinite(pct) ? pctText(pct) : "an infinite share (from $0.00)"}, ${change}`);
  }
  return { checked: true, exceeded, messages };
}
