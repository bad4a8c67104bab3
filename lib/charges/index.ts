/**
 * What the rest of lib/ reads from the charge definitions: by id, and the catalog slots they declare.
 */
export * from "./ids";
export * from "./definitions";
import { CHARGES, type ChargeDefinition, type FeedKey, type PriceListFilter, type RateKey } from "./definitions";

/** One rate slot of a region file that holds a single rate (or an unavailable reason) at `section.key`. */
export interface RateSlot {
  section: "network" | "ec2" | "eks";
  key: string;
  rate: RateKey;
  charge: ChargeDefinition;
  /** Where prices:refresh reads it (the first filter of the charge with a flat slot; none for Spot or derived rates). */
  priceList: PriceListFilter | undefined;
  /** Where prices:build reads it in the bundled feeds (none where the rate is documented or derived). */
  feed: FeedKey | undefined;
}

const SLOT_PATH = /^(network|ec2|eks)\.([A-Za-z0-9]+)$/;

/** Every slot directly under a section (single rates, tiers, fee rules), in definition order. */
export function catalogSlots(section: RateSlot["section"]): RateSlot[] {
  const out: RateSlot[] = [];
  for (const charge of CHARGES as ReadonlyArray<ChargeDefinition>) {
    charge.rates.forEach((rate, i) => {
      const m = SLOT_PATH.exec(rate.path);
      if (!m || m[1] !== section) return;
      out.push({ section, key: m[2]!, rate, charge, priceList: charge.priceList[i], feed: charge.feed[i] });
    });
  }
  return out;
}

/** The single-rate slots of a section (not tiers or fee rules): the catalog schema, summary, refresh and /catalog read these. */
export function rateSlots(section: RateSlot["section"]): RateSlot[] {
  return catalogSlots(section).filter((slot) => slot.rate.kind === undefined);
}

/** Where one catalog rate path is declared: its rate key, and the Price List filter and feed key beside it. */
export function rateDeclaration(path: string): { rate: RateKey; priceList: PriceListFilter | undefined; feed: FeedKey | undefined; charge: ChargeDefinition } {
  for (const charge of CHARGES as ReadonlyArray<ChargeDefinition>) {
    const i = charge.rates.findIndex((r) => r.path === path);
    if (i >= 0) return { rate: charge.rates[i]!, priceList: charge.priceList[i], feed: charge.feed[i], charge };
  }
  throw new Error(`internal: no charge definition declares the rate ${path} (lib/charges/definitions.ts)`);
}

/** The usage type (after the billing-code prefix) a rate path is billed under: its Price List filter's, else its own. */
export function usageTypeOfRate(path: string): string {
  const { rate, priceList } = rateDeclaration(path);
  const usageType = priceList?.usageType ?? rate.usageType;
  if (!usageType) throw new Error(`internal: the rate ${path} names no usage type (lib/charges/definitions.ts)`);
  return usageType;
}
