/**
 * What is a pure function of a catalog object (and a small key), made once per catalog and reused by every estimate
 * on it: price sources, management fees, NodePool type lists (docs/performance.md#after-the-index-the-rest-of-the-engine-2026-12-07). Held weakly, so
 * a catalog that is dropped takes its entries with it.
 */
import type { RegionCatalog } from "../catalog/schema";

/** `make(catalog)` made once per catalog object. */
export function oncePerCatalog<T>(make: (catalog: RegionCatalog) => T): (catalog: RegionCatalog) => T {
  const made = new WeakMap<RegionCatalog, { value: T }>();
  return (catalog) => {
    let entry = made.get(catalog);
    if (!entry) {
      entry = { value: make(catalog) };
      made.set(catalog, entry);
    }
    return entry.value;
  };
}

/** `make(catalog, key)` made once per catalog object and key. */
export function oncePerCatalogAndKey<K, T>(make: (catalog: RegionCatalog, key: K) => T): (catalog: RegionCatalog, key: K) => T {
  const byCatalog = oncePerCatalog(() => new Map<K, T>());
  return (catalog, key) => {
    const byKey = byCatalog(catalog);
    if (!byKey.has(key)) byKey.set(key, make(catalog, key));
    return byKey.get(key) as T;
  };
}
