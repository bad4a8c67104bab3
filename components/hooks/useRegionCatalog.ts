"use client";
/**
 * A region's price file for the browser: fetched once per catalog id and region from the static JSON route,
 * then validated with lib's catalog parser (a drifted or damaged file becomes an error message, never a guess).
 * Both pages use it; the estimator passes the parser once its lazily loaded kit has arrived.
 */
import { useEffect, useState } from "react";
import type { RegionCatalog } from "@/lib/catalog/schema";

export type ParseRegionCatalog = (json: unknown, label: string, expect: { region: string; catalogId: string }) => RegionCatalog;

export type RegionCatalogState = { status: "loading" } | { status: "ready"; catalog: RegionCatalog } | { status: "error"; error: string };

type Loaded = { catalog: RegionCatalog } | { error: string };

/** `parse` null: not ready to load yet (the state stays "loading"). */
export function useRegionCatalog(catalogId: string, region: string, parse: ParseRegionCatalog | null): RegionCatalogState {
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const key = `${catalogId}/${region}`;
  const entry = loaded[key];

  useEffect(() => {
    if (!parse || entry) return;
    let cancelled = false;
    fetch(`/api/catalog/${encodeURIComponent(catalogId)}/${encodeURIComponent(region)}`)
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null);
        if (!res.ok) {
          const msg = body && typeof body === "object" && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${res.status}`;
          throw new Error(msg);
        }
        return parse(body, key, { region, catalogId });
      })
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

export interface BundledCatalogs {
  newest: string;
  ids: readonly string[];
}

/**
 * The catalog an estimate from a link or a file is priced with: its own when this app bundles it (no id = the
 * newest). When it is not bundled the page never swaps prices silently: it says so and offers the newest.
 */
export type CatalogChoice = { bundled: true; id: string } | { bundled: false; requested: string; newest: string };

export function chooseCatalog(requested: string | undefined, catalogs: BundledCatalogs): CatalogChoice {
  const id = requested ?? catalogs.newest;
  return catalogs.ids.includes(id) ? { bundled: true, id } : { bundled: false, requested: id, newest: catalogs.newest };
}
