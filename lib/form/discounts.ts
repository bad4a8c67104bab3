/**
 * The price book part of the form draft (the input's `discounts`, docs/billing-rules.md#private-pricing-discounts):
 * the drafts of the field table's DISCOUNTS_FIELDS (./fields.ts), and the price-book panel's own conversions (it
 * imports and downloads a book on its own). Absent draft = no `discounts` in the input, so links made without a
 * price book stay byte-identical.
 */
import type { Discounts } from "../schemas/estimate";
import { DISCOUNTS_FIELDS } from "./fields";
import { readTable } from "./from-input";
import { defaultsOf, type DraftOf } from "./table";
import { writeTable, type NumberReader } from "./to-raw";

export type { DiscountOverrideDraft } from "./fields";
export type DiscountsDraft = DraftOf<typeof DISCOUNTS_FIELDS>;

export function blankDiscountsDraft(): DiscountsDraft {
  return defaultsOf(DISCOUNTS_FIELDS);
}

/** `{ discounts }` for a raw input, or nothing when the form has no price book; `num` reads each percentage. */
export function discountsToRaw(d: DiscountsDraft | undefined, num: NumberReader): { discounts?: Record<string, unknown> } {
  if (!d) return {};
  const discounts: Record<string, unknown> = {};
  writeTable(DISCOUNTS_FIELDS, d, discounts, "", "discounts", { num, errors: [] });
  return { discounts };
}

/** The input's price book as form text (shortest round-trip numbers). */
export function discountsToDraft(discounts: Discounts | undefined, makeKey: (i: number) => string = (i) => `disc-${i}`): DiscountsDraft | undefined {
  return discounts ? (readTable(DISCOUNTS_FIELDS, discounts, "", { overrides: makeKey }) as DiscountsDraft) : undefined;
}
