/**
 * Issue 20, must-show 2: every charge definition (lib/charges) has an existing anchor in docs/billing-rules.md, a
 * complete FOCUS mapping, and in every region file of every bundled snapshot either a rate or an unavailable reason
 * for each rate it declares; its feed keys exist in the vendored feeds and its bill patterns are anchored.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CHARGE_IDS, CHARGES, catalogSlots, findCharge, rateSlots, type ChargeDefinition } from "@/lib/charges";
import { loadCatalogIndex, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { valueAtPath } from "@/lib/catalog/charge-coverage";
import { isUnavailable, type RegionCatalog } from "@/lib/catalog/schema";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const DATA = path.join(ROOT, "data");
const definitions = CHARGES as ReadonlyArray<ChargeDefinition>;
const rulesDoc = readFileSync(path.join(ROOT, "docs", "billing-rules.md"), "utf8");

const snapshots = loadCatalogList(DATA).catalogs.map((c) => c.id);
const regionFiles: RegionCatalog[] = snapshots.flatMap((id) =>
  loadCatalogIndex(id, { dataDir: DATA }).regions.map((r) => loadRegionCatalog(r.region, id, { dataDir: DATA })),
);

/** Where each per-type price column says why a region has none (a provenance or rule that can be unavailable). */
const PER_TYPE_PROVENANCE: Record<string, string | null> = {
  onDemandUSD: null,
  spotAvgUSD: "ec2.spot",
  reserved1yUSD: "ec2.reserved.reserved-1y",
  reserved3yUSD: "ec2.reserved.reserved-3y",
  managedFeeUSD: "ec2.managedInstances",
  autoModeFeeUSD: "eks.autoMode",
};

/** A rate, a fee rule, egress tiers, an EC2 Savings Plan discount, or an unavailable reason; else what is wrong. */
function problemOf(value: unknown): string | null {
  if (isUnavailable(value)) return value.reason.length > 0 ? null : "unavailable without a reason";
  if (typeof value !== "object" || value === null) return `no slot (${String(value)})`;
  const v = value as Record<string, unknown>;
  if (typeof v.usd === "number" && typeof v.asOf === "string") return null;
  if (typeof v.feeFractionOfOnDemand === "number") return null;
  if (Array.isArray(v.tiers) && v.tiers.length > 0) return null;
  if (typeof v.discount === "number" && typeof v.rate === "object") return null;
  return "neither a rate nor an unavailable reason";
}

describe("charge definitions", () => {
  it("one definition per id, ids unique, and the contract's enum is that list", () => {
    expect(new Set(definitions.map((c) => c.id)).size).toBe(definitions.length);
    expect(definitions.map((c) => c.id).sort()).toEqual([...CHARGE_IDS].sort());
    for (const id of CHARGE_IDS) expect(findCharge(id)?.id).toBe(id);
  });

  it.each(definitions.map((c) => [c.id, c] as const))("%s has a docs anchor, a FOCUS mapping and its quantity and unavailability stated", (_id, c) => {
    expect(rulesDoc, `docs/billing-rules.md has no <a id="${c.docs}">`).toContain(`<a id="${c.docs}"></a>`);
    const f = c.focus;
    for (const column of ["ServiceName", "ServiceCategory", "ServiceSubcategory", "ResourceType", "ChargeCategory", "ChargeFrequency", "PricingUnit"] as const) {
      expect(f[column], column).toMatch(/\S/);
    }
    expect(["Usage", "Credit"]).toContain(f.ChargeCategory);
    // A commitment discount has a category and a type, or neither.
    expect(f.CommitmentDiscountCategory === null).toBe(f.CommitmentDiscountType === null);
    expect(f.PricingCategory === "Committed").toBe(f.CommitmentDiscountCategory !== null);
    expect(c.quantity).toMatch(/\S/);
    expect(c.unavailable).toMatch(/\S/);
    expect(snapshots).toContain(c.firstSnapshot);
    // Filters and feed keys line up with the rates they read (index by index).
    expect(c.priceList.length).toBeLessThanOrEqual(c.rates.length);
    expect(c.feed.length).toBeLessThanOrEqual(c.rates.length);
    if (c.measuredAs) expect(findCharge(c.measuredAs)?.bill, `${c.id} is measured as ${c.measuredAs}`).toBeDefined();
    if (c.bill) {
      expect(c.bill.usage.source.startsWith("^") && c.bill.usage.source.endsWith("$"), "bill usage pattern anchored").toBe(true);
    }
  });

  it(`every rate of every definition is a rate or an unavailable reason in all ${regionFiles.length} region files`, () => {
    const problems: string[] = [];
    for (const catalog of regionFiles) {
      for (const c of definitions) {
        for (const rate of c.rates) {
          if (rate.path.startsWith("(")) continue; // documented in the engine, the same everywhere (CPU credits)
          const perType = /^ec2\.instanceTypes\[\]\.(\w+)$/.exec(rate.path);
          if (perType) {
            const column = perType[1]!;
            const priced = catalog.ec2.instanceTypes.some((t) => typeof (t as Record<string, unknown>)[column] === "number");
            const why = PER_TYPE_PROVENANCE[column];
            if (why === undefined) problems.push(`${c.id}: no provenance known for ${rate.path}`);
            else if (!priced && (why === null || (problemOf(valueAtPath(catalog, why)) !== null && catalog.catalogId >= c.firstSnapshot))) {
              problems.push(`${catalog.catalogId}/${catalog.region} ${c.id}: no type priced and ${why ?? "nothing"} says why not`);
            }
            continue;
          }
          const value = valueAtPath(catalog, rate.path);
          // Before a charge's first snapshot the section may be absent: the engine says the snapshot lacks it.
          if (value === undefined && catalog.catalogId < c.firstSnapshot) continue;
          const problem = problemOf(value);
          if (problem) problems.push(`${catalog.catalogId}/${catalog.region} ${c.id} ${rate.path}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("every single-rate slot of the catalog schema belongs to one definition, and network slots to a catalog group", () => {
    const network = catalogSlots("network");
    expect(network.map((s) => s.key)).toEqual(Object.keys(regionFiles.find((c) => c.catalogId === "2026-12-01")!.network));
    for (const slot of network) expect(slot.charge.catalogGroup, slot.key).toBeDefined();
    const keys = [...rateSlots("network"), ...rateSlots("ec2"), ...rateSlots("eks")].map((s) => `${s.section}.${s.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("every feed key a definition names exists in the vendored feed it names (for some location)", () => {
    const feeds = new Map<string, { regions: Record<string, Record<string, unknown>> }>();
    const missing: string[] = [];
    for (const c of definitions) {
      for (const f of c.feed) {
        if (f.file.includes("<") || f.key.includes("<")) continue; // per-region / per-type files and keys
        let feed = feeds.get(f.file);
        if (!feed) {
          feed = JSON.parse(gunzipSync(readFileSync(path.join(DATA, "sources", `${f.file}.gz`))).toString("utf8")) as { regions: Record<string, Record<string, unknown>> };
          feeds.set(f.file, feed);
        }
        if (!Object.values(feed.regions).some((r) => r[f.key] !== undefined)) missing.push(`${c.id}: "${f.key}" in ${f.file}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
