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
import { findCharge } from "@/lib/charges";
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

/** RFC 4180 fields of one CSV record (no newlines inside fields in these exports). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      out.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

/**
 * The FOCUS export is the stored one, row for row and column for column, with one deliberate change: EC2 CPU
 * surplus credits, which the label-based classification filed as "Amazon Web Services / Other" with the line's
 * label as ResourceType, are now EC2 charges (their definition, ec2-cpu-credits). Those four columns of those rows
 * are checked against the new mapping; every other cell must be unchanged.
 */
function sameFocusButCreditsFixed(now: string, before: string): void {
  const nowLines = now.split("\n");
  const beforeLines = before.split("\n");
  expect(nowLines.length).toBe(beforeLines.length);
  const header = csvFields(nowLines[1] ?? "");
  const col = (name: string) => header.indexOf(name);
  const fixed = ["ServiceName", "ServiceCategory", "ServiceSubcategory", "ResourceType"].map(col);
  nowLines.forEach((line, i) => {
    if (line === beforeLines[i]) return;
    const a = csvFields(line);
    const b = csvFields(beforeLines[i] ?? "");
    expect(a[col("x_UsageType")], `row ${i} changed: ${line}`).toMatch(/CPUCredits:/);
    expect(b[col("ServiceName")]).toBe("Amazon Web Services");
    expect(fixed.map((c) => a[c])).toEqual(["Amazon Elastic Compute Cloud", "Compute", "Virtual Machines", "EC2 CPU credits"]);
    a.forEach((cell, c) => {
      if (!fixed.includes(c)) expect(cell, `row ${i} column ${header[c]}`).toBe(b[c]);
    });
  });
}

describe("API answers are the stored ones but for the added charge ids and codes", () => {
  it.each(cases)("POST /api/estimate $name", async ({ name, body }) => {
    const res = await post(estimatePost, "http://127.0.0.1/api/estimate", body);
    const text = await res.text();
    sameExceptAdditions(name, res.status, text);
    // Every cost line names its charge (lib/charges), and the charge's component and category are the line's.
    const answer = JSON.parse(text) as { options?: Array<{ lines: Array<{ charge?: string; component: string; category?: string }> }> };
    for (const line of (answer.options ?? []).flatMap((o) => o.lines)) {
      const charge = findCharge(line.charge);
      expect(charge, JSON.stringify(line)).toBeDefined();
      expect(line.component).toBe(charge?.line.component);
      expect(line.category).toBe(charge?.line.category);
    }
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
      sameFocusButCreditsFixed(`${focus.status}\n${focusText}`, stored(`focus-${name}.csv`, `${focus.status}\n${focusText}`));
    },
  );
});
