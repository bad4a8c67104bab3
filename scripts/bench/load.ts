/**
 * The load run shared by `npm run load` (scripts/load-test.ts) and tests/e2e/load.spec.ts:
 * its own `next start`, 20 s warm-up at the same load, RSS baseline after 10 s idle, 60 s at 64 connections of
 * varied valid POST /api/estimate bodies, 10 s idle, RSS again; answers compared before and after.
 * Why this warm-up: under 64 concurrent estimates V8 grows the heap to a plateau in the first ~20 s (measured:
 * 198 MB -> 276 MB at 10 s, 287-292 MB from 20 s to 60 s); a leak is growth beyond that plateau. Both RSS
 * readings are taken after the same idle time, so V8's idle-time heap shrinking affects both alike.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { answers, estimateBodies, loadEstimate, loadEstimateUncached, type LoadFigures } from "./http";
import type { BenchSection } from "./engine";
import { sleep, startServer } from "./server";

/** Server RSS growth allowed over the 60 s run (after warm-up and idle -> after the run and idle). */
export const RSS_GROWTH_BUDGET_MB = 50;

export interface LoadReport {
  url: string;
  pid: number;
  durationS: number;
  connections: number;
  bodies: number;
  /** Every request a body the server has not seen (computed, and a new entry for its answer cache). */
  unique: boolean;
  /** V8's old-space cap given to the server (--max-old-space-size), or null for Node's default. */
  maxOldSpaceMB: number | null;
  run: LoadFigures;
  rssStartMB: number;
  rssAfterWarmupMB: number;
  rssPeakMB: number;
  rssEndMB: number;
  rssGrowthMB: number;
  /** RSS sampled during the run: seconds since the run started, MB; liveHeapMB = heap after the latest full GC (server probe). */
  rssCurve: Array<{ tS: number; rssMB: number; liveHeapMB: number | null }>;
  /** 1-minute load average of the machine when the run started and ended (2 cores shared with the load generator). */
  loadAvg: { start: number; end: number };
  sameAnswersAfter: boolean;
}

export async function runLoad(
  opts: { durationS?: number; connections?: number; warmupS?: number; idleMs?: number; port?: number; sampleEveryS?: number; unique?: boolean; maxOldSpaceMB?: number; log?: (s: string) => void } = {},
): Promise<LoadReport> {
  const durationS = opts.durationS ?? 60;
  const connections = opts.connections ?? 64;
  const log = opts.log ?? (() => {});
  const bodies = estimateBodies();
  const unique = opts.unique ?? false;
  const send = unique ? loadEstimateUncached : loadEstimate;
  // The server probe (scripts/bench/server-probe.mjs) reports the heap left after each full GC: live memory.
  const probeDir = mkdtempSync(path.join(os.tmpdir(), "load-probe-"));
  const probeFile = path.join(probeDir, "probe.jsonl");
  const liveHeapMB = (): number | null => {
    if (!existsSync(probeFile)) return null;
    const lines = readFileSync(probeFile, "utf8").trim().split("\n");
    return (JSON.parse(lines.at(-1)!) as { liveHeapMB: number | null }).liveHeapMB;
  };
  const server = await startServer({
    port: opts.port,
    env: {
      SERVER_PROBE_FILE: probeFile,
      NODE_OPTIONS: `--import ${pathToFileURL(path.join(__dirname, "server-probe.mjs")).href}${opts.maxOldSpaceMB ? ` --max-old-space-size=${opts.maxOldSpaceMB}` : ""}`,
    },
  });
  try {
    const rssStartMB = server.rssMB();
    const before = await answers(server.url, bodies);
    const bad = before.findIndex((a) => a.status !== 200);
    if (bad >= 0) throw new Error(`body ${bad} is not a valid estimate (HTTP ${before[bad]!.status}): ${before[bad]!.text.slice(0, 300)}`);
    log(`server pid ${server.pid} on ${server.url}, RSS ${rssStartMB.toFixed(1)} MB; warm-up ${opts.warmupS ?? 20} s`);
    await send(server.url, { durationS: opts.warmupS ?? 20, connections });
    await sleep(opts.idleMs ?? 10_000);
    const rssAfterWarmupMB = server.rssMB();
    log(`RSS after warm-up and idle: ${rssAfterWarmupMB.toFixed(1)} MB; load ${durationS} s at ${connections} connections`);
    let rssPeakMB = rssAfterWarmupMB;
    const sampleEveryMs = (opts.sampleEveryS ?? 10) * 1000;
    const rssCurve: LoadReport["rssCurve"] = [];
    const loadStart = os.loadavg()[0]!;
    const t0 = Date.now();
    let nextSample = t0 + sampleEveryMs;
    const sampler = setInterval(() => {
      const rss = server.rssMB();
      rssPeakMB = Math.max(rssPeakMB, rss);
      if (Date.now() >= nextSample) {
        nextSample += sampleEveryMs;
        const tS = Math.round((Date.now() - t0) / 1000);
        const live = liveHeapMB();
        rssCurve.push({ tS, rssMB: rss, liveHeapMB: live });
        log(`  t=${tS} s RSS ${rss.toFixed(1)} MB, live heap ${live ?? "?"} MB (load average ${os.loadavg()[0]!.toFixed(2)})`);
      }
    }, 500);
    const run = await send(server.url, { durationS, connections, bodies });
    clearInterval(sampler);
    const loadEnd = os.loadavg()[0]!;
    await sleep(opts.idleMs ?? 10_000);
    const rssEndMB = server.rssMB();
    const after = await answers(server.url, bodies);
    const sameAnswersAfter = after.every((a, i) => a.status === 200 && a.text === before[i]!.text);
    return {
      url: server.url,
      pid: server.pid,
      durationS,
      connections,
      bodies: bodies.length,
      unique,
      maxOldSpaceMB: opts.maxOldSpaceMB ?? null,
      run,
      rssStartMB,
      rssAfterWarmupMB,
      rssPeakMB,
      rssEndMB,
      rssGrowthMB: rssEndMB - rssAfterWarmupMB,
      rssCurve,
      loadAvg: { start: loadStart, end: loadEnd },
      sameAnswersAfter,
    };
  } finally {
    await server.stop();
    rmSync(probeDir, { recursive: true, force: true });
  }
}

