/**
 * How much an estimate explains. A whole estimate explains everything: warnings, each plan's why, each derived
 * line's link to its catalog rate (for the derived-rate warning). A caller that reads only totals, lines and
 * reasons (the region comparison: 36 estimates per request) asks for totals (`estimate(..., { detail:
 * "totals" })`), and the engine skips that text: every amount, line, plan and reason stays the same.
 * The engine runs synchronously, so the setting is held for the duration of one estimate, like lines.ts's
 * withEveryLineRate.
 */
let totalsDepth = 0;

/** Run `price` with the explanations skipped (see above). */
export function totalsOnly<T>(price: () => T): T {
  totalsDepth++;
  try {
    return price();
  } finally {
    totalsDepth--;
  }
}

/** False inside totalsOnly: the explanations (plan texts, rate links for warnings) need not be made. */
export function explaining(): boolean {
  return totalsDepth === 0;
}
