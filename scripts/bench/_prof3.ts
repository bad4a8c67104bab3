import { loadRegionCatalog, loadCatalogIndex } from "../../lib/catalog/fs-loader";
import { costCurve } from "../../lib/engine/curve";
import { compareRegions } from "../../lib/regions/compare";
import { oneServiceInput, tenServicesInput } from "./engine";
const which = process.argv[2];
if (which === "curve") {
  const cat = loadRegionCatalog("us-east-1"); const one = oneServiceInput();
  for (let i = 0; i < 300; i++) costCurve(one, cat, { serviceIndex: 0, maxTasks: 50, points: 25 });
} else {
  const idx = loadCatalogIndex();
  const catalogs = new Map(idx.regions.map((r) => [r.region, loadRegionCatalog(r.region, idx.catalogId)]));
  const loader = { regions: () => ({ catalogId: idx.catalogId, regions: idx.regions }), load: (r: string) => catalogs.get(r)! };
  const ten = tenServicesInput();
  for (let i = 0; i < 100; i++) compareRegions(ten, loader as any);
}
