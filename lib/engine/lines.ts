/** Small shared helpers: cost lines from catalog rates, rate and size text for `why` strings. */
import type { Rate } from "../catalog/schema";
import { chargeById, findCharge, type ChargeDefinition, type ChargeId } from "../charges";
import type { CostLine } from "../schemas/estimate";
import { explaining, ScopedSwitch } from "./detail";

/**
 * The catalog rate behind each derived line, so the derived-rate warning can quote the rate's own note (not the
 * line's extras). Only derived rates are kept: that warning is the only reader, it reads derived lines only, and
 * a line's `derived` is its rate's. Kept on the line itself under a symbol, not enumerable: JSON, spreads and
 * test equality never see it, and it costs no WeakMap entry (a WeakMap set per derived line was 5% of the region
 * comparison, where most regions derive rates: docs/performance.md#second-round-2026-12-07-a-tighter-bound-a-packing-limit-totals-only-comparisons).
 */
const LINE_RATE: unique symbol = Symbol("line rate");
type LinkedLine = CostLine & { [LINE_RATE]?: Rate };
/** While on, every line keeps its rate (withEveryLineRate): for provenance questions, off the request path. */
const keepEveryRate = new ScopedSwitch();

function linkRate(line: CostLine, rate: Rate): void {
  Object.defineProperty(line, LINE_RATE, { value: rate, enumerable: false, writable: true, configurable: true });
}

/** The rate behind a derived line, or behind any line made inside withEveryLineRate; undefined otherwise. */
export function rateOf(line: CostLine): Rate | undefined {
  return (line as LinkedLine)[LINE_RATE];
}

/**
 * Runs `estimate` so that every line it makes keeps its catalog rate (rateOf answers for all of them): what
 * "where does this line's price come from" needs (the MCP explain tool), at the WeakMap cost the request path avoids.
 */
export function withEveryLineRate<T>(estimate: () => T): T {
  return keepEveryRate.during(estimate);
}

/** Keep the rate link when a line is copied with changes. */
export function withRate(copy: CostLine, original: CostLine): CostLine {
  const rate = rateOf(original);
  if (rate) linkRate(copy, rate);
  return copy;
}

/**
 * A line of `charge` (lib/charges): its component and category come from the charge's definition, so a line can
 * never name one charge and sort as another.
 */
export function rateLine(
  service: string,
  charge: ChargeId,
  label: string,
  quantity: number,
  unit: string,
  rate: Rate,
  extraNote?: string,
): CostLine {
  const note = rate.note ? (extraNote ? `${rate.note} ${extraNote}` : rate.note) : (extraNote ?? "");
  const definition = chargeById(charge).line;
  const line: CostLine = {
    service,
    charge,
    component: definition.component,
    label,
    quantity,
    unit,
    rateUSD: rate.usd,
    usd: quantity * rate.usd,
    usageType: rate.usageType,
    asOf: rate.asOf,
    derived: rate.derived,
  };
  if (note) line.note = note;
  if (definition.category) line.category = definition.category;
  if ((rate.derived && explaining()) || keepEveryRate.on) linkRate(line, rate);
  return line;
}

/** The charge of a line the engine made (every one names it); a line without one is a programming error. */
export function engineLineCharge(line: CostLine): ChargeDefinition {
  const charge = findCharge(line.charge);
  if (!charge) throw new Error(`internal: the cost line "${line.label ?? line.component}" names no charge (lib/charges)`);
  return charge;
}

export function sumUSD(lines: ReadonlyArray<{ usd: number }>): number {
  let total = 0;
  for (const l of lines) total += l.usd;
  return total;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export { num } from "../format";
