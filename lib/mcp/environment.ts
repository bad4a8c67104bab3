/**
 * What the MCP tools need from where they run: the price catalog loaders, the billing rules text and the base URL
 * of share links. The stdio server (bin/mcp.ts) and POST /api/mcp build it over the bundled files with
 * filesMcpEnvironment; tests may pass their own.
 */
import path from "node:path";
import { loadBillingRulesDoc, loadCatalogIndex, loadCatalogList, loadRegionCatalog } from "../catalog/fs-loader";
import type { CatalogIndex, CatalogList } from "../catalog/schema";
import type { CatalogLoader } from "../pipeline/estimate";
import type { RegionsLoader } from "../regions/compare";
import { filesRegionsLoader } from "../regions/files";

export interface McpEnvironment {
  loadCatalog: CatalogLoader;
  regions: RegionsLoader;
  catalogList: () => CatalogList;
  catalogIndex: (catalogId?: string) => CatalogIndex;
  /** The text of docs/billing-rules.md. */
  billingRules: () => string;
  /** Origin (and base path) of the estimator page that share links open, e.g. "https://costs.example.com". */
  shareBaseUrl: string;
}

/** The default page a share link opens when nothing says where the app runs (`npm run dev`). */
export const DEFAULT_SHARE_BASE_URL = "http://localhost:3000";

/** The bundled files under `rootDir` (holding data/catalog and docs/); default: the working directory. */
export function filesMcpEnvironment(opts: { rootDir?: string; shareBaseUrl?: string } = {}): McpEnvironment {
  const dataDir = opts.rootDir === undefined ? undefined : path.join(opts.rootDir, "data");
  const dataOpts = dataDir === undefined ? {} : { dataDir };
  return {
    loadCatalog: (region, catalogId) => loadRegionCatalog(region, catalogId, dataOpts),
    regions: filesRegionsLoader(dataDir),
    catalogList: () => loadCatalogList(dataDir),
    catalogIndex: (catalogId) => loadCatalogIndex(catalogId, dataOpts),
    billingRules: () => loadBillingRulesDoc(opts.rootDir),
    shareBaseUrl: (opts.shareBaseUrl ?? DEFAULT_SHARE_BASE_URL).replace(/\/+$/, ""),
  };
}
