import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimate } from "../../lib/engine/estimate";
import { parseEstimateInput } from "../../lib/schemas/estimate";
for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1", "eu-central-1", "ap-northeast-1", "us-gov-west-1"]) {
const cat = loadRegionCatalog(region);
for (const purchase of ["on-demand", "spot", "reserved-1y", "savings-plan-1y"]) for (const orch of ["ecs", "eks"]) {
const p = parseEstimateInput({ version: 1, region, orchestrator: orch, services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 3 }, { name: "b", vcpu: 1, memoryGiB: 2, tasks: 3 , architecture: "arm64"}], ec2: { purchase } });
if (!p.ok) { console.log(JSON.stringify(p.errors)); continue; }
const r = estimate(p.value, cat) as any;
console.log(region, purchase, orch, r.options.filter((o: any) => o.id === "ec2" || o.id === "ecs-managed-instances").map((o: any) => [o.id, o.available, (o.reason ?? "").slice(0, 90)]));
}}
