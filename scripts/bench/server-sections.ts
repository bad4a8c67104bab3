/**
 * Server figures in one run of the app's own `next start`: POST /api/estimate (24 varied valid bodies, as a
 * client repeating its inputs sends them) against the trivial GET /api/health of the same server, autocannon
 * 10 s at 64 connections each, 127.0.0.1; the throughput ratio is the figure (target >= 0.8, issue 15). Then the
 * same bodies made unique per request, so the server's result cache never answers: the cost of computing.
 * Server RSS (/proc/<pid>/status) right after start and after all HTTP runs.
 */
import os from "node:os";
import type { BenchSection } from "./engine";
import { loadEstimate, loadEstimateUncached, loadHealth } from "./http";
import { sleep, startServer, type RunningServer } from "./server";
import { estimateWorkerCount } from "../../app/api/estimate/estimate-pool";

/** How many estimate worker threads the bench's server runs (its default on this machine, or ESTIMATE_WORKERS). */
function estimateWorkersText(): string {
  const n = estimateWorkerCount(process.env.ESTIMATE_WORKERS, os.availableParallelism());
  return n === 0 ? "no estimate worker thread" : `${n} estimate worker thread${n === 1 ? "" : "s"} (one per core beyond the first)`;
}

export async function httpSections(server: RunningServer, rssAtStartMB: number): Promise<BenchSection[]> {
  const opts = { durationS: 10, connections: 64 };
  await loadEstimate(server.url, { durationS: 3, connections: 64 }); // JIT warm-up for both routes
  await loadHealth(server.url, { durationS: 2, connections: 64 });
  const health = await loadHealth(server.url, opts);
  await sleep(1000);
  const est = await loadEstimate(server.url, opts);
  await sleep(1000);
  const fresh = await loadEstimateUncached(server.url, opts);
  await sleep(1000);
  // The never-seen ratio again, interleaved (health, new bodies, x3, 5 s each): on a machine shared with other
  // jobs the load drifts between two 10 s runs; alternating short runs puts both routes under the same drift.
  const rounds: Array<{ health: number; fresh: number; load: number }> = [];
  for (let i = 0; i < 3; i++) {
    const h = await loadHealth(server.url, { durationS: 5, connections: 64 });
    const f = await loadEstimateUncached(server.url, { durationS: 5, connections: 64 });
    rounds.push({ health: h.reqPerSec, fresh: f.reqPerSec, load: os.loadavg()[0]! });
  }
  const interleaved = rounds.reduce((a, r) => a + r.fresh, 0) / rounds.reduce((a, r) => a + r.health, 0);
  await sleep(2000);
  const rssAfter = server.rssMB();
  // The same never-seen run with every estimate on the request thread (ESTIMATE_WORKERS=0, a one-core server's
  // default): what the worker threads add (app/api/estimate/estimate-pool.ts).
  const single = await startServer({ env: { ESTIMATE_WORKERS: "0" } });
  let singleThread: { health: number; fresh: number };
  try {
    await loadEstimateUncached(single.url, { durationS: 3, connections: 64 }); // JIT warm-up, as above
    await loadHealth(single.url, { durationS: 2, connections: 64 });
    const h = await loadHealth(single.url, { durationS: 5, connections: 64 });
    const f = await loadEstimateUncached(single.url, { durationS: 5, connections: 64 });
    singleThread = { health: h.reqPerSec, fresh: f.reqPerSec };
  } finally {
    await single.stop();
  }
  const bad = (f: typeof est) => f.errors + f.non2xx;
  // Errors are a row with target 0 (not a crash), so a run on a busy machine still records what it measured.
  // (autocannon counts a timeout among its errors too.)
  const errorText = `health ${bad(health)}, repeated ${bad(est)}, every body new ${bad(fresh)}; of which timeouts (10 s) ${health.timeouts}, ${est.timeouts}, ${fresh.timeouts}`;
  return [
    { name: "GET /api/health throughput (10 s, 64 conn)", value: health.reqPerSec, unit: "req/s", target: null, detail: `p50 ${health.p50ms} ms, max ${health.maxms} ms, ${health.requests} requests` },
    { name: "GET /api/health p99 latency", value: health.p99ms, unit: "ms", target: null },
    { name: "POST /api/estimate throughput (10 s, 64 conn)", value: est.reqPerSec, unit: "req/s", target: null, detail: `p50 ${est.p50ms} ms, max ${est.maxms} ms, ${est.requests} requests, 24 bodies` },
    { name: "POST /api/estimate p99 latency", value: est.p99ms, unit: "ms", target: null },
    {
      name: "estimate / health throughput ratio",
      value: est.reqPerSec / health.reqPerSec,
      unit: "x",
      target: 0.8,
      atLeast: true,
      detail: `p99 ratio ${(est.p99ms / Math.max(health.p99ms, 1)).toFixed(2)}`,
    },
    {
      name: "POST /api/estimate, every body new (no cache hit)",
      value: fresh.reqPerSec,
      unit: "req/s",
      target: null,
      detail: `p50 ${fresh.p50ms} ms, p99 ${fresh.p99ms} ms, max ${fresh.maxms} ms, ${fresh.requests} requests; ${(fresh.reqPerSec / health.reqPerSec).toFixed(2)} x health`,
    },
    {
      // Issue 23: the answer cache cannot help (every body never seen), so this is the engine's own speed.
      name: "every body new / health throughput ratio (answer cache off: no hit possible)",
      value: fresh.reqPerSec / health.reqPerSec,
      unit: "x",
      target: 0.8,
      atLeast: true,
      detail: `${fresh.reqPerSec.toFixed(0)} vs ${health.reqPerSec.toFixed(0)} req/s; with the cache on (24 bodies repeated) ${(est.reqPerSec / health.reqPerSec).toFixed(2)} x; load ${os.loadavg()[0]!.toFixed(1)}`,
    },
    {
      name: "every body new / health, estimates on the request thread (ESTIMATE_WORKERS=0), 5 s each",
      value: singleThread.fresh / singleThread.health,
      unit: "x",
      target: null,
      detail: `${singleThread.fresh.toFixed(0)} vs ${singleThread.health.toFixed(0)} req/s on a server of its own; the rows above use ${estimateWorkersText()}`,
    },
    {
      name: "every body new / health, interleaved 3 x (5 s health, 5 s new bodies), 64 conn",
      value: interleaved,
      unit: "x",
      target: 0.8,
      atLeast: true,
      detail: rounds.map((r) => `${r.fresh.toFixed(0)}/${r.health.toFixed(0)} req/s at load ${r.load.toFixed(1)}`).join("; "),
    },
    { name: "POST /api/estimate, every body new: p50 latency", value: fresh.p50ms, unit: "ms", target: null },
    { name: "POST /api/estimate, every body new: p99 latency", value: fresh.p99ms, unit: "ms", target: null },
    {
      name: "POST /api/estimate, every body new: errors (timeouts included) + non-2xx",
      value: fresh.errors + fresh.non2xx,
      unit: "",
      target: 0,
      detail: `${fresh.requests} requests, ${fresh.timeouts} timeouts (10 s)`,
    },
    { name: "HTTP errors (timeouts included) + non-2xx, all three runs", value: bad(health) + bad(est) + bad(fresh), unit: "", target: 0, detail: errorText },
    { name: "server RSS after start", value: rssAtStartMB, unit: "MB", target: null },
    { name: "server RSS after the HTTP runs", value: rssAfter, unit: "MB", target: null, detail: `+${(rssAfter - rssAtStartMB).toFixed(1)} MB` },
  ];
}
