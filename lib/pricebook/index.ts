/**
 * Price book files: a JSON file holding a negotiated-discount block (the EstimateInput's `discounts`), imported on
 * the page (kept with the estimate: it travels in the input, hence in share links and exports) and read by the CLI
 * (--price-book). The file is either the block itself or an object with a `discounts` key (an estimate input or an
 * exported result works too). Never throws; every problem names its field.
 */
import { DiscountsSchema, toFieldErrors, type Discounts, type FieldError } from "../schemas/estimate";

/** Big enough for any price book (a handful of percentages), small enough that a wrong file is refused at once. */
export const MAX_PRICE_BOOK_BYTES = 64 * 1024;

export type PriceBookOutcome = { ok: true; discounts: Discounts } | { ok: false; errors: FieldError[] };

export function parsePriceBookText(text: string): PriceBookOutcome {
  if (text.length > MAX_PRICE_BOOK_BYTES) return { ok: false, errors: [{ path: "(file)", message: `is ${text.length} characters; a price book is at most ${MAX_PRICE_BOOK_BYTES}` }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return parsePriceBook(raw);
}

export function parsePriceBook(raw: unknown): PriceBookOutcome {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, errors: [{ path: "(file)", message: "must be a JSON object with percent, byService or byCategory (or a discounts block)" }] };
  const record = raw as Record<string, unknown>;
  // An estimate input, an exported result ({ input: { discounts } }) or a bare discounts block.
  const inner = (record.input as Record<string, unknown> | undefined)?.discounts ?? record.discounts;
  const block = inner !== undefined ? inner : raw;
  const prefix = inner !== undefined ? "discounts" : "";
  if (inner === undefined && ("version" in record || "services" in record)) {
    return { ok: false, errors: [{ path: "discounts", message: "is missing: this estimate has no price book" }] };
  }
  const parsed = DiscountsSchema.safeParse(block);
  if (!parsed.success) {
    return { ok: false, errors: toFieldErrors(parsed.error).map((e) => ({ ...e, path: prefix ? (e.path === "(root)" ? prefix : `${prefix}.${e.path}`) : e.path })) };
  }
  return { ok: true, discounts: parsed.data };
}
