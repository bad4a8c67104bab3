"use client";
/**
 * A region's price file for the browser, fetched and validated once per catalog id and region by lib's
 * fetchRegionCatalog (a drifted or damaged file becomes an error message, never a guess). Both pages use it;
 * the estimator passes the parser once its lazily loaded kit has arrived.
 */
import { useEffect, useState } from "react";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { fetchRegionCatalog, type CatalogParser } from "@/lib/pipeline/region-catalog";

export type RegionCatalogState = { status: "loading" } | { status: "ready"; catalog: RegionCatalog } | { status: "error"; error: string };

type Loaded = { catalog: RegionCatalog } | { error: string };

/** `parse` null: not ready to load yet (the state stays "loading"). */
export function useRegionCatalog(catalogId: string, region: string, parse: CatalogParser | null): RegionCatalogState {
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const key = `${catalogId}/${region}`;
  const entry = loaded[key];

  useEffect(() => {
    if (!parse || entry) return;
    let cancelled = false;
    fetchRegionCatalog(fetch, parse, catalogId, region)
      .then((catalog) => {
        if (!cancelled) setLoaded((c) => ({ ...c, [key]: { catalog } }));
      })
      .catch((e: unknown) => {
        if (!cancelled) setLoaded((c) => ({ ...c, [key]: { error: e instanceof Error ? e.message : String(e) } }));
      });
    return () => {
      cancelled = true;
    };
  }, [parse, entry, key, catalogId, region]);

  if (!entry) return { status: "loading" };
  return "catalog" in entry ? { status: "ready", catalog: entry.catalog } : { status: "error", error: entry.error };
}
