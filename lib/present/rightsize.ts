/**
 * The right-sizing cost table in cents: current and recommended totals rounded once (lib/money.ts), and the
 * saving as the difference of the two displayed amounts, so "current - recommended = savings" holds on screen.
 */
import { subCents, toCents, type Cents } from "../money";
import type { OptionComparison } from "../rightsize/recommend";

export interface PresentedComparison {
  comparison: OptionComparison;
  currentCents: Cents | null;
  recommendedCents: Cents | null;
  /** current - recommended; positive = the recommendation saves money. */
  savingsCents: Cents | null;
}

export function presentComparison(comparison: OptionComparison): PresentedComparison {
  const currentCents = comparison.currentUSD === null ? null : toCents(comparison.currentUSD);
  const recommendedCents = comparison.recommendedUSD === null ? null : toCents(comparison.recommendedUSD);
  return {
    comparison,
    currentCents,
    recommendedCents,
    savingsCents: currentCents === null || recommendedCents === null ? null : subCents(currentCents, recommendedCents),
  };
}
