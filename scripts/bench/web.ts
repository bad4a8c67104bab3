/**
 * Web figures from the production build, measured with the web estimator's own method
 * (scripts/measure-web.mjs) against the bench's running server:
 * - first-load JS of /: gzip -9 sum of every /_next/static script the served HTML of / loads up front
 *   (the page is rendered per request for its CSP nonce, so the HTML comes from the server);
 * - input edit -> totals and bar chart updated in Chromium, median of 20 (and the deferred crossover chart).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchSection } from "./engine";
import { ROOT } from "./server";

interface MeasureWeb {
  measureFirstLoadJs(o: { baseUrl?: string }): Promise<{ chunks: unknown[]; rawBytes: number; gzipBytes: number }>;
  measureEditLatency(o: { edits?: number; url?: string }): Promise<{
    edits: number;
    medianMs: number;
    fullMedianMs: number;
    computeMedianMs: number | null;
    minMs: number;
    maxMs: number;
  }>;
}

export async function webSections(url: string): Promise<BenchSection[]> {
  const mod = (await import(pathToFileURL(path.join(ROOT, "scripts", "measure-web.mjs")).href)) as MeasureWeb;
  const size = await mod.measureFirstLoadJs({ baseUrl: url });
  const lat = await mod.measureEditLatency({ edits: 20, url });
  return [
    {
      name: "first-load JS of / (gzip -9)",
      value: size.gzipBytes / 1000,
      unit: "kB",
      target: 200,
      detail: `${size.chunks.length} chunks, ${(size.rawBytes / 1000).toFixed(1)} kB raw`,
    },
    {
      name: "edit -> totals + bar chart updated (Chromium, median of 20)",
      value: lat.medianMs,
      unit: "ms",
      target: 50,
      detail: `min ${lat.minMs.toFixed(1)}, max ${lat.maxMs.toFixed(1)}; estimate ${lat.computeMedianMs?.toFixed(1) ?? "?"} ms`,
    },
    { name: "edit -> crossover chart also updated (deferred pass)", value: lat.fullMedianMs, unit: "ms", target: null },
  ];
}
