/**
 * The region comparison's loader over the bundled files (server and CLI only: it reads data/ through
 * lib/catalog/fs-loader.ts, which validates every file and keeps a bounded cache of parsed ones).
 */
import { loadCatalogIndex, loadRegionCatalog } from "../catalog/fs-loader";
import type { RegionsLoader } from "./compare";

export function filesRegionsLoader(dataDir?: string): RegionsLoader {
  const opts = dataDir === undefined ? {} : { dataDir };
  return {
    regions(catalogId) {
      const index = loadCatalogIndex(catalogId, opts);
      return { catalogId: index.catalogId, regions: index.regions };
    },
    load(region, catalogId) {
      return loadRegionCatalog(region, catalogId, opts);
    },
  };
}
