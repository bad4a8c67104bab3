/**
 * npm run load: 60 s at 64 connections of varied valid POST /api/estimate bodies against this app's own
 * production server (needs `next build`; started on a free 127.0.0.1 port and stopped by PID). By default every
 * request is a body the server has never seen (24 shapes, service names made unique), so each one is computed
 * and fills the server's answer cache to its bound: the worst case for memory. --repeat sends the 24 bodies
 * as they are (answered from the cache after their first time), as `npm run bench` does.
 * Pass: 0 errors, 0 non-2xx, RSS growth (after warm-up -> after the run and a short idle) under 50 MB, and
 * the same answers after the run as before. Exit 0 pass, 1 fail, 2 no build. `npm run bench` runs the same
 * and lists these targets with the measured values; npm test keeps only a bounded correctness check
 * (tests/e2e/load.spec.ts), since thresholds on time and memory fail on a busy machine.
 * The RSS curve (every --sample seconds, default 10; 30 for runs of 10 minutes or more) is printed as it goes and
 * at the end, with the machine's load average.
 * --max-old-space-size MB caps the server's V8 heap as a deployment would (examples/ecs-self-hosting: 384).
 *   npm run load [-- --duration 60 | --minutes 10] [--connections 64] [--sample 10] [--repeat] [--max-old-space-size 384]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RSS_GROWTH_BUDGET_MB, runLoad } from "./bench/load";
import { MissingBuildError } from "./bench/server";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} must be a positive whole number (got ${JSON.stringify(process.argv[i + 1] ?? "")})`);
    process.exit(2);
  }
  return v;
}

async function main(): Promise<number> {
  const durationS = process.argv.includes("--minutes") ? arg("minutes", 1) * 60 : arg("duration", 60);
  const sampleEveryS = arg("sample", durationS >= 600 ? 30 : 10);
  const unique = !process.argv.includes("--repeat");
  const maxOldSpaceMB = process.argv.includes("--max-old-space-size") ? arg("max-old-space-size", 0) : undefined;
  const r = await runLoad({ durationS, connections: arg("connections", 64), sampleEveryS, unique, maxOldSpaceMB, log: (s) => console.log(s) });
  const codes = Object.entries(r.run.statusCodes).map(([k, v]) => `${k}: ${v}`).join(", ");
  console.log("");
  console.log(
    `POST /api/estimate, ${r.durationS} s, ${r.connections} connections, ` +
      (r.unique ? `every body new (${r.bodies} shapes, names made unique: computed, answer cache at its bound)` : `${r.bodies} different bodies repeated (answer cache hits)`) +
      (r.maxOldSpaceMB ? `, server heap capped at --max-old-space-size=${r.maxOldSpaceMB}` : ""),
  );
  console.log(`  requests        ${r.run.requests} (${r.run.reqPerSec.toFixed(0)} req/s)  status codes {${codes}}`);
  console.log(`  latency         p50 ${r.run.p50ms} ms, p99 ${r.run.p99ms} ms, max ${r.run.maxms} ms`);
  console.log(`  errors          ${r.run.errors} (timeouts ${r.run.timeouts}), non-2xx ${r.run.non2xx}`);
  console.log(`  server RSS      start ${r.rssStartMB.toFixed(1)} MB, after warm-up ${r.rssAfterWarmupMB.toFixed(1)} MB, peak ${r.rssPeakMB.toFixed(1)} MB, end ${r.rssEndMB.toFixed(1)} MB`);
  console.log(`  RSS growth      ${r.rssGrowthMB.toFixed(1)} MB (budget < ${RSS_GROWTH_BUDGET_MB} MB)`);
  console.log(`  RSS curve (s: MB) ${r.rssCurve.map((p) => `${p.tS}: ${p.rssMB.toFixed(0)}`).join(", ")}`);
  console.log(`  live heap after full GCs (s: MB) ${r.rssCurve.map((p) => `${p.tS}: ${p.liveHeapMB ?? "?"}`).join(", ")}`);
  if (r.rssCurve.length >= 4) {
    const half = Math.floor(r.rssCurve.length / 2);
    const mean = (xs: typeof r.rssCurve) => xs.reduce((a, p) => a + p.rssMB, 0) / xs.length;
    console.log(`  RSS mean        first half of the run ${mean(r.rssCurve.slice(0, half)).toFixed(1)} MB, second half ${mean(r.rssCurve.slice(half)).toFixed(1)} MB`);
  }
  console.log(`  load average    ${r.loadAvg.start.toFixed(2)} at the start, ${r.loadAvg.end.toFixed(2)} at the end (1 min, ${os.cpus().length} cores)`);
  console.log(`  same answers after the run: ${r.sameAnswersAfter ? "yes" : "NO"}`);
  const ok = r.run.errors === 0 && r.run.non2xx === 0 && r.run.requests > 0 && r.rssGrowthMB < RSS_GROWTH_BUDGET_MB && r.sameAnswersAfter;
  console.log(ok ? "PASS" : "FAIL");
  const out = path.join(process.cwd(), "bench", `load-${r.durationS}s${r.maxOldSpaceMB ? `-heap${r.maxOldSpaceMB}` : ""}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, pass: ok, ...r }, null, 2) + "\n");
  console.log(`written ${path.relative(process.cwd(), out)}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof MissingBuildError) {
      console.error(e.message);
      process.exitCode = 2;
    } else {
      console.error(e);
      process.exitCode = 1;
    }
  },
);
