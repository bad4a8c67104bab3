#!/usr/bin/env node
// Measures the web estimator (issue 4 "Performance"):
//  1. first-load JS of / : gzip -9 sum of every <script src="/_next/static/..."> chunk referenced by the
//     HTML of / as served (Next 16 no longer prints First Load JS; toolchain-notes §5). The page is rendered
//     per request for its CSP nonce, so the HTML is fetched from the server rather than read from .next.
//  2. edit -> totals and chart updated latency in Chromium: median of 20 edits of a task count, from the
//     input event until the Fargate total AND the stacked bar chart's bars have both changed (polled each
//     animation frame, i.e. before paint). Also reported: until the crossover chart (rendered in React's
//     deferred pass, ~20 full estimates) has changed too.
// Needs a production build (`next build`). Starts `next start` itself on 127.0.0.1:$MEASURE_PORT (default
// 3124) unless MEASURE_URL points at a running server. Run it under the shared lock:
//   flock /tmp/ecs-next.lock node scripts/measure-web.mjs [--json] [--size-only]
// Exports startServer(), measureFirstLoadJs({baseUrl}), firstLoadJsOfHtml(html) and
// measureEditLatency({url}) for the bench script.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Script chunks a page's HTML loads up front (the <script src> tags; lazily imported chunks are not among them). */
export function firstLoadJsOfHtml(html, dir = root) {
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]))].filter((s) => s.startsWith("/_next/static/"));
  let raw = 0;
  let gzip = 0;
  const chunks = [];
  for (const src of srcs) {
    const file = path.join(dir, ".next", "static", decodeURIComponent(src.replace(/^\/_next\/static\//, "").split("?")[0]));
    const buf = readFileSync(file);
    const gz = gzipSync(buf, { level: 9 }).length;
    raw += buf.length;
    gzip += gz;
    chunks.push({ src, raw: buf.length, gzip: gz });
  }
  return { chunks, rawBytes: raw, gzipBytes: gzip, gzipKB: gzip / 1000, targetKB: 200 };
}

/**
 * First-load JS of /. The page is rendered per request (its CSP nonce, see proxy.ts), so the HTML is fetched
 * from a running server (`baseUrl`); without one, a prerendered .next/server/app/index.html is used if present.
 */
export async function measureFirstLoadJs({ baseUrl, dir = root } = {}) {
  const prerendered = path.join(dir, ".next", "server", "app", "index.html");
  let html;
  if (baseUrl) html = await (await fetch(`${baseUrl}/`)).text();
  else if (existsSync(prerendered)) html = readFileSync(prerendered, "utf8");
  else throw new Error("no prerendered index.html and no server URL to fetch / from");
  return firstLoadJsOfHtml(html, dir);
}

async function waitForHealth(url, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not become healthy`);
}

/** Start `next start` on 127.0.0.1:$MEASURE_PORT (default 3124) unless MEASURE_URL is set; returns {url, stop}. */
export async function startServer() {
  if (process.env.MEASURE_URL) return { url: process.env.MEASURE_URL, stop: () => {} };
  const port = process.env.MEASURE_PORT ?? "3124";
  const url = `http://127.0.0.1:${port}`;
  // node runs Next directly (one process, killed by its own PID; no npx wrapper left behind).
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    stdio: "ignore",
  });
  try {
    await waitForHealth(url, 30_000);
  } catch (e) {
    server.kill("SIGTERM");
    throw e;
  }
  return { url, stop: () => server.kill("SIGTERM") };
}

