/**
 * Issue 20, must-show 5: the bench's 24 POST /api/estimate bodies, every example input, a few invalid bodies, and the
 * CSV and FOCUS exports of the examples answer byte-identically to the answers stored before charges became data,
 * except for the fields that refactor adds: `charge` on each cost line and `code` (or `warningCodes`, `reasonCode`)
 * beside a message. The stored answers were written by this file with CAPTURE_API_ANSWERS=1 on commit 4bc2731.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POST as estimatePost } from "@/app/api/estimate/route";
import { POST as focusPost } from "@/app/api/export/focus/route";
import { estimateToCsv } from "@/lib/export/csv";
import { EstimateResultSchema } from "@/lib/schemas/estimate";
import { estimateBodies } from "../../../scripts/bench/http";

const DIR = join(__dirname, "../../fixtures/api-answers");
const CAPTURE = process.env.CAPTURE_API_ANSWERS === "1";

const exampleNames = readdirSync("examples").filter((f) => f.endsWith(".json")).sort();
const invalidBodies: Record<string, string> = {
  "invalid-size": JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: "api", vcpu: 3, memoryGiB: 1, tasks: 1 }] }),
  "invalid-region": JSON.stringify({ version: 1, region: "mars-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] }),
  "invalid-fields": JSON.stringify({ version: 2, region: 5, services: [{ name: "", vcpu: -1, memoryGiB: "x", tasks: 1.5 }], extra: true }),
  "invalid-json": '{"version":1,',
};

const cases: Array<{ name: string; body: string }> = [
  ...estimateBodies().map((body, i) => ({ name: `bench-${String(i).padStart(2, "0")}`, body })),
  ...exampleNames.map((f) => ({ name: `example-${f.replace(/\.json$/, "")}`, body: readFileSync(join("examples", f), "utf8") })),
  ...Object.entries(invalidBodies).map(([name, body]) => ({ name, body })),
];

const post = (handler: (r: Request) => Promise<Response>, url: string, body: string) =>
  handler(new Request(url, { method: "POST", body, headers: { "content-type": "application/json" } }));

/** Removes what the refactor adds, keeping every other key in its order. */
function withoutAdditions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAdditions);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "code" || key === "warningCodes" || key === "reasonCode") continue;
    if (key === "charge" && "component" in value) continue;
    out[key] = withoutAdditions(v);
  }
  return out;
}

function stored(name: string, actual: string): string {
  const file = join(DIR, name);
  if (CAPTURE) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`no stored answer ${file}: run with CAPTURE_API_ANSWERS=1 on the commit named above`);
  return readFileSync(file, "utf8");
}

function sameExceptAdditions(name: string, status: number, text: string): void {
  const before = stored(`${name}.txt`, `${status}\n${text}`);
  const [statusLine, ...rest] = before.split("\n");
  expect(status).toBe(Number(statusLine));
  const json = JSON.stringify(withoutAdditions(JSON.parse(text)));
  expect(json).toBe(rest.join("\n"));
}

describe("API answers are the stored ones but for the added charge ids and codes", () => {
  it.each(cases)("POST /api/estimate $name", async ({ name, body }) => {
    const res = await post(estimatePost, "http://127.0.0.1/api/estimate", body);
    sameExceptAdditions(name, res.status, await res.text());
  });

  it.each(exampleNames.map((f) => ({ name: f.replace(/\.json$/, ""), body: readFileSync(join("examples", f), "utf8") })))(
    "CSV and FOCUS exports of $name",
    async ({ name, body }) => {
      const res = await post(estimatePost, "http://127.0.0.1/api/estimate", body);
      if (res.status !== 200) return;
      const result = EstimateResultSchema.parse(await res.json());
      expect(estimateToCsv(result)).toBe(stored(`csv-${name}.csv`, estimateToCsv(result)));
      const focus = await post(focusPost, "http://127.0.0.1/api/export/focus?format=csv&option=all&month=2026-12", body);
      const focusText = await focus.text();
      expect(`${focus.status}\n${focusText}`).toBe(stored(`focus-${name}.csv`, `${focus.status}\n${focusText}`));
    },
  );
});
