/**
 * Each charge definition (lib/charges) against a snapshot's region files: in how many regions its rates are
 * published, derived or not available, what it is on the bill and where docs/billing-rules.md explains it. What the
 * /catalog page's charges table shows. Pure.
 */
import { CHARGES, type ChargeDefinition } from "../charges";
import { isUnavailable, type RegionCatalog } from "./schema";

export interface ChargeCoverage {
  id: string;
  name: string;
  awsService: string | null;
  focusService: string;
  pricing: string;
  units: string[];
  docs: string;
  firstSnapshot: string;
  /** Regions where every rate the charge reads is published / some is derived / none is there. */
  published: number;
  derived: number;
  unavailable: number;
  /** Charges whose rates are not in the catalog (documented in the engine, or the input's own discounts). */
  outsideCatalog: boolean;
}

type Found = "published" | "derived" | "unavailable" | "absent";

/** The value at a rate path of a region file ("network.albHour"); stops at an unavailable slot on the way. */
export function valueAtPath(catalog: RegionCatalog, dotted: string): unknown {
  let value: unknown = catalog;
  for (const part of dotted.split(".")) {
    if (value === undefined || value === null || isUnavailable(value)) return value;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** One rate path in one region file. */
function found(catalog: RegionCatalog, path: string): Found {
  const perType = /^ec2\.instanceTypes\[\]\.(\w+)$/.exec(path);
  if (perType) {
    const column = perType[1]!;
    return catalog.ec2.instanceTypes.some((t) => typeof (t as Record<string, unknown>)[column] === "number") ? "published" : "unavailable";
  }
  const value = valueAtPath(catalog, path);
  if (value === undefined || value === null || isUnavailable(value)) return value === undefined ? "absent" : "unavailable";
  const v = value as { derived?: unknown; rate?: { derived?: unknown }; tiers?: Array<{ rate: { derived: boolean } }> };
  if (v.derived === true || v.rate?.derived === true || v.tiers?.some((t) => t.rate.derived)) return "derived";
  return "published";
}

export function chargeCoverage(catalogs: ReadonlyArray<RegionCatalog>): ChargeCoverage[] {
  return (CHARGES as ReadonlyArray<ChargeDefinition>).map((c) => {
    const inCatalog = c.rates.filter((r) => !r.path.startsWith("("));
    let published = 0;
    let derived = 0;
    let unavailable = 0;
    if (inCatalog.length > 0) {
      for (const catalog of catalogs) {
        const each = inCatalog.map((r) => found(catalog, r.path));
        // A charge is available in a region when any of its rates is (x86 where ARM is not offered, say).
        if (each.every((f) => f === "unavailable" || f === "absent")) unavailable++;
        else if (each.includes("derived")) derived++;
        else published++;
      }
    }
    return {
      id: c.id,
      name: c.name,
      awsService: c.awsService,
      focusService: c.focus.ServiceName,
      pricing: c.focus.PricingCategory ?? c.focus.ChargeCategory,
      units: [...new Set(c.rates.map((r) => r.unit))],
      docs: c.docs,
      firstSnapshot: c.firstSnapshot,
      published,
      derived,
      unavailable,
      outsideCatalog: inCatalog.length === 0,
    };
  });
}
