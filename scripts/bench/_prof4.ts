import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimateChecked } from "../../lib/engine/estimate";
import { parseEstimateInput } from "../../lib/schemas/estimate";
import { estimateBodies } from "./http";
const inputs = estimateBodies().map((b) => { const p = parseEstimateInput(JSON.parse(b)); if (!p.ok) throw 0; return p.value; });
const cats = inputs.map((i) => loadRegionCatalog(i.region, i.catalog));
const t0 = performance.now(); let c0 = process.cpuUsage();
for (let k = 0; k < 100; k++) for (let i = 0; i < inputs.length; i++) estimateChecked(inputs[i]!, cats[i]!);
const c = process.cpuUsage(c0);
console.log("per engine call cpu µs", ((c.user + c.system) / 2400).toFixed(1));
const per: number[] = [];
for (let i = 0; i < inputs.length; i++) { const c1 = process.cpuUsage(); for (let k = 0; k < 50; k++) estimateChecked(inputs[i]!, cats[i]!); const d = process.cpuUsage(c1); per.push(Math.round((d.user + d.system) / 50)); }
console.log(per.join(" "));
