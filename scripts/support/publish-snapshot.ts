/**
 * Publishing a new catalog snapshot, shared by the Pricing refresh and the Spot refresh (scripts/refresh-prices.ts):
 * every region file is composed and validated in a temp directory, re-read exactly as the app reads it, the
 * directory is renamed into place, then data/catalog/index.json is replaced atomically (temp file + rename).
 * On any failure everything half-written is removed and the error is rethrown: the existing files stay
 * byte-identical.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { clearCatalogCache, loadCatalogIndex, loadCatalogList, loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { parseCatalogIndex, parseCatalogList, parseRegionCatalog } from "../../lib/catalog/parse";
import { RefreshDataError } from "../../lib/catalog/refresh-merge";
import type { CatalogIndex, CatalogList, RegionCatalog } from "../../lib/catalog/schema";
import { stableJson } from "../../lib/catalog/stable-json";
import { catalogIndexEntry } from "../../lib/catalog/summary";

/**
 * The snapshot a refresh starts from (the newest bundled one, read afresh) and a check that every region asked for
 * is in it; either the snapshot or the message to print (nothing has been written yet).
 */
export function newestSnapshotFor(
  dataDir: string | undefined,
  regions: readonly string[],
): { ok: true; list: CatalogList; prevId: string; prevIndex: CatalogIndex } | { ok: false; message: string } {
  clearCatalogCache();
  const list = loadCatalogList(dataDir);
  const prevId = list.newest;
  const prevIndex = loadCatalogIndex(prevId, { dataDir });
  const known = prevIndex.regions.map((r) => r.region);
  const unknown = regions.filter((r) => !known.includes(r));
  if (unknown.length > 0) {
    return { ok: false, message: `Unknown region ${unknown.map((r) => `"${r}"`).join(", ")}: not in price catalog ${prevId}. Regions that can be refreshed: ${known.join(", ")}. No files were changed.` };
  }
  return { ok: true, list, prevId, prevIndex };
}

export type PublishInput = {
  dataDir: string;
  list: CatalogList;
  prevId: string;
  prevIndex: CatalogIndex;
  newId: string;
  today: string;
  /** Regions rebuilt by this run; every other region is copied from prevId. */
  refreshed: Map<string, RegionCatalog>;
  note: string;
};

export function publishSnapshot(p: PublishInput): { regions: number } {
  const catalogDir = path.join(p.dataDir, "catalog");
  const listFile = path.join(catalogDir, "index.json");
  const listTmp = `${listFile}.tmp-${process.pid}`;
  let tmpDir: string | undefined = path.join(catalogDir, `.tmp-refresh-${p.newId}-${process.pid}`);
  let finalDir: string | undefined;
  let listReplaced = false;
  try {
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir, { recursive: true });
    const entries: CatalogIndex["regions"] = [];
    for (const entry of p.prevIndex.regions) {
      const catalog = p.refreshed.get(entry.region) ?? { ...loadRegionCatalog(entry.region, p.prevId, { dataDir: p.dataDir }), catalogId: p.newId };
      const text = stableJson(catalog);
      const label = `catalog/${p.newId}/${entry.file}`;
      parseRegionCatalog(JSON.parse(text), label, { region: entry.region, catalogId: p.newId });
      writeFileSync(path.join(tmpDir, entry.file), text);
      entries.push(catalogIndexEntry(catalog, entry.file, Buffer.byteLength(text), gzipSync(text, { level: 9 }).length));
    }
    const index: CatalogIndex = { schemaVersion: 2, catalogId: p.newId, createdAt: p.today, note: p.note, regions: entries };
    writeFileSync(path.join(tmpDir, "index.json"), stableJson(parseCatalogIndex(index, `catalog/${p.newId}/index.json`)));
    // Re-read what was written, exactly as the app will.
    for (const entry of entries) {
      const label = `catalog/${p.newId}/${entry.file}`;
      parseRegionCatalog(JSON.parse(readFileSync(path.join(tmpDir, entry.file), "utf8")), label, { region: entry.region, catalogId: p.newId });
    }
    const newList: CatalogList = parseCatalogList(
      { schemaVersion: 1, newest: p.newId, catalogs: [...p.list.catalogs, { id: p.newId, createdAt: p.today, note: p.note }] },
      "catalog/index.json",
    );
    const target = path.join(catalogDir, p.newId);
    if (existsSync(target)) throw new RefreshDataError(`Snapshot directory ${target} appeared while refreshing; run the command again.`);
    renameSync(tmpDir, target);
    finalDir = target;
    tmpDir = undefined;
    writeFileSync(listTmp, stableJson(newList));
    renameSync(listTmp, listFile);
    listReplaced = true;
    return { regions: entries.length };
  } catch (err) {
    try {
      if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
      if (finalDir && !listReplaced) rmSync(finalDir, { recursive: true, force: true });
      rmSync(listTmp, { force: true });
    } catch {
      /* best effort; the caller reports the failure */
    }
    throw err;
  }
}
