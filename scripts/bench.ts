/**
 * npm run bench: performance figures of this machine, printed as a table and written to bench/results.json.
 * Not part of npm test: every target that depends on how fast or how busy the machine is lives here (timings,
 * throughput, frame gaps, server RSS under the 60 s load), each row with its target and the measured value. Needs a production build (`npx next build`; exit 2 without one): the web and HTTP
 * sections run against the app's own `next start` on a free 127.0.0.1 port, stopped by PID at the end.
 * Run it alone (2 cores: anything else running skews the figures).
 * Add a section by writing a function that returns BenchSection[] and listing it in SECTIONS.
 * `npm run bench -- --only=actual,actual-web` runs those groups only and replaces just their rows in
 * bench/results.json (the other rows, with the date and load of their own run, stay).
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
  // /actual: the 1M-row bill read in the page's worker, on the server the web group started.
  { group: "actual-web", run: async () => actualWebSections((server ??= await startServer()).url) },
  { group: "http", run: () => httpSections(server!, rssAtStartMB) },
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
  const results: Array<BenchSection & { group: string; pass: boolean | null; date?: string; loadAvg1m?: number }> = [];
  const onlyArg = process.argv.find((a) => a.startsWith("--only="));
  const only = onlyArg ? new Set(onlyArg.slice("--only=".length).split(",")) : null;
  const unknown = only ? [...only].filter((g) => !SECTIONS.some((s) => s.group === g)) : [];
  if (unknown.length > 0) {
    console.error(`npm run bench: no group ${unknown.join(", ")}; the groups are ${SECTIONS.map((s) => s.group).join(", ")}`);
    return 2;
  }
  for (const section of SECTIONS.filter((s) => only === null || only.has(s.group))) {
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
  const machine = { cpus: os.cpus().length, node: process.version, loadAvg1mBefore: loadBefore, loadAvg1mAfter: os.loadavg()[0] };
  let document: { date: string; machine: typeof machine; results: typeof results } = { date: new Date().toISOString(), machine, results };
  if (only !== null && existsSync(out)) {
    // A partial run: its rows replace the same groups' rows and carry their own date and load.
    const previous = JSON.parse(readFileSync(out, "utf8")) as typeof document;
    const stamped = results.map((r) => ({ ...r, date: new Date().toISOString(), loadAvg1m: Number(os.loadavg()[0]!.toFixed(2)) }));
    document = { ...previous, results: [...previous.results.filter((r) => !only.has(r.group)), ...stamped] };
  }
  writeFileSync(out, JSON.stringify(document, null, 2) + "\n");
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
