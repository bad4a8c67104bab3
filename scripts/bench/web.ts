/**
 * Web figures from the production build, measured against a running server:
 * - first-load JS of /: gzip -9 sum of every /_next/static script the served HTML of / references (the page
 *   is rendered per request for its CSP nonce, so there is no prerendered index.html to read any more);
 * - input edit -> totals and bar chart updated in Chromium, median of 20: scripts/measure-web.mjs
 *   (measureEditLatency, the web helper's method) pointed at the same server.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { BenchSection } from "./engine";
import { ROOT } from "./server";

export async function firstLoadJs(url: string, root = ROOT): Promise<{ chunks: number; rawBytes: number; gzipBytes: number }> {
  const html = await (await fetch(`${url}/`)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!))].filter((s) => s.startsWith("/_next/static/"));
  if (srcs.length === 0) throw new Error("the HTML of / references no /_next/static script");
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of srcs) {
    const file = path.join(root, ".next", "static", decodeURIComponent(src.replace(/^\/_next\/static\//, "").split("?")[0]!));
    const buf = readFileSync(file);
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 9 }).length;
  }
  return { chunks: srcs.length, rawBytes, gzipBytes };
}

interface EditLatency {
  edits: number;
  medianMs: number;
  fullMedianMs: number;
  computeMedianMs: number | null;
  minMs: number;
  maxMs: number;
}

export async function webSections(url: string): Promise<BenchSection[]> {
  const size = await firstLoadJs(url);
  const mod = (await import(pathToFileURL(path.join(ROOT, "scripts", "measure-web.mjs")).href)) as {
    measureEditLatency(o: { edits?: number; url?: string }): Promise<EditLatency>;
  };
  const lat = await mod.measureEditLatency({ edits: 20, url });
  return [
    {
      name: "first-load JS of / (gzip -9)",
      value: size.gzipBytes / 1000,
      unit: "kB",
      target: 200,
      detail: `${size.chunks} chunks, ${(size.rawBytes / 1000).toFixed(1)} kB raw`,
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
