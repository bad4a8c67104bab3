/**
 * Loads catalog files from data/ with node:fs. The ONLY module under lib/ allowed to touch the file system;
 * it is used by app routes (server side), bin/ and scripts/. Everything it returns is zod-validated:
 * a corrupted or drifted file throws CatalogFileError naming the file and each bad field.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { CatalogLookupError, unknownCatalogError, unknownRegionError } from "./errors";
import { parseCatalogIndex, parseCatalogList, parseJsonText, parseRegionCatalog } from "./parse";
import type { CatalogIndex, CatalogList, RegionCatalog } from "./schema";

export type LoaderOptions = {
  /** The data/ directory (holding catalog/). Default: <cwd>/data. */
  dataDir?: string;
};

function dataDirOf(dataDir?: string): string {
  return path.resolve(/*turbopackIgnore: true*/ dataDir ?? path.join(process.cwd(), "data"));
}

function readText(file: string, label: string): string {
  if (!existsSync(file)) {
    throw new CatalogLookupError("missing-file", `Price catalog file ${label} is missing (${file}). Rebuild it with npm run prices:build.`, []);
  }
  return readFileSync(file, "utf8");
}

const cache = new Map<string, unknown>();

/**
 * Parsed files kept per process, least recently used dropped first: room for every region of three 36-region
 * snapshots with their indexes (comparing all regions reads a whole snapshot), and a bound on memory however
 * many snapshots a data directory holds.
 */
export const MAX_CACHED_CATALOG_FILES = 120;

function cached<T>(key: string, load: () => T): T {
  if (cache.has(key)) {
    const value = cache.get(key) as T;
    cache.delete(key);
    cache.set(key, value);
    return value;
  }
  const value = load();
  cache.set(key, value);
  if (cache.size > MAX_CACHED_CATALOG_FILES) cache.delete(cache.keys().next().value as string);
  return value;
}

/** Forget every cached file (tests, and after a refresh in the same process). */
export function clearCatalogCache(): void {
  cache.clear();
}

/** data/catalog/index.json: the bundled snapshots and the newest one. */
export function loadCatalogList(dataDir?: string): CatalogList {
  const dir = dataDirOf(dataDir);
  return cached(`list|${dir}`, () => {
    const file = path.join(dir, "catalog", "index.json");
    return parseCatalogList(parseJsonText(readText(file, "catalog/index.json"), "catalog/index.json"), "catalog/index.json");
  });
}

/** Ids of the snapshots listed in data/catalog/index.json, oldest first. */
export function listBundledCatalogIds(dataDir?: string): string[] {
  return loadCatalogList(dataDir).catalogs.map((c) => c.id);
}

function resolveCatalogId(catalogId: string | undefined, dir: string): string {
  const list = loadCatalogList(dir);
  const id = catalogId ?? list.newest;
  if (!list.catalogs.some((c) => c.id === id)) {
    throw unknownCatalogError(id, list.catalogs.map((c) => c.id), list.newest);
  }
  return id;
}

/** data/catalog/<id>/index.json (default: newest). Unknown id -> CatalogLookupError listing the ids. */
export function loadCatalogIndex(catalogId?: string, opts: LoaderOptions = {}): CatalogIndex {
  const dir = dataDirOf(opts.dataDir);
  const id = resolveCatalogId(catalogId, dir);
  return cached(`index|${dir}|${id}`, () => {
    const label = `catalog/${id}/index.json`;
    const index = parseCatalogIndex(parseJsonText(readText(path.join(dir, "catalog", id, "index.json"), label), label), label);
    if (index.catalogId !== id) {
      throw new CatalogLookupError("missing-file", `Price catalog file ${label} says catalogId "${index.catalogId}"; expected "${id}".`, []);
    }
    return index;
  });
}

/**
 * One region's price file (default: newest snapshot). Cached per process.
 * Unknown catalog id or region -> CatalogLookupError whose message lists what exists.
 */
export function loadRegionCatalog(region: string, catalogId?: string, opts: LoaderOptions = {}): RegionCatalog {
  const dir = dataDirOf(opts.dataDir);
  const id = resolveCatalogId(catalogId, dir);
  const index = loadCatalogIndex(id, { dataDir: dir });
  const entry = index.regions.find((r) => r.region === region);
  if (!entry) throw unknownRegionError(region, id, index.regions.map((r) => r.region));
  return cached(`region|${dir}|${id}|${region}`, () => {
    const label = `catalog/${id}/${entry.file}`;
    const text = readText(path.join(dir, "catalog", id, entry.file), label);
    return parseRegionCatalog(parseJsonText(text, label), label, { region, catalogId: id });
  });
}

/** Snapshot directories present on disk (whether or not listed), for diagnostics and the refresh command. */
export function listSnapshotDirs(dataDir?: string): string[] {
  const dir = path.join(dataDirOf(dataDir), "catalog");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}-\d{2}-\d{2}(?:\.\d+)?$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/**
 * docs/billing-rules.md, the rules every estimate cites: the MCP server serves it as a resource and `explain` reads
 * its sections (lib/mcp/rules-doc.ts). `rootDir` holds docs/ (default: the working directory, as data/ above); the
 * standalone server has it copied next to data/ (scripts/support/standalone.mjs, next.config.js). Cached per process.
 */
export function loadBillingRulesDoc(rootDir?: string): string {
  const file = path.resolve(/*turbopackIgnore: true*/ rootDir ?? process.cwd(), "docs", "billing-rules.md");
  return cached(`doc|${file}`, () => {
    if (!existsSync(file)) throw new Error(`docs/billing-rules.md is missing (${file}): the server must run from the repository or a standalone build that copied it`);
    return readFileSync(file, "utf8");
  });
}
