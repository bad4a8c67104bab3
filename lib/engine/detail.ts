/**
 * Settings that hold while one synchronous call runs (the engine never awaits, so nothing else runs in between),
 * nestable: how much an estimate explains, and which extra marks its lines carry for a reader off the request
 * path (lines.ts withEveryLineRate, ec2.ts withPerInstanceMarks).
 *
 * A whole estimate explains everything: warnings, each plan's why, each derived line's link to its catalog rate
 * (for the derived-rate warning). A caller that reads only totals, lines and reasons (the region comparison: 36
 * estimates per request) asks for totals (`estimate(..., { detail: "totals" })`), and the engine skips that text:
 * every amount, line, plan and reason stays the same.
 */
export class ScopedSwitch {
  private depth = 0;

  /** Whether a call made through `during` is running. */
  get on(): boolean {
    return this.depth > 0;
  }

  /** Run `call` with the switch on. */
  during<T>(call: () => T): T {
    this.depth++;
    try {
      return call();
    } finally {
      this.depth--;
    }
  }
}

const totals = new ScopedSwitch();

/** Run `price` with the explanations skipped (see above). */
export function totalsOnly<T>(price: () => T): T {
  return totals.during(price);
}

/** False inside totalsOnly: the explanations (plan texts, rate links for warnings) need not be made. */
export function explaining(): boolean {
  return !totals.on;
}
