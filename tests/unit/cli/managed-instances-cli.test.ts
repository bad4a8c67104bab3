/**
 * The estimate CLI with ECS Managed Instances: the golden workloads (hand arithmetic in
 * tests/unit/engine/managed-instances.test.ts) in JSON and in the table, and the shipped example.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { EstimateResultSchema } from "@/lib/schemas/estimate";
import { ENI_BOUND, MEMORY_BOUND, withHeader } from "../engine/managed-instances-fixtures";
import { runCli } from "../../support/cli";

const tmp = mkdtempSync(path.join(os.tmpdir(), "estimate-mi-"));

const run = (argv: string[]) => runCli(main, argv, "");
function file(name: string, content: unknown): string {
  const p = path.join(tmp, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
}

describe("estimate CLI: ECS Managed Instances", () => {
  it("JSON: memory-bound $210.8352 (2 x r6i.large), ENI-bound $373.73 (5 x c6i.large)", async () => {
    for (const [name, input, usd, type] of [["mem.json", MEMORY_BOUND, 210.8352, "r6i.large"], ["eni.json", ENI_BOUND, 373.73, "c6i.large"]] as const) {
      const { code, stdout, stderr } = await run([file(name, withHeader(input))]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const mi = EstimateResultSchema.parse(JSON.parse(stdout)).options.find((o) => o.id === "ecs-managed-instances");
      expect(mi?.monthlyUSD).toBeCloseTo(usd, 9);
      expect(mi?.plan?.instances[0]?.type).toBe(type);
    }
  });

  it("table: the option's row and its plan with instance + fee per hour", async () => {
    const { code, stdout } = await run([file("mem.json", withHeader(MEMORY_BOUND)), "--format", "table"]);
    expect(code).toBe(0);
    // 210.8352 -> $210.84; Fargate on-demand $147.06 (0.5 vCPU / 3 GiB x 6 x 730): 63.78 more
    expect(stdout).toMatch(/ECS Managed Instances \(on-demand\) +\$210\.84 +\+\$63\.78/);
    expect(stdout).toContain("ECS Managed Instances plan (instance + management fee per hour):");
    expect(stdout).toContain("2 x r6i.large  tasks/instance: cache 5  CPU 38%, memory 58%, memory-bound");
    expect(stdout).toContain("$0.14112/h each ($0.126 instance + $0.01512 management fee)");
  });

  it("examples/managed-instances.json runs and shows the option", async () => {
    const { code, stdout } = await run([path.join("examples", "managed-instances.json"), "--format", "table"]);
    expect(code).toBe(0);
    expect(stdout).toContain("ECS Managed Instances plan");
  });
});
