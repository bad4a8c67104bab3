/**
 * Where the slowest requests of a load run come from. Starts the production server with
 * scripts/bench/server-probe.mjs (per second: longest event-loop delay, GC pauses, CPU time the server got,
 * RSS, load average), sends the load run's bodies on 64 keep-alive connections for --duration seconds while
 * timing every request, then prints the slowest requests next to what the server saw while each was open.
 *   npx tsx scripts/bench/worst-requests.ts [--duration 60] [--connections 64]
 * Reading it: a long event-loop delay or GC pause inside the window = the server was stuck on the CPU; neither,
 * with the server getting far less CPU than it asks for while the machine's load average is above its core
 * count = the request waited for a core (another process had it), not for the server.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { estimateBodies } from "./http";
import { sleep, startServer } from "./server";

interface ProbeLine {
  t: number;
  loopMaxMs: number;
  gcMs: number;
  gcMaxMs: number;
  cpuMs: number;
  rssMB: number;
  heapUsedMB: number;
  loadAvg1: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

async function main(): Promise<void> {
  const durationS = arg("duration", 60);
  const connections = arg("connections", 64);
  const dir = mkdtempSync(path.join(os.tmpdir(), "probe-"));
  const probeFile = path.join(dir, "probe.jsonl");
  const server = await startServer({ env: { SERVER_PROBE_FILE: probeFile, NODE_OPTIONS: `--import ${pathToFileURL(path.join(__dirname, "server-probe.mjs")).href}` } });
  const url = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const bodies = estimateBodies();
  /** Per request: when it started, its latency, and when (ms after start) it got a socket, had it connected, got the first response byte. */
  const requests: Array<{ start: number; ms: number; status: number; socketMs: number; connectMs: number; firstByteMs: number; newSocket: boolean }> = [];
  const send = (body: string, start: number) =>
    new Promise<(typeof requests)[number]>((resolve, reject) => {
      let socketMs = -1;
      let connectMs = -1;
      let newSocket = false;
      const req = http.request(
        { host: url.hostname, port: url.port, path: "/api/estimate", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          const firstByteMs = Date.now() - start;
          res.resume();
          res.on("end", () => resolve({ start, ms: Date.now() - start, status: res.statusCode ?? 0, socketMs, connectMs, firstByteMs, newSocket }));
        },
      );
      req.on("socket", (socket) => {
        socketMs = Date.now() - start;
        if (socket.connecting) {
          newSocket = true;
          socket.once("connect", () => (connectMs = Date.now() - start));
        } else connectMs = socketMs;
      });
      req.on("error", reject);
      req.end(body);
    });
  try {
    console.log(`server pid ${server.pid}; ${durationS} s at ${connections} connections; load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
    const end = Date.now() + durationS * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        for (let i = c; Date.now() < end; i++) {
          requests.push(await send(bodies[i % bodies.length]!, Date.now()));
        }
      }),
    );
    await sleep(1500);
  } finally {
    agent.destroy();
    await server.stop();
  }
  const probe = readFileSync(probeFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as ProbeLine);
  rmSync(dir, { recursive: true, force: true });
  const lat = requests.map((r) => r.ms).sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
  const t0 = requests.reduce((m, r) => Math.min(m, r.start), Infinity);
  console.log(`${requests.length} requests (${requests.filter((r) => r.status !== 200).length} not 200), p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${lat.at(-1)} ms`);
  const runEnd = requests.reduce((m, r) => Math.max(m, r.start + r.ms), 0);
  const inRun = probe.filter((p) => p.t >= t0 && p.t <= runEnd + 1000);
  if (inRun.length === 0) throw new Error(`no probe lines during the run (${probe.length} in all): is ${probeFile} written?`);
  const max = (f: (p: ProbeLine) => number) => Math.max(...inRun.map(f));
  const mean = (f: (p: ProbeLine) => number) => inRun.reduce((a, p) => a + f(p), 0) / inRun.length;
  console.log(
    `server during the run: longest event-loop delay ${max((p) => p.loopMaxMs)} ms, longest GC pause ${max((p) => p.gcMaxMs)} ms, ` +
      `GC ${mean((p) => p.gcMs).toFixed(0)} ms/s, CPU ${mean((p) => p.cpuMs).toFixed(0)} ms/s (min ${Math.min(...inRun.map((p) => p.cpuMs))}), ` +
      `RSS ${Math.min(...inRun.map((p) => p.rssMB))}-${max((p) => p.rssMB)} MB, load average ${Math.min(...inRun.map((p) => p.loadAvg1)).toFixed(1)}-${max((p) => p.loadAvg1).toFixed(1)}`,
  );
  console.log("slowest requests (start s into the run, latency) and the server's seconds while each was open:");
  const worst = [...requests].sort((a, b) => b.ms - a.ms);
  const shown: number[] = [];
  for (const r of worst) {
    if (shown.length >= 5) break;
    if (shown.some((s) => Math.abs(s - r.start) < 2000)) continue; // one per burst
    shown.push(r.start);
    const window = probe.filter((p) => p.t >= r.start && p.t <= r.start + r.ms + 1000);
    console.log(
      `  +${((r.start - t0) / 1000).toFixed(1)} s: ${r.ms} ms (${r.newSocket ? "new connection" : "kept-alive connection"}: socket after ${r.socketMs} ms, connected after ${r.connectMs} ms, first byte after ${r.firstByteMs} ms)`,
    );
    for (const p of window) console.log(`      loop max ${p.loopMaxMs} ms, GC ${p.gcMs} ms (max ${p.gcMaxMs}), CPU ${p.cpuMs} ms, RSS ${p.rssMB} MB, load ${p.loadAvg1.toFixed(1)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
