/**
 * npm run bench: performance figures of this machine, printed as a table and written to bench/results.json.
 * Add a section by writing a function that returns BenchSection[] and listing it in SECTIONS.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { engineSections, type BenchSection } from "./bench/engine";

const SECTIONS: Array<{ group: string; run: () => BenchSection[] | Promise<BenchSection[]> }> = [{ group: "engine", run: () => engineSections() }];

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4);
}

async function main(): Promise<number> {
  const results: Array<BenchSection & { group: string; pass: boolean | null }> = [];
  for (const section of SECTIONS) {
    for (const r of await section.run()) results.push({ ...r, group: section.group, pass: r.target === null ? null : r.value <= r.target });
  }
  const width = Math.max(...results.map((r) => r.name.length)) + 2;
  console.log(`${"benchmark".padEnd(width)}${"median".padStart(12)}${"target".padStart(16)}  result`);
  for (const r of results) {
    const target = r.target === null ? "-" : `<= ${fmt(r.target)} ${r.unit}`;
    const verdict = r.pass === null ? "" : r.pass ? "ok" : "OVER TARGET";
    console.log(`${r.name.padEnd(width)}${`${fmt(r.value)} ${r.unit}`.padStart(12)}${target.padStart(16)}  ${verdict}${r.detail ? `  (${r.detail})` : ""}`);
  }
  const out = path.join(process.cwd(), "bench", "results.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2) + "\n",
  );
  console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
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
