import { readFileSync } from "node:fs";
import { loadRegionCatalog, loadCatalogIndex } from "../../lib/catalog/fs-loader";
import { estimate } from "../../lib/engine/estimate";
import { costCurve } from "../../lib/engine/curve";
import { parseEstimateInput } from "../../lib/schemas/estimate";
import { oneServiceInput, hundredServicesInput, tenServicesInput } from "./engine";
import { compareRegions } from "../../lib/regions/compare";
/** Best batch mean of CPU time (user+system) per call, µs. */
function cpuUs(fn: () => unknown, batch: number, batches = 7): number {
  for (let i = 0; i < batch; i++) fn();
  let best = Infinity;
  for (let b = 0; b < batches; b++) { const c0 = process.cpuUsage(); for (let i = 0; i < batch; i++) fn(); const c = process.cpuUsage(c0); best = Math.min(best, (c.user + c.system) / batch); }
  return best;
}
const idx = loadCatalogIndex();
const cat = loadRegionCatalog("us-east-1");
const raw = JSON.parse(readFileSync("examples/api-web.json","utf8")); delete raw.catalog;
const p = parseEstimateInput(raw); if (!p.ok) throw new Error("x");
const one = oneServiceInput(), hund = hundredServicesInput(), ten = tenServicesInput();
const only = process.argv[2];
if (!only || only === "a") console.log("api-web µs", cpuUs(() => estimate(p.value, cat), 1000).toFixed(1));
if (!only || only === "a") console.log("one µs", cpuUs(() => estimate(one, cat), 1000).toFixed(1));
if (!only || only === "h") console.log("100 µs", cpuUs(() => estimate(hund, cat), 50).toFixed(0));
if (!only || only === "c") console.log("curve µs", cpuUs(() => costCurve(one, cat, { serviceIndex: 0, maxTasks: 50, points: 25 }), 20).toFixed(0));
if (!only || only === "r") {
const catalogs = new Map(idx.regions.map((r) => [r.region, loadRegionCatalog(r.region, idx.catalogId)]));
const loader = { regions: () => ({ catalogId: idx.catalogId, regions: idx.regions }), load: (r: string) => catalogs.get(r)! };
console.log("regions µs", cpuUs(() => compareRegions(ten, loader as any), 5).toFixed(0));
}
