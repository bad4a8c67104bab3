/**
 * The load run shared by `npm run load` (scripts/load-test.ts) and tests/e2e/load.spec.ts:
 * its own `next start`, 20 s warm-up at the same load, RSS baseline after 10 s idle, 60 s at 64 connections of
 * varied valid POST /api/estimate bodies, 10 s idle, RSS again; answers compared before and after.
 * Why this warm-up: under 64 concurrent estimates V8 grows the heap to a plateau in the first ~20 s (measured:
 * 198 MB -> 276 MB at 10 s, 287-292 MB from 20 s to 60 s); a leak is growth beyond that plateau. Both RSS
 * readings are taken after the same idle time, so V8's idle-time heap shrinking affects both alike.
 */
import { answers, estimateBodies, loadEstimate, type LoadFigures } from "./http";
import { sleep, startServer } from "./server";

export interface LoadReport {
  url: string;
  pid: number;
  durationS: number;
  connections: number;
  bodies: number;
  run: LoadFigures;
  rssStartMB: number;
  rssAfterWarmupMB: number;
  rssPeakMB: number;
  rssEndMB: number;
  rssGrowthMB: number;
  sameAnswersAfter: boolean;
}

export async function runLoad(opts: { durationS?: number; connections?: number; warmupS?: number; idleMs?: number; port?: number; log?: (s: string) => void } = {}): Promise<LoadReport> {
  const durationS = opts.durationS ?? 60;
  const connections = opts.connections ?? 64;
  const log = opts.log ?? (() => {});
  const bodies = estimateBodies();
  const server = await startServer({ port: opts.port });
  try {
    const rssStartMB = server.rssMB();
    const before = await answers(server.url, bodies);
    const bad = before.findIndex((a) => a.status !== 200);
    if (bad >= 0) throw new Error(`body ${bad} is not a valid estimate (HTTP ${before[bad]!.status}): ${before[bad]!.text.slice(0, 300)}`);
    log(`server pid ${server.pid} on ${server.url}, RSS ${rssStartMB.toFixed(1)} MB; warm-up ${opts.warmupS ?? 20} s`);
    await loadEstimate(server.url, { durationS: opts.warmupS ?? 20, connections });
    await sleep(opts.idleMs ?? 10_000);
    const rssAfterWarmupMB = server.rssMB();
    log(`RSS after warm-up and idle: ${rssAfterWarmupMB.toFixed(1)} MB; load ${durationS} s at ${connections} connections`);
    let rssPeakMB = rssAfterWarmupMB;
    const t0 = Date.now();
    let lastLog = 0;
    const sampler = setInterval(() => {
      const rss = server.rssMB();
      rssPeakMB = Math.max(rssPeakMB, rss);
      if (Date.now() - lastLog >= 10_000) {
        lastLog = Date.now();
        log(`  t=${((Date.now() - t0) / 1000).toFixed(0)} s RSS ${rss.toFixed(1)} MB`);
      }
    }, 500);
    const run = await loadEstimate(server.url, { durationS, connections, bodies });
    clearInterval(sampler);
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
      run,
      rssStartMB,
      rssAfterWarmupMB,
      rssPeakMB,
      rssEndMB,
      rssGrowthMB: rssEndMB - rssAfterWarmupMB,
      sameAnswersAfter,
    };
  } finally {
    await server.stop();
  }
}
