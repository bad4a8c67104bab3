/**
 * The price book part of the form draft (the input's `discounts`, docs/billing-rules.md#private-pricing-discounts):
 * text as typed, converted to the raw block the schema validates. Zod-free (part of the page's draft code).
 * Absent draft = no `discounts` in the input, so links made without a price book stay byte-identical.
 */
import type { DiscountCategory, DiscountService, Discounts } from "../schemas/estimate";

/** One per-service or per-category percentage. */
export interface DiscountOverrideDraft {
  /** Stable React key; not part of the estimate. */
  key: string;
  scope: "service" | "category";
  id: DiscountService | DiscountCategory;
  percent: string;
}

export interface DiscountsDraft {
  /** Empty = no name. */
  name: string;
  percent: string;
  overrides: DiscountOverrideDraft[];
}

export function blankDiscountsDraft(): DiscountsDraft {
  return { name: "", percent: "0", overrides: [] };
}

/** `{ discounts }` for the raw input, or nothing when the form has no price book. */
export function discountsToRaw(d: DiscountsDraft | undefined, num: (text: string, path: string) => number): { discounts?: Record<string, unknown> } {
  if (!d) return {};
  const byService: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  for (const o of d.overrides) {
    const target = o.scope === "service" ? byService : byCategory;
    target[o.id] = num(o.percent, `discounts.${o.scope === "service" ? "byService" : "byCategory"}.${o.id}`);
  }
  return {
    discounts: {
      ...(d.name.trim() !== "" ? { name: d.name } : {}),
      percent: num(d.percent, "discounts.percent"),
      ...(Object.keys(byService).length > 0 ? { byService } : {}),
      ...(Object.keys(byCategory).length > 0 ? { byCategory } : {}),
    },
  };
}

/** The input's price book as form text (shortest round-trip numbers). */
export function discountsToDraft(discounts: Discounts | undefined, makeKey: (i: number) => string = (i) => `disc-${i}`): DiscountsDraft | undefined {
  if (!discounts) return undefined;
  const overrides: DiscountOverrideDraft[] = [];
  for (const [id, p] of Object.entries(discounts.byService ?? {})) if (p !== undefined) overrides.push({ key: makeKey(overrides.length), scope: "service", id: id as DiscountService, percent: String(p) });
  for (const [id, p] of Object.entries(discounts.byCategory ?? {})) if (p !== undefined) overrides.push({ key: makeKey(overrides.length), scope: "category", id: id as DiscountCategory, percent: String(p) });
  return { name: discounts.name ?? "", percent: String(discounts.percent), overrides };
}
