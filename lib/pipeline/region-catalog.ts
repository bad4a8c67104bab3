/**
 * Where the browser gets a region's prices, and which snapshot a share link or an imported file is shown with.
 * Both pages use these (through their catalog hook); the fetch function is passed in, so this stays testable
 * and free of browser globals. The parser is passed in too: the estimator loads zod after first paint.
 */
import type { RegionCatalog } from "../catalog/schema";

/** The static route that serves one region's validated price file (app/api/catalog/[id]/[region]). */
export function regionCatalogUrl(catalogId: string, region: string): string {
  return `/api/catalog/${encodeURIComponent(catalogId)}/${encodeURIComponent(region)}`;
}

export type CatalogParser = (json: unknown, label: string, expect: { region: string; catalogId: string }) => RegionCatalog;

type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>;

/**
 * Fetch and validate one region's price file. Rejects with an Error whose message a banner can show: the
 * route's own explanation for a 404 (it lists what exists), else "HTTP <status>", or the validation problem.
 */
export async function fetchRegionCatalog(fetchFn: FetchLike, parse: CatalogParser, catalogId: string, region: string): Promise<RegionCatalog> {
  const res = await fetchFn(regionCatalogUrl(catalogId, region));
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = body && typeof body === "object" && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${res.status}`;
    throw new Error(message);
  }
  return parse(body, `${catalogId}/${region}`, { region, catalogId });
}

/**
 * The rule for an estimate that names its snapshot (share link, imported file): use that snapshot when it is
 * bundled (same numbers forever); when it is not, say so and offer the newest. No snapshot named = the newest.
 */
export type CatalogChoice =
  | { bundled: true; catalogId: string }
  | { bundled: false; requested: string; newest: string };

export function chooseCatalog(requested: string | undefined, bundledIds: ReadonlyArray<string>, newestId: string): CatalogChoice {
  const catalogId = requested ?? newestId;
  return bundledIds.includes(catalogId) ? { bundled: true, catalogId } : { bundled: false, requested: catalogId, newest: newestId };
}
