import { readFileSync } from "node:fs";
import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimate } from "../../lib/engine/estimate";
import { searchFleet } from "../../lib/engine/fleet";
import { ecsFleetDemands, ecsInstanceCapacity, instancePriceSource } from "../../lib/engine/ec2";
import { parseEstimateInput } from "../../lib/schemas/estimate";
import { oneServiceInput, hundredServicesInput, medianMs } from "./engine";
const cat = loadRegionCatalog("us-east-1");
const raw = JSON.parse(readFileSync("examples/api-web.json","utf8")); delete raw.catalog;
const p = parseEstimateInput(raw); if (!p.ok) throw 0;
for (const [n, inp, runs] of [["api-web", p.value, 5000], ["one", oneServiceInput(), 5000], ["hundred", hundredServicesInput(), 300]] as const) {
  const price = instancePriceSource(cat, inp.ec2.purchase) as any;
  const { byArch } = ecsFleetDemands(inp);
  const cap = ecsInstanceCapacity(inp.ec2);
  const spec = (demands: any, arch: any) => ({ catalog: cat, arch, demands, capacity: cap, hourly: price.hourly, instanceTypes: [], allowBurstable: true, targetUtilizationPct: inp.ec2.targetUtilizationPct, minInstances: inp.ec2.minInstances, rootVolumeGiB: 30, gp3PerGiBHour: 0.08/730, priceText: "x", priceKey: price.key });
  const search = medianMs(() => { for (const [arch, d] of byArch) searchFleet(spec(d, arch)); }, runs, 300);
  const est = medianMs(() => estimate(inp, cat), runs, 300);
  console.log(n, "estimate µs", (est*1000).toFixed(1), "one ECS search pass (all archs) µs", (search*1000).toFixed(1));
}
