/**
 * Every region side by side (docs/billing-rules.md#region-comparison): the same workload estimated in each
 * region of its snapshot (the input's region replaced), each option's monthly total, the cheapest option by the
 * recommendation's rules, what is unavailable there and why, and the difference to the current region, sorted
 * by the cheapest total. Pure: catalogs come from the loader the caller passes (files on the server and in the
 * CLI, lib/catalog/fs-loader.ts, which caches them).
 */
import type { RegionCatalog } from "../catalog/schema";
import { estimate } from "../engine/estimate";
import { extend } from "../engine/extend";
import type { EstimateInput, EstimateResult } from "../schemas/estimate";

export interface RegionsLoader {
  /** The snapshot actually used (the newest when `catalogId` is undefined) and its regions, in index order. */
  regions(catalogId: string | undefined): { catalogId: string; regions: ReadonlyArray<{ region: string; location: string }> };
  /** One region's prices of that snapshot. */
  load(region: string, catalogId: string): RegionCatalog;
}

export interface RegionOptionTotal {
  id: string;
  label: string;
  available: boolean;
  monthlyUSD: number | null;
  /** Present when some service gives requestsPerSecond. */
  costPer1MRequests?: number | null;
  /** Why the option cannot run the workload here (null when available). */
  reason: string | null;
}

export interface RegionRow {
  region: string;
  location: string;
  current: boolean;
  /** The recommendation in this region: the cheapest option it may use; null = nothing can run the workload here. */
  cheapest: { optionId: string; label: string; monthlyUSD: number; costPer1MRequests?: number | null } | null;
  /** cheapest - the current region's cheapest (null when either has none). */
  differenceUSD: number | null;
  /** differenceUSD / the current region's cheapest x 100 (null when either has none or it is 0). */
  differencePct: number | null;
  options: RegionOptionTotal[];
  /** What cannot run here and why: unavailable options and input the region cannot honour. */
  unavailable: Array<{ what: string; reason: string }>;
}

export interface RegionComparison {
  catalog: string;
  currentRegion: string;
  /** Regions with a cheapest option first (ascending), then those where nothing can run (by region code). */
  regions: RegionRow[];
}

/** Same-total tie: the current region first, then by region code (stable, reproducible order). */
const TIE_USD = 1e-9;

/**
 * The input priced in one region. Unknown instance types of ec2.instanceTypes are not an error here (they are
 * in the input's own region): the EC2 search just cannot use them, and the row says so.
 */
export function estimateInRegion(input: EstimateInput, catalog: RegionCatalog): { result: EstimateResult; missingTypes: string[] } {
  const regional: EstimateInput = extend(input, { region: catalog.region, catalog: catalog.catalogId });
  let missingTypes: string[] = [];
  if (input.ec2.instanceTypes.length > 0) {
    const known = new Set(catalog.ec2.instanceTypes.map((t) => t.type));
    missingTypes = input.ec2.instanceTypes.filter((t) => !known.has(t));
  }
  // The comparison shows totals and reasons, never warnings or plans' texts: they are not worked out 36 times.
  return { result: estimate(regional, catalog, { detail: "totals" }), missingTypes };
}

function rowOf(input: EstimateInput, catalog: RegionCatalog, location: string, currentRegion: string): RegionRow {
  const { result, missingTypes } = estimateInRegion(input, catalog);
  const options: RegionOptionTotal[] = result.options.map((o) => ({
    id: o.id,
    label: o.label,
    available: o.available,
    monthlyUSD: o.available ? o.monthlyUSD : null,
    ...(o.costPer1MRequests !== undefined ? { costPer1MRequests: o.costPer1MRequests } : {}),
    reason: o.available ? null : (o.reason ?? "not available"),
  }));
  const unavailable: RegionRow["unavailable"] = [];
  if (missingTypes.length > 0) {
    const all = missingTypes.length === input.ec2.instanceTypes.length;
    unavailable.push({
      what: "ec2.instanceTypes",
      reason: `${missingTypes.join(", ")} ${missingTypes.length === 1 ? "is" : "are"} not sold in ${catalog.region} (price catalog ${catalog.catalogId})${all ? "" : "; the EC2 fleet is searched among the others"}`,
    });
  }
  for (const o of options) if (!o.available) unavailable.push({ what: o.label, reason: o.reason ?? "not available" });
  const rec = result.recommendation;
  const best = rec ? options.find((o) => o.id === rec.optionId) : undefined;
  return {
    region: catalog.region,
    location,
    current: catalog.region === currentRegion,
    cheapest:
      rec && best
        ? { optionId: rec.optionId, label: best.label, monthlyUSD: rec.monthlyUSD, ...(best.costPer1MRequests !== undefined ? { costPer1MRequests: best.costPer1MRequests } : {}) }
        : null,
    differenceUSD: null,
    differencePct: null,
    options,
    unavailable,
  };
}

/**
 * Estimate `input` in every region of its snapshot. The current region is `input.region` (it need not be in the
 * snapshot; then no difference is computed). Throws only what the loader throws (a missing or broken file).
 */
export function compareRegions(input: EstimateInput, loader: RegionsLoader): RegionComparison {
  const { catalogId, regions } = loader.regions(input.catalog);
  const rows = regions.map((r) => rowOf(input, loader.load(r.region, catalogId), r.location, input.region));
  const current = rows.find((r) => r.current)?.cheapest?.monthlyUSD ?? null;
  for (const row of rows) {
    if (row.cheapest === null || current === null) continue;
    row.differenceUSD = row.cheapest.monthlyUSD - current;
    row.differencePct = current > 0 ? (row.differenceUSD / current) * 100 : null;
  }
  rows.sort((a, b) => {
    if (a.cheapest && b.cheapest) {
      const diff = a.cheapest.monthlyUSD - b.cheapest.monthlyUSD;
      if (Math.abs(diff) > TIE_USD * Math.max(1, Math.abs(b.cheapest.monthlyUSD))) return diff;
      if (a.current !== b.current) return a.current ? -1 : 1;
    } else if (a.cheapest || b.cheapest) return a.cheapest ? -1 : 1;
    return a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
  });
  return { catalog: catalogId, currentRegion: input.region, regions: rows };
}
