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