export async function measureEditLatency({ edits = 20, url } = {}) {
  const { chromium } = await import("@playwright/test");
  const own = url ? null : await startServer();
  const base = url ?? own.url;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + "/");
    // Live = kit and prices loaded; chart drawn.
    await page.getByTestId("status").filter({ hasText: "Live:" }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="chart-cost"] .recharts-bar-rectangle').first().waitFor({ timeout: 30_000 });
    const samples = [];
    const fullSamples = [];
    for (let i = 0; i < edits + 2; i++) {
      const value = String(5 + (i % 7) * 3); // 5, 8, 11, ... never equal to the previous value
      const ms = await page.evaluate(async (v) => {
        const input = document.querySelector('[data-testid="service-0-tasks"]');
        const total = document.querySelector('[data-testid="total-fargate"]');
        const bars = () => [...document.querySelectorAll('[data-testid="chart-cost"] .recharts-bar-rectangle path')].map((p) => p.getAttribute("d")).join("|");
        const cross = () => document.querySelector('[data-testid="chart-crossover"]')?.innerHTML ?? "";
        const beforeTotal = total.getAttribute("data-usd");
        const beforeBars = bars();
        const beforeCross = cross();
        let urgent = null;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        const t0 = performance.now();
        setter.call(input, v);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        return await new Promise((resolve, reject) => {
          const deadline = t0 + 5000;
          const tick = () => {
            const now = performance.now();
            const t = document.querySelector('[data-testid="total-fargate"]');
            if (urgent === null && t && t.getAttribute("data-usd") !== beforeTotal && bars() !== beforeBars) urgent = now - t0;
            if (urgent !== null && cross() !== beforeCross) return resolve({ urgent, full: now - t0 });
            if (now > deadline) return reject(new Error("no update within 5 s"));
            requestAnimationFrame(tick);
          };
          tick();
        });
      }, value);
      if (i >= 2) {
        samples.push(ms.urgent); // first two edits warm the JIT
        fullSamples.push(ms.full);
      }
    }
    fullSamples.sort((a, b) => a - b);
    const fullMedianMs = fullSamples.length % 2 ? fullSamples[(fullSamples.length - 1) / 2] : (fullSamples[fullSamples.length / 2 - 1] + fullSamples[fullSamples.length / 2]) / 2;
    const runs = await page.evaluate(() => performance.getEntriesByName("estimate-run").map((e) => e.duration));
    const compute = runs.slice(-edits).sort((a, b) => a - b);
    const computeMedianMs = compute.length ? compute[Math.floor(compute.length / 2)] : null;
    samples.sort((a, b) => a - b);
    const median = samples.length % 2 ? samples[(samples.length - 1) / 2] : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;
    return { edits: samples.length, medianMs: median, fullMedianMs, computeMedianMs, minMs: samples[0], maxMs: samples[samples.length - 1], targetMs: 50 };
  } finally {
    await browser.close();
    if (own) own.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = new Set(process.argv.slice(2));
  const server = await startServer();
  try {
    const size = await measureFirstLoadJs({ baseUrl: server.url });
    const out = { firstLoadJs: { gzipKB: +size.gzipKB.toFixed(1), rawKB: +(size.rawBytes / 1000).toFixed(1), chunks: size.chunks.length, targetKB: 200 } };
    if (!args.has("--json")) {
      console.log(`First-load JS of /: ${size.chunks.length} chunks, ${(size.rawBytes / 1000).toFixed(1)} kB raw, ${size.gzipKB.toFixed(1)} kB gzip (target <= 200 kB) ${size.gzipKB <= 200 ? "OK" : "OVER"}`);
      for (const c of size.chunks) console.log(`  ${(c.gzip / 1000).toFixed(1).padStart(7)} kB gzip  ${c.src}`);
    }
    if (!args.has("--size-only")) {
      const lat = await measureEditLatency({ url: server.url });
      out.editLatency = { medianMs: +lat.medianMs.toFixed(1), withCrossoverMedianMs: +lat.fullMedianMs.toFixed(1), computeMedianMs: lat.computeMedianMs === null ? null : +lat.computeMedianMs.toFixed(1), minMs: +lat.minMs.toFixed(1), maxMs: +lat.maxMs.toFixed(1), edits: lat.edits, targetMs: 50 };
      if (!args.has("--json")) {
        console.log(`Edit -> totals + stacked bar chart updated: median ${lat.medianMs.toFixed(1)} ms over ${lat.edits} edits (min ${lat.minMs.toFixed(1)}, max ${lat.maxMs.toFixed(1)}; of which estimate ${lat.computeMedianMs?.toFixed(1)} ms; target <= 50 ms) ${lat.medianMs <= 50 ? "OK" : "OVER"}`);
        console.log(`Edit -> crossover chart (deferred pass, ~20 estimates) also updated: median ${lat.fullMedianMs.toFixed(1)} ms`);
      }
    }
    if (args.has("--json")) console.log(JSON.stringify(out, null, 2));
  } finally {
    server.stop();
  }
}
