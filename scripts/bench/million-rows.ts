/**
 * The 1,000,000-row utilization file (Logs Insights shape: timestamp, CPU units, memory MiB; ~33 MB) that
 * tests/e2e/rightsize.spec.ts uploads and `npm run bench` times on /rightsize. Written to disk because a
 * 33 MB buffer sent through the DevTools protocol would itself stall the page.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const MILLION = 1_000_000;

/** Writes the file and returns its size in bytes. */
export function writeMillionRowCsv(file: string): number {
  const lines = ["Timestamp,CpuUtilized,MemoryUtilized"];
  const t0 = Date.UTC(2026, 9, 1);
  for (let i = 0; i < MILLION; i++) lines.push(`${new Date(t0 + i * 60_000).toISOString()},${(100 + ((i * 7919) % 400)).toFixed(1)},${800 + ((i * 104729) % 200)}`);
  const buffer = Buffer.from(lines.join("\n"));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, buffer);
  return buffer.length;
}
