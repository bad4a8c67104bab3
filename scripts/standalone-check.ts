/**
 * The standalone stage of `npm test` (scripts/test.sh), after `next build`: puts the files the standalone server
 * does not trace in place the way the Dockerfile does (.next/static, public/ if any, data/catalog), starts
 * `node .next/standalone/server.js` from another working directory on its own 127.0.0.1 port (PORT/HOSTNAME),
 * and checks what a container behind a load balancer must serve:
 *   - GET /api/health -> 200 {"ok":true} (the Dockerfile's HEALTHCHECK and a load balancer's health check);
 *   - GET / -> the page, and every /_next/static script and stylesheet it references -> 200;
 *   - the first-load JS of / (gzip -9 of the scripts its HTML loads up front, measured as `npm run bench` does in
 *     scripts/measure-web.mjs) within its budget of 200 kB, so a change that outgrows it fails npm test;
 *   - POST /api/estimate -> 200 with exactly the bytes the same pipeline gives in-process on the repository's
 *     data/ (one example on its pinned snapshot, the same without a snapshot = the bundled newest one);
 *   - a bad body -> 400 naming the field (validation works in the standalone bundle too).
 * The server is stopped by its PID. Exit 0 pass, 1 a check failed, 2 no standalone build.
 *   npx tsx scripts/standalone-check.ts [--port N]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadRegionCatalog } from "../lib/catalog/fs-loader";
import { estimateFromRaw } from "../lib/pipeline/estimate";
import { freePort, sleep } from "./bench/server";
import { placeStandaloneAssets } from "./support/standalone.mjs";

/** The first-load JavaScript budget of / (issue 4's target; gzip -9 kB, 1 kB = 1000 bytes). */
const FIRST_LOAD_BUDGET_KB = 200;

interface FirstLoadJs {
  chunks: Array<{ src: string; gzip: number }>;
  gzipKB: number;
}
type MeasureWeb = { firstLoadJsOfHtml(html: string, dir?: string): FirstLoadJs };

const ROOT = path.resolve(__dirname, "..");
const STANDALONE = path.join(ROOT, ".next", "standalone");

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

function expectedEstimate(raw: unknown): string {
  const outcome = estimateFromRaw(raw, (region, catalogId) => loadRegionCatalog(region, catalogId, { dataDir: path.join(ROOT, "data") }));
  if (!outcome.ok) throw new Error(`the check's own input is invalid: ${JSON.stringify(outcome.errors)}`);
  return JSON.stringify(outcome.result);
}

async function postEstimate(url: string, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/api/estimate`, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: res.status, text: await res.text() };
}

async function runChecks(url: string): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const health = await fetch(`${url}/api/health`);
  const healthText = await health.text();
  add("GET /api/health", health.status === 200 && healthText === '{"ok":true}', `${health.status} ${healthText.slice(0, 80)}`);

  const page = await fetch(`${url}/`);
  const html = await page.text();
  add("GET /", page.status === 200 && html.includes("<html") && /ECS Cost Estimator/.test(html), `${page.status}, ${html.length} bytes of HTML`);
  const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!))];
  const missing: string[] = [];
  for (const asset of assets) {
    const res = await fetch(`${url}${asset}`);
    await res.arrayBuffer();
    if (res.status !== 200) missing.push(`${asset} -> ${res.status}`);
  }
  add("static files referenced by / (.next/static in place)", assets.length > 0 && missing.length === 0, missing.length ? missing.join(", ") : `${assets.length} scripts and stylesheets, all 200`);

  const { firstLoadJsOfHtml } = (await import(pathToFileURL(path.join(ROOT, "scripts", "measure-web.mjs")).href)) as MeasureWeb;
  const firstLoad = firstLoadJsOfHtml(html, ROOT);
  const largest = [...firstLoad.chunks].sort((a, b) => b.gzip - a.gzip).slice(0, 3).map((c) => `${c.src.split("/").pop()} ${(c.gzip / 1000).toFixed(1)} kB`);
  add(
    `first-load JS of / <= ${FIRST_LOAD_BUDGET_KB} kB gzip`,
    firstLoad.chunks.length > 0 && firstLoad.gzipKB <= FIRST_LOAD_BUDGET_KB,
    `${firstLoad.gzipKB.toFixed(1)} kB in ${firstLoad.chunks.length} scripts (largest: ${largest.join(", ")})`,
  );

  // The example that reproduces an old link pins the frozen snapshot; without its pin it is priced on the newest.
  const example = JSON.parse(readFileSync(path.join(ROOT, "examples", "old-link-2026-11-26-api-web.json"), "utf8")) as Record<string, unknown>;
  const { catalog: pinned, ...unpinned } = example;
  for (const [label, raw] of [
    [`examples/old-link-2026-11-26-api-web.json (catalog ${String(pinned)})`, example],
    ["the same without a catalog id (bundled newest snapshot)", unpinned],
  ] as const) {
    const got = await postEstimate(url, JSON.stringify(raw));
    const want = expectedEstimate(raw);
    const total = got.status === 200 ? (JSON.parse(got.text) as { options?: unknown[] }).options?.length : undefined;
    add(`POST /api/estimate ${label}`, got.status === 200 && got.text === want, got.status === 200 ? `200, ${got.text.length} bytes, ${total} options, ${got.text === want ? "identical to the in-process estimate" : "DIFFERS from the in-process estimate"}` : `${got.status} ${got.text.slice(0, 200)}`);
  }

  const bad = await postEstimate(url, JSON.stringify({ ...unpinned, services: [{ name: "api", vcpu: -1, memoryGiB: 2, tasks: 1 }] }));
  add("POST /api/estimate with vcpu -1 -> 400 naming the field", bad.status === 400 && bad.text.includes('"services[0].vcpu"'), `${bad.status} ${bad.text.slice(0, 160)}`);
  return checks;
}

async function main(): Promise<number> {
  const server = path.join(STANDALONE, "server.js");
  if (!existsSync(server)) {
    console.error(`No standalone build (${path.relative(ROOT, server)}): run \`npx next build\` with output: "standalone" first.`);
    return 2;
  }
  const placed = placeStandaloneAssets(ROOT);
  const portArg = process.argv.indexOf("--port");
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Started from an unrelated directory: server.js must find its files (and data/) by itself.
  const cwd = mkdtempSync(path.join(os.tmpdir(), "standalone-cwd-"));
  const child = spawn(process.execPath, ["--max-http-header-size=262144", server], {
    cwd,
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  child.stderr.on("data", (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  console.log(`standalone server pid ${child.pid} on ${url} (cwd ${cwd}); placed ${placed.join(", ")}`);
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server.js exited with code ${child.exitCode}:\n${log}`);
      const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`server.js did not answer within 60 s:\n${log}`);
      await sleep(200);
    }
    const checks = await runChecks(url);
    // HOSTNAME respected: Next prints the address it listens on.
    checks.push({ name: "listens on HOSTNAME:PORT", ok: log.includes(`127.0.0.1:${port}`), detail: log.split("\n").find((l) => l.includes("Local") || l.includes("Network")) ?? log.slice(0, 200) });
    for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
    const failed = checks.filter((c) => !c.ok).length;
    console.log(failed ? `standalone server: ${failed} check(s) failed` : `standalone server: all ${checks.length} checks passed`);
    return failed ? 1 : 0;
  } finally {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, "SIGTERM");
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
    rmSync(cwd, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
