/**
 * Where POST /api/estimate's time goes, in-process (no HTTP, no framework), per request of the bench's 24 bodies
 * made unique (as the "every body new" HTTP run): JSON.parse, validation (zod), the region's catalog (cached
 * per process), the engine, JSON.stringify of the result, and the route handler doing all of it (body read,
 * answer cache, Response). Compare with the HTTP runs: what a request costs over the handler is the framework
 * and the socket, the same for GET /api/health.
 */
import { performance } from "node:perf_hooks";
import { handleEstimate, resultCache, seenBodies } from "../../app/api/estimate/handler";
import { loadRegionCatalog } from "../../lib/catalog/fs-loader";
import { estimateChecked } from "../../lib/engine/estimate";
import { parseEstimateInput } from "../../lib/schemas/estimate";
import type { BenchSection } from "./engine";
import { estimateBodies } from "./http";

const ROUNDS = 2400;

function perCallUs(run: (i: number) => unknown): number {
  for (let i = 0; i < 480; i++) run(i); // JIT warm-up
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) run(i);
  return ((performance.now() - t0) / ROUNDS) * 1000;
}

export async function requestSplitSections(): Promise<BenchSection[]> {
  const bodies = estimateBodies();
  const raws = bodies.map((b) => JSON.parse(b) as unknown);
  const inputs = raws.map((raw, i) => {
    const parsed = parseEstimateInput(raw);
    if (!parsed.ok) throw new Error(`bench body ${i} is invalid: ${JSON.stringify(parsed.errors)}`);
    return parsed.value;
  });
  const catalogs = inputs.map((input) => loadRegionCatalog(input.region, input.catalog));
  const results = inputs.map((input, i) => {
    const outcome = estimateChecked(input, catalogs[i]!);
    if (!outcome.ok) throw new Error(`bench body ${i} does not estimate: ${JSON.stringify(outcome.errors)}`);
    return outcome.result;
  });
  const sizes = results.map((r) => JSON.stringify(r).length);
  const at = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  const rows: Array<[string, number]> = [
    ["JSON.parse of the body", perCallUs((i) => JSON.parse(at(bodies, i)))],
    ["validation (zod, EstimateInput)", perCallUs((i) => parseEstimateInput(at(raws, i)))],
    ["catalog lookup (cached per process)", perCallUs((i) => loadRegionCatalog(at(inputs, i).region, at(inputs, i).catalog))],
    ["engine (every option, EC2 and Managed Instances fleet searches)", perCallUs((i) => estimateChecked(at(inputs, i), at(catalogs, i)))],
    ["JSON.stringify of the result", perCallUs((i) => JSON.stringify(at(results, i)))],
  ];
  // The route handler itself, every body new (names made unique), answer cache emptied first.
  let n = 0;
  const request = (i: number) =>
    new Request("http://127.0.0.1/api/estimate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: at(bodies, i).replaceAll('"name":"svc-', `"name":"split${++n}-svc-`),
    });
  for (let i = 0; i < 480; i++) await (await handleEstimate(request(i))).text();
  resultCache.clear();
  seenBodies.clear();
  const requests = Array.from({ length: ROUNDS }, (_, i) => request(i));
  const t0 = performance.now();
  for (const req of requests) {
    const res = await handleEstimate(req);
    if (res.status !== 200) throw new Error(`handler answered ${res.status}: ${await res.text()}`);
    await res.text();
  }
  const handlerUs = ((performance.now() - t0) / ROUNDS) * 1000;
  resultCache.clear();
  seenBodies.clear();
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  return [
    ...rows.map(([what, us]) => ({ name: `POST /api/estimate in-process: ${what}`, value: us, unit: "µs", target: null })),
    {
      name: "POST /api/estimate in-process: route handler, every body new",
      value: handlerUs,
      unit: "µs",
      target: null,
      detail: `answers ${(Math.min(...sizes) / 1024).toFixed(0)}-${(Math.max(...sizes) / 1024).toFixed(0)} kB, mean ${(mean / 1024).toFixed(1)} kB`,
    },
  ];
}
