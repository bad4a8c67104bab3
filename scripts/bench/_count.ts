import { readFileSync } from "node:fs";
import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimate } from "../../lib/engine/estimate";
import { fleetIndex } from "../../lib/engine/fleet";
import { parseEstimateInput } from "../../lib/schemas/estimate";
import { oneServiceInput, hundredServicesInput } from "./engine";
import { ecsInstanceCapacity, instancePriceSource } from "../../lib/engine/ec2";
const cat = loadRegionCatalog("us-east-1");
const raw = JSON.parse(readFileSync("examples/api-web.json","utf8")); delete raw.catalog;
const p = parseEstimateInput(raw); if (!p.ok) throw 0;
const g = globalThis as any;
for (const [n, inp] of [["api-web", p.value], ["one", oneServiceInput()], ["hundred", hundredServicesInput()]] as const) {
  estimate(inp, cat); g.__lb = 0; g.__ev = 0; g.__floor = 0; estimate(inp, cat); console.log(n, "bounds", g.__lb, "evaluated", g.__ev, "floor", g.__floor);
}
for (const arch of ["x86_64", "arm64"] as const) for (const tr of [false, true]) {
  const src = instancePriceSource(cat, "on-demand") as any;
  const ix = fleetIndex(cat, arch, ecsInstanceCapacity({ networkMode: "awsvpc", eniTrunking: tr }), "probe-od", src.hourly, undefined);
  console.log(arch, "trunk", tr, "nodes", ix.typeAt.length, "roots", ix.roots.length, "build ms", ix.buildMs.toFixed(2));
}
