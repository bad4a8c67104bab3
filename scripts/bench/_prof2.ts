import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimate } from "../../lib/engine/estimate";
import { oneServiceInput, hundredServicesInput } from "./engine";
const cat = loadRegionCatalog("us-east-1");
const which = process.argv[2];
const inp = which === "one" ? oneServiceInput() : hundredServicesInput();
const n = which === "one" ? 20000 : 300;
for (let i = 0; i < n; i++) estimate(inp, cat);
