import { describe, expect, it } from "vitest";
import { csvTextCell, estimateToCsv, exportFilename, CSV_COLUMNS } from "@/lib/export/csv";
import { handMadeResult } from "./fixture";

/** Minimal RFC 4180 reader used to check that what we write parses back to the same cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  return rows;
}

describe("CSV export", () => {
  it("writes a header and one row per line with full-precision numbers", () => {
    const rows = readCsv(estimateToCsv(handMadeResult()));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3); // header + 2 lines; the unavailable Spot option has no lines
    expect(rows[1]).toEqual(["fargate", "api", "vcpu", "730", "vCPU-hours", "0.04048", "29.5504", "USE1-Fargate-vCPU-Hours:perCPU", "2026-09-29", "false", "", "", "false", "", ""]); // no label, no environment
    expect(rows[2]?.[9]).toBe("true");
    expect(rows[2]?.[10]).toBe('derived, "x0.8", of x86'); // quotes and commas survive
  });

  it("carries a network line's category and whether it is shared by every option", () => {
    const result = handMadeResult();
    const option = result.options[0]!;
    option.lines.push({ ...option.lines[0]!, service: "Network and shared", component: "other", label: "NAT gateway hours", category: "nat-gateway", shared: true });
    const rows = readCsv(estimateToCsv(result));
    const nat = rows.find((r) => r[1] === "Network and shared");
    expect(nat?.slice(2, 3)).toEqual(["other"]);
    expect(nat?.slice(11)).toEqual(["nat-gateway", "true", "NAT gateway hours", ""]); // no environment: the whole estimate's
  });

  it("neutralises spreadsheet formulas in text cells", () => {
    for (const start of ["=", "+", "-", "@"]) {
      const name = `${start}HYPERLINK("http://x","y")`;
      const rows = readCsv(estimateToCsv(handMadeResult(name)));
      expect(rows[1]?.[1]).toBe(`'${name}`);
    }
    expect(csvTextCell("\tcmd")).toBe("'\tcmd");
    expect(csvTextCell("plain")).toBe("plain");
  });

  it("quotes commas, quotes, newlines and edge spaces", () => {
    expect(csvTextCell("a,b")).toBe('"a,b"');
    expect(csvTextCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvTextCell("two\nlines")).toBe('"two\nlines"');
    expect(csvTextCell(" padded")).toBe('" padded"');
  });

  it("names files with the UTC date", () => {
    expect(exportFilename(new Date("2026-11-26T23:59:00Z"), "json")).toBe("ecs-estimate-2026-11-26.json");
    expect(exportFilename(new Date("2026-11-27T00:00:00Z"), "csv")).toBe("ecs-estimate-2026-11-27.csv");
  });
});

describe("CSV export: ECS Managed Instances", () => {
  it("exports the option's lines with their labels, so the management fee row says what it is", async () => {
    const { loadRegionCatalog } = await import("@/lib/catalog/fs-loader");
    const { estimateRaw } = await import("@/lib/engine/estimate");
    const { MEMORY_BOUND, withHeader } = await import("../engine/managed-instances-fixtures");
    const outcome = estimateRaw(withHeader(MEMORY_BOUND), loadRegionCatalog("us-east-1", "2026-12-01"));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const rows = readCsv(estimateToCsv(outcome.result));
    const mi = rows.filter((r) => r[0] === "ecs-managed-instances");
    // instance, management fee, root volume (hand arithmetic: tests/unit/engine/managed-instances.test.ts)
    expect(mi.map((r) => r[13])).toEqual(["EC2 instance (on-demand, r6i.large)", "ECS Managed Instances management fee (r6i.large)", "EBS gp3 root volume (30 GiB per instance)"]);
    const fee = mi[1]!;
    expect(fee.slice(0, 10)).toEqual(["ecs-managed-instances", "x86_64 fleet", "other", "1460", "instance-hours", String(0.126 * 0.12), String(1460 * 0.126 * 0.12), "USE1-ECS-Managed-Instances:r6i.large-management-hours", "2025-10-27", "true"]);
  });
});
