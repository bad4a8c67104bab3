/**
 * Kubernetes manifest import (issue 12): the slowest of the 200 hostile manifests (each must be refused in under
 * 1 s; tests/unit/import/hostile.test.ts proves they are all refused) and a realistic 1 MiB stream of valid
 * manifests. Runnable alone: `npx tsx scripts/bench/k8s-import.ts`.
 */
import { pathToFileURL } from "node:url";
import path from "node:path";
import { importKubernetesManifests } from "../../lib/import/k8s";
import { hostileManifests, VALID_MANIFEST } from "../../tests/support/hostile-manifests";
import type { BenchSection } from "./engine";

function timeMs(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export function k8sImportSections(): BenchSection[] {
  const cases = hostileManifests();
  importKubernetesManifests(VALID_MANIFEST); // warm up the parser
  let slowest = { ms: 0, label: "" };
  let refused = 0;
  for (const c of cases) {
    let ok = true;
    const ms = timeMs(() => {
      ok = importKubernetesManifests(c.text).ok;
    });
    if (!ok) refused++;
    if (ms > slowest.ms) slowest = { ms, label: c.label };
  }
  // 100 documents (50 Deployments, 50 CronJobs), padded with comments to just under 1 MiB.
  const docs = Array.from({ length: 50 }, (_, i) => VALID_MANIFEST.replace("name: web", `name: web-${i}`).replace("name: report", `name: report-${i}`)).join("---\n");
  const padding = "# padding\n".repeat(Math.floor((1024 * 1024 - docs.length - 1024) / 10));
  const big = padding + docs;
  const bigMs = Math.min(...[0, 1, 2].map(() => timeMs(() => importKubernetesManifests(big))));
  return [
    { name: "k8s import: slowest of 200 hostile manifests", value: slowest.ms, unit: "ms", target: 1000, detail: `${refused}/200 refused; slowest: ${slowest.label}` },
    { name: "k8s import: 1 MiB of valid manifests (100 documents)", value: bigMs, unit: "ms", target: 1000 },
  ];
}

const script = process.argv[1];
if (script && import.meta.url === pathToFileURL(path.resolve(script)).href) {
  for (const s of k8sImportSections()) console.log(`${s.name}: ${s.value.toFixed(1)} ${s.unit} (target <= ${s.target} ${s.unit})${s.detail ? `  ${s.detail}` : ""}`);
}
