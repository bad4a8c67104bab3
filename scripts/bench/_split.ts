import { readFileSync } from "node:fs";
import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimate } from "../../lib/engine/estimate";
import * as fleet from "../../lib/engine/fleet";
import { parseEstimateInput } from "../../lib/schemas/estimate";
import { oneServiceInput, hundredServicesInput, medianMs } from "./engine";
const cat = loadRegionCatalog("us-east-1");
const raw = JSON.parse(readFileSync("examples/api-web.json","utf8")); delete raw.catalog;
const p = parseEstimateInput(raw); if (!p.ok) throw 0;
for (const [n, inp, runs] of [["api-web", p.value, 3000], ["one", oneServiceInput(), 3000], ["hundred", hundredServicesInput(), 200]] as const) {
  const specs: any[] = [];
  const orig = fleet.searchFleet;
  const total = medianMs(() => estimate(inp, cat), runs, 200);
  console.log(n, "estimate µs", (total*1000).toFixed(1));
}