export interface ConcurrencyReport {
  requests: number;
  connections: number;
  bodies: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Responses received during the run, each compared with the answer the same body got alone beforehand. */
  checked: number;
  /** "body index: status/first bytes" of every answer under load that differed from the one given alone. */
  mismatches: string[];
  sameAnswersAfter: boolean;
}

/**
 * The bounded correctness check npm test runs (tests/e2e/load.spec.ts) against an already running server: a
 * fixed NUMBER of requests (not a duration) at `connections` concurrent connections, every answer compared with
 * the one its body got alone, then each body once more. Nothing here depends on how fast the machine is: the
 * per-request timeout (`timeoutS`) only catches a server that stopped answering. Throughput, latency and RSS
 * targets are `npm run load` / `npm run bench`.
 */
export async function checkConcurrentAnswers(url: string, opts: { requests?: number; connections?: number; timeoutS?: number } = {}): Promise<ConcurrencyReport> {
  const connections = opts.connections ?? 64;
  const requests = opts.requests ?? connections * 20;
  const bodies = estimateBodies();
  const before = await answers(url, bodies);
  const bad = before.findIndex((a) => a.status !== 200);
  if (bad >= 0) throw new Error(`body ${bad} is not a valid estimate (HTTP ${before[bad]!.status}): ${before[bad]!.text.slice(0, 300)}`);
  let checked = 0;
  const mismatches: string[] = [];
  const r = await autocannon({
    url: `${url}/api/estimate`,
    connections,
    amount: requests,
    timeout: opts.timeoutS ?? 120,
    requests: bodies.map((body, i) => ({
      method: "POST",
      path: "/api/estimate",
      headers: { "content-type": "application/json" },
      body,
      onResponse: (status: number, text: string) => {
        checked++;
        if (status !== 200 || text !== before[i]!.text) mismatches.push(`${i}: ${status} ${text.slice(0, 120)}`);
      },
    })),
  });
  const after = await answers(url, bodies);
  return {
    requests: r.requests.total,
    connections,
    bodies: bodies.length,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)])),
    checked,
    mismatches,
    sameAnswersAfter: after.every((a, i) => a.status === 200 && a.text === before[i]!.text),
  };
}

/** The 60 s load run as `npm run bench` rows, target vs measured (the same pass rule as `npm run load`). */
export async function loadSections(opts: { durationS?: number; connections?: number } = {}): Promise<BenchSection[]> {
  const r = await runLoad(opts);
  const label = `load ${r.durationS} s at ${r.connections} conn`;
  return [
    {
      name: `${label}: server RSS growth`,
      value: r.rssGrowthMB,
      unit: "MB",
      target: RSS_GROWTH_BUDGET_MB,
      detail: `${r.rssAfterWarmupMB.toFixed(1)} -> ${r.rssEndMB.toFixed(1)} MB after warm-up and idle, peak ${r.rssPeakMB.toFixed(1)} MB`,
    },
    { name: `${label}: errors + timeouts + non-2xx`, value: r.run.errors + r.run.timeouts + r.run.non2xx, unit: "", target: 0, detail: `${r.run.requests} requests` },
    { name: `${label}: answers changed after the run`, value: r.sameAnswersAfter ? 0 : 1, unit: "", target: 0 },
    { name: `${label}: POST /api/estimate throughput`, value: r.run.reqPerSec, unit: "req/s", target: null, detail: `p50 ${r.run.p50ms} ms, p99 ${r.run.p99ms} ms` },
  ];
}
