/**
 * npm run bench: performance figures of this machine, printed as a table and written to bench/results.json.
 * Not part of npm test: every target that depends on how fast or how busy the machine is lives here (timings,
 * throughput, frame gaps, server RSS under the 60 s load), each row with its target and the measured value. Needs a production build (`npx next build`; exit 2 without one): the web and HTTP
 * sections run against the app's own `next start` on a free 127.0.0.1 port, stopped by PID at the end.
 * Run it alone (2 cores: anything else running skews the figures).
 * Add a section by writing a function that returns BenchSection[] and listing it in SECTIONS.
 * `npm run bench -- --only=engine,actual` (or BENCH_GROUPS=engine,actual) runs only those groups and replaces only their
 * rows in bench/results.json, keeping the others with the date they were measured.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { rightsizeSections } from "./bench-rightsize";
import { actualBillSections, actualWebSections } from "./bench/actual-bill";
import { engineSections, type BenchSection } from "./bench/engine";
import { k8sImportSections } from "./bench/k8s-import";
import { loadSections } from "./bench/load";
import { requestSplitSections } from "./bench/request-split";
import { httpSections } from "./bench/server-sections";
import { assertBuilt, MissingBuildError, startServer, type RunningServer } from "./bench/server";
import { webSections } from "./bench/web";

let server: RunningServer | undefined;
let rssAtStartMB = 0;

const SECTIONS: Array<{ group: string; run: () => BenchSection[] | Promise<BenchSection[]> }> = [
  { group: "engine", run: () => engineSections() },
  { group: "rightsize", run: () => rightsizeSections() },
  { group: "import", run: () => k8sImportSections() },
  { group: "actual", run: () => actualBillSections() },
  { group: "request", run: () => requestSplitSections() },
  {
    group: "web",
    run: async () => {
      server = await startServer();
      rssAtStartMB = server.rssMB();
      return webSections(server.url);
    },
  },
  // /actual: the 1M-row bill read in the page's worker, on the server the web group started (or started here).
  {
    group: "actual-web",
    run: async () => {
      if (!server) {
        server = await startServer();
        rssAtStartMB = server.rssMB();
      }
      return actualWebSections(server.url);
    },
  },
  {
    group: "http",
    run: async () => {
      if (!server) {
        // BENCH_GROUPS without web: the server starts here.
        server = await startServer();
        rssAtStartMB = server.rssMB();
      }
      return httpSections(server, rssAtStartMB);
    },
  },
  {
    // `npm run load` (60 s at 64 connections, RSS growth budget) on a fresh server of its own.
    group: "load",
    run: async () => {
      await server?.stop();
      server = undefined;
      return loadSections();
    },
  },
];

function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4);
}

async function main(): Promise<number> {
  try {
    assertBuilt();
  } catch (e) {
    if (e instanceof MissingBuildError) {
      console.error(`npm run bench: ${e.message}`);
      return 2;
    }
    throw e;
  }
  try {
    return await runAll();
  } finally {
    await server?.stop();
  }
}

async function runAll(): Promise<number> {
  // 2-core machine, load generator and browser share it with the server: record how busy it was.
  const loadBefore = os.loadavg()[0]!;
  const results: Array<BenchSection & { group: string; pass: boolean | null; measuredAt?: string }> = [];
  const onlyText = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? process.env.BENCH_GROUPS;
  const only = onlyText ? new Set(onlyText.split(",").map((g) => g.trim())) : null;
  const unknown = only ? [...only].filter((g) => !SECTIONS.some((s) => s.group === g)) : [];
  if (unknown.length > 0) {
    console.error(`npm run bench: no group ${unknown.join(", ")}; the groups are ${SECTIONS.map((s) => s.group).join(", ")}`);
    return 2;
  }
  for (const section of SECTIONS) {
    if (only && !only.has(section.group)) continue;
    process.stderr.write(`running ${section.group}...\n`);
    for (const r of await section.run()) results.push({ ...r, group: section.group, pass: r.target === null ? null : r.atLeast ? r.value >= r.target : r.value <= r.target });
  }
  const width = Math.max(...results.map((r) => r.name.length)) + 2;
  console.log(`${"benchmark".padEnd(width)}${"median".padStart(12)}${"target".padStart(16)}  result`);
  for (const r of results) {
    const target = r.target === null ? "-" : `${r.atLeast ? ">=" : "<="} ${fmt(r.target)} ${r.unit}`;
    const verdict = r.pass === null ? "" : r.pass ? "ok" : "OVER TARGET";
    console.log(`${r.name.padEnd(width)}${`${fmt(r.value)} ${r.unit}`.padStart(12)}${target.padStart(16)}  ${verdict}${r.detail ? `  (${r.detail})` : ""}`);
  }
  const out = path.join(process.cwd(), "bench", "results.json");
  mkdirSync(path.dirname(out), { recursive: true });
  const now = new Date().toISOString();
  for (const r of results) r.measuredAt = now;
  if (only && existsSync(out)) {
    // Keep the rows of the groups not run, with when they were measured.
    const previous = JSON.parse(readFileSync(out, "utf8")) as { date: string; results: Array<(typeof results)[number]> };
    const kept = previous.results.filter((r) => !only.has(r.group)).map((r) => ({ ...r, measuredAt: r.measuredAt ?? previous.date }));
    const order = SECTIONS.map((s) => s.group);
    results.splice(0, results.length, ...[...kept, ...results].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group)));
  }
  writeFileSync(
    out,
    JSON.stringify(
      { date: now, groups: only ? [...only] : SECTIONS.map((s) => s.group), machine: { cpus: os.cpus().length, node: process.version, loadAvg1mBefore: loadBefore, loadAvg1mAfter: os.loadavg()[0] }, results },
      null,
      2,
    ) + "\n",
  );
  console.log(`\nload average (1 min) ${loadBefore.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after, on ${os.cpus().length} cores`);
  console.log(`written ${path.relative(process.cwd(), out)}`);
  return results.some((r) => r.pass === false) ? 1 : 0;
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
