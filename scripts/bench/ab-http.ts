/**
 * Two builds side by side on a busy machine: `npx tsx scripts/bench/ab-http.ts <root A> <root B> [rounds]`.
 * Each round starts build A's server, warms it up (3 s of new bodies), measures GET /api/health and
 * POST /api/estimate with every body never seen (5 s each, 64 connections), stops it, then does the same for
 * build B, all on one port (BENCH_PORT, default 3203, 127.0.0.1). Alternating rounds put both builds under the
 * same drifting load, so their ratios compare even when the absolute rates do not. Prints one JSON line per
 * round and the summed ratios. Both roots need `next build`.
 */
import os from "node:os";
import { loadEstimateUncached, loadHealth } from "./http";
import { sleep, startServer } from "./server";

async function measure(root: string, port: number): Promise<{ health: number; fresh: number; p50: number; p99: number; errors: number; load: number }> {
  const server = await startServer({ root, port });
  try {
    await loadEstimateUncached(server.url, { durationS: 3, connections: 64 });
    await loadHealth(server.url, { durationS: 1, connections: 64 });
    const health = await loadHealth(server.url, { durationS: 5, connections: 64 });
    const fresh = await loadEstimateUncached(server.url, { durationS: 5, connections: 64 });
    return {
      health: health.reqPerSec,
      fresh: fresh.reqPerSec,
      p50: fresh.p50ms,
      p99: fresh.p99ms,
      errors: health.errors + health.non2xx + fresh.errors + fresh.non2xx,
      load: os.loadavg()[0]!,
    };
  } finally {
    await server.stop();
    await sleep(500);
  }
}

async function main(): Promise<void> {
  const [a, b, roundsText] = process.argv.slice(2);
  if (!a || !b) {
    console.error("usage: tsx scripts/bench/ab-http.ts <root A> <root B> [rounds]");
    process.exitCode = 2;
    return;
  }
  const port = Number(process.env.BENCH_PORT ?? 3203);
  const rounds = Number(roundsText ?? 3);
  const sums = { a: { health: 0, fresh: 0 }, b: { health: 0, fresh: 0 } };
  for (let i = 0; i < rounds; i++) {
    for (const [name, root] of [["a", a], ["b", b]] as const) {
      const m = await measure(root, port);
      sums[name].health += m.health;
      sums[name].fresh += m.fresh;
      console.log(JSON.stringify({ round: i + 1, build: name, root, ...m, ratio: m.fresh / m.health }));
    }
  }
  console.log(JSON.stringify({ ratioA: sums.a.fresh / sums.a.health, ratioB: sums.b.fresh / sums.b.health, freshA: sums.a.fresh / rounds, freshB: sums.b.fresh / rounds }));
}

void main();
