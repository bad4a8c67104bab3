/**
 * Why the slowest requests of a load run take seconds: run with `npx tsx scripts/bench/accept-order.ts`.
 * The bench opens 64 keep-alive connections at once and sends a request on each. Node's event loop (libuv,
 * since libuv/libuv#3696, 2022: "unix: don't accept() connections in a loop") accepts ONE new connection per
 * turn of the loop, and a turn serves every request that is ready on the connections already open. So while the
 * server is saturated, the k-th connection is accepted only after k turns, each as long as the requests of the
 * connections before it: its first request waits ~ k^2/2 x the cost of one request, for 64 connections about
 * 2,000 x ~1-2 ms = 2-4 s. Kept-alive requests after that see the normal p99.
 * Evidence printed here, for the app's own server (`next start`, with scripts/bench/server-probe.mjs recording
 * the time of every accepted connection) and for a plain node:http server that burns the same CPU per request:
 * when the client opened its connections, when the server accepted them, and when the slowest answers came.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { estimateBodies } from "./http";
import { sleep, startServer } from "./server";

interface Run {
  label: string;
  p50: number;
  p99: number;
  max: number;
  /** ms after the run started: each response slower than SLOW (3 x p99, at least 250 ms), with its latency. */
  slow: Array<{ atMs: number; latencyMs: number }>;
}

const slowMs = (p99: number) => Math.max(250, 3 * p99);

async function load(label: string, url: string, bodies: string[] | null, durationS: number): Promise<Run & { startedAt: number }> {
  const startedAt = Date.now();
  const latencies: Array<{ atMs: number; latencyMs: number }> = [];
  const instance = autocannon({
    url,
    connections: 64,
    duration: durationS,
    timeout: 10,
    ...(bodies ? { requests: bodies.map((body) => ({ method: "POST", path: new URL(url).pathname, headers: { "content-type": "application/json" }, body })) } : {}),
  });
  (instance as unknown as NodeJS.EventEmitter).on("response", (_client: unknown, _status: number, _bytes: number, latencyMs: number) => {
    latencies.push({ atMs: Date.now() - startedAt, latencyMs });
  });
  const r = await instance;
  const slow = latencies.filter((l) => l.latencyMs > slowMs(r.latency.p99));
  return { label, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, slow, startedAt };
}

function describe(run: Run, accepts: number[] | null): void {
  console.log(`${run.label}: p50 ${run.p50} ms, p99 ${run.p99} ms, max ${run.max} ms`);
  const s = run.slow;
  if (s.length === 0) {
    console.log(`  no response slower than ${slowMs(run.p99)} ms (3 x p99, at least 250 ms)`);
  } else {
    const lastAt = Math.max(...s.map((x) => x.atMs));
    console.log(`  ${s.length} responses slower than ${slowMs(run.p99)} ms (3 x p99, at least 250 ms), all answered in the first ${(lastAt / 1000).toFixed(2)} s of the run; each one's latency vs when it was answered:`);
    const pick = [0, Math.floor(s.length / 4), Math.floor(s.length / 2), Math.floor((3 * s.length) / 4), s.length - 1].map((i) => s[i]!);
    console.log(`  ${pick.map((x) => `${Math.round(x.latencyMs)} ms at +${x.atMs} ms`).join(", ")} (latency = time since the run began: they were queued from the start)`);
  }
  if (accepts) {
    const q = (i: number) => accepts[Math.min(accepts.length - 1, i)]!;
    const spread = q(accepts.length - 1) - q(0);
    console.log(
      `  server accepted the ${accepts.length} connections at +${q(0)}, +${q(15)}, +${q(31)}, +${q(47)}, +${q(63)} ms (1st, 16th, 32nd, 48th, 64th) after the run began` +
        (spread > 100
          ? `: one per event-loop turn while it was already answering the connections before them, so the last one waited ${spread} ms just to be accepted`
          : `: all within ${spread} ms, before the first requests kept the loop busy, so no first request had to wait`),
    );
  }
}

/** A plain node:http server that spends `cpuMs` of CPU per request (what one estimate costs), no framework. */
const PLAIN_SERVER = `
const http = require("node:http");
const net = require("node:net");
const cpuMs = Number(process.argv[1]);
const accepts = [];
const s = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const t = performance.now();
    while (performance.now() - t < cpuMs) {}
    res.setHeader("content-type", "application/json");
    res.end('{"ok":true}');
  });
});
s.on("connection", () => accepts.push(Date.now()));
s.listen(0, "127.0.0.1", () => console.log(s.address().port));
process.on("message", () => { process.send(accepts.splice(0)); });
`;

async function main(): Promise<void> {
  const durationS = 8;
  console.log(`load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores; autocannon 64 connections, ${durationS} s per run`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "accept-"));
  const probeFile = path.join(dir, "probe.jsonl");
  const server = await startServer({ env: { SERVER_PROBE_FILE: probeFile, NODE_OPTIONS: `--import ${pathToFileURL(path.join(__dirname, "server-probe.mjs")).href}` } });
  const acceptsSince = (t0: number, t1: number): number[] =>
    readFileSync(probeFile, "utf8")
      .trim()
      .split("\n")
      .flatMap((l) => (JSON.parse(l) as { accepts?: number[] }).accepts ?? [])
      .filter((t) => t >= t0 && t <= t1)
      .map((t) => t - t0);
  try {
    await load("warm-up", `${server.url}/api/estimate`, estimateBodies(), 3);
    for (const [label, route, bodies] of [
      ["next start, GET /api/health", "/api/health", null],
      ["next start, POST /api/estimate", "/api/estimate", estimateBodies()],
    ] as const) {
      await sleep(1500);
      const run = await load(label, `${server.url}${route}`, bodies ? [...bodies] : null, durationS);
      await sleep(1500); // the probe writes once a second
      describe(run, acceptsSince(run.startedAt, run.startedAt + durationS * 1000));
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const cpuMs of [0, 1]) {
    const child = spawn(process.execPath, ["-e", PLAIN_SERVER, String(cpuMs)], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
    try {
      const port = await new Promise<string>((resolve) => child.stdout!.once("data", (d: Buffer) => resolve(String(d).trim())));
      const run = await load(`plain node:http, ${cpuMs} ms CPU per request`, `http://127.0.0.1:${port}/`, null, durationS);
      const accepts = await new Promise<number[]>((resolve) => {
        child.once("message", (m) => resolve((m as number[]).map((t) => t - run.startedAt)));
        child.send("accepts");
      });
      describe(run, accepts);
    } finally {
      child.kill();
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
