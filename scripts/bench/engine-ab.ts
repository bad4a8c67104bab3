/**
 * The engine of two trees side by side in one process, on a busy machine:
 * `npx tsx scripts/bench/engine-ab.ts <root A> <root B> [seconds per workload] [--keep-names]`.
 * Each root's engine is bundled with esbuild (like the production build, no function-name wrappers; with
 * --keep-names the way tsx, and so `npm run bench`, runs it: every named closure gets an Object.defineProperty),
 * both bundles are loaded, and batches of calls alternate A, B, B, A... per workload, timing each batch's CPU
 * (process.cpuUsage): both trees see the same drifting load, so their ratio compares even when the absolute
 * figures do not. Prints the median CPU per call of each and B/A. Workloads: scripts/bench/engine.ts's inputs
 * (README example, 1 service, 100 services, 36 regions x 10 services, cost curve) and two EKS examples.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

type Workloads = Record<string, { run: () => unknown; batch: number }>;

/** The workloads, importing the engine of `root` (the bundle reads data/ and examples/ from the working directory). */
const driver = (root: string) => `
import { readFileSync } from "node:fs";
import { loadCatalogIndex, loadRegionCatalog } from "${root}/lib/catalog/fs-loader";
import { estimate } from "${root}/lib/engine/estimate";
import { costCurve } from "${root}/lib/engine/curve";
import { compareRegions } from "${root}/lib/regions/compare";
import { parseEstimateInput } from "${root}/lib/schemas/estimate";
import { hundredServicesInput, oneServiceInput, readmeExampleInput, tenServicesInput } from "${root}/scripts/bench/${existsSync(`${root}/scripts/bench/engine-inputs.ts`) ? "engine-inputs" : "engine"}";
const catalog = loadRegionCatalog("us-east-1");
const index = loadCatalogIndex();
const catalogs = new Map(index.regions.map((r) => [r.region, loadRegionCatalog(r.region, index.catalogId)]));
const loader = { regions: () => ({ catalogId: index.catalogId, regions: index.regions }), load: (region) => catalogs.get(region) };
const example = (file) => {
  const raw = JSON.parse(readFileSync(process.cwd() + "/examples/" + file, "utf8"));
  delete raw.catalog;
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) throw new Error(file);
  return parsed.value;
};
const readme = readmeExampleInput(), one = oneServiceInput(), hundred = hundredServicesInput(), ten = tenServicesInput();
const eksA = example("eks-pods-with-sidecars.json"), eksB = example("eks-fargate-aws-example.json");
// Each call prices a new input object with a new services array, as a request does (engine-inputs.ts asNew).
const asNew = (input) => ({ ...input, services: input.services.slice() });
export const workloads = {
  readme: { run: () => estimate(asNew(readme), catalog), batch: 300 },
  one: { run: () => estimate(asNew(one), catalog), batch: 300 },
  hundred: { run: () => estimate(asNew(hundred), catalog), batch: 5 },
  regions: { run: () => compareRegions(asNew(ten), loader), batch: 1 },
  curve: { run: () => costCurve(asNew(one), catalog, { serviceIndex: 0, maxTasks: 50, points: 25 }), batch: 8 },
  eksPods: { run: () => estimate(asNew(eksA), loadRegionCatalog(eksA.region)), batch: 60 },
  eksFargate: { run: () => estimate(asNew(eksB), loadRegionCatalog(eksB.region)), batch: 60 },
};
`;

function bundle(root: string, out: string, keepNames: boolean): Workloads {
  const entry = `${out}.driver.ts`;
  writeFileSync(entry, driver(root));
  // Dependencies (zod) resolve from this tree's node_modules for both bundles.
  buildSync({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", target: "node20", outfile: out, keepNames, logLevel: "warning", nodePaths: [path.join(process.cwd(), "node_modules")], alias: { "@": root } });
  const req = createRequire(path.join(process.cwd(), "package.json"));
  return (req(out) as { workloads: Workloads }).workloads;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function main(): void {
  const args = process.argv.slice(2);
  const keepNames = args.includes("--keep-names");
  const [rootA, rootB, secondsText] = args.filter((a) => !a.startsWith("--"));
  if (!rootA || !rootB) throw new Error("usage: engine-ab.ts <root A> <root B> [seconds per workload] [--keep-names]");
  const seconds = Number(secondsText ?? 10);
  const dir = mkdtempSync(path.join(os.tmpdir(), "engine-ab-"));
  const a = bundle(path.resolve(rootA), path.join(dir, "a.cjs"), keepNames);
  const b = bundle(path.resolve(rootB), path.join(dir, "b.cjs"), keepNames);
  for (const name of Object.keys(a)) {
    const wa = a[name];
    const wb = b[name];
    if (!wa || !wb) continue;
    for (let i = 0; i < wa.batch * 10; i++) {
      wa.run();
      wb.run();
    }
    const times: Record<"a" | "b", number[]> = { a: [], b: [] };
    const end = Date.now() + seconds * 1000;
    for (let flip = false; Date.now() < end; flip = !flip) {
      for (const [key, w] of (flip ? [["b", wb], ["a", wa]] : [["a", wa], ["b", wb]]) as Array<["a" | "b", { run: () => unknown; batch: number }]>) {
        const c0 = process.cpuUsage();
        for (let i = 0; i < w.batch; i++) w.run();
        const c = process.cpuUsage(c0);
        times[key].push((c.user + c.system) / w.batch);
      }
    }
    const ma = median(times.a);
    const mb = median(times.b);
    const us = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(3)} ms` : `${v.toFixed(1)} µs`);
    console.log(`${name.padEnd(11)} A ${us(ma).padStart(10)}  B ${us(mb).padStart(10)}  B/A ${(mb / ma).toFixed(3)}  (${times.a.length} batches each, load ${os.loadavg()[0]!.toFixed(1)}${keepNames ? ", keepNames" : ""})`);
  }
}

main();
