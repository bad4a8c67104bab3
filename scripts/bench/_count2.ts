import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimateChecked } from "../../lib/engine/estimate";
import { parseEstimateInput } from "../../lib/schemas/estimate";
import { estimateBodies } from "./http";
const inputs = estimateBodies().map((b) => { const p = parseEstimateInput(JSON.parse(b)); if (!p.ok) throw 0; return p.value; });
const g = globalThis as any;
for (let i = 0; i < inputs.length; i++) { const cat = loadRegionCatalog(inputs[i]!.region); estimateChecked(inputs[i]!, cat); g.__lb = 0; g.__ev = 0; g.__floor = 0; g.__n = 0; estimateChecked(inputs[i]!, cat); console.log(i, "searches", g.__n, "bounds", g.__lb, "evaluated", g.__ev, "floor", g.__floor); }
