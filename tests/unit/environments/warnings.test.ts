/**
 * ECS on EC2 and ECS Managed Instances both size one fleet per period of the week with environments
 * (docs/billing-rules.md#weekly-schedules): the result says so once, naming both options, not once per option.
 */
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { parseEstimateInput } from "@/lib/schemas/estimate";

function warningsOf(catalogId: string): string[] {
  const parsed = parseEstimateInput({
    version: 1,
    region: "us-east-1",
    catalog: catalogId,
    services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
    environments: [{ name: "prod" }, { name: "dev", schedule: { kind: "business-hours" } }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return estimate(parsed.value, loadRegionCatalog("us-east-1", catalogId)).warnings;
}

const fleetWarnings = (warnings: string[]) => warnings.filter((w) => w.includes("with environments"));

describe("the scheduled-fleet warning", () => {
  it("appears once for ECS on EC2 and ECS Managed Instances together (catalog 2026-12-01 has the Managed Instances fee)", () => {
    const found = fleetWarnings(warningsOf("2026-12-01"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^ECS on EC2 and ECS Managed Instances with environments: each runs one fleet for every environment's tasks/);
    expect(found[0]).toContain("launch 3 minutes before demand rises (assumption) and leave 15 minutes after it falls");
  });

  it("names ECS on EC2 alone where it is the only fleet option (catalog 2026-11-26 predates Managed Instances)", () => {
    const found = fleetWarnings(warningsOf("2026-11-26"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^ECS on EC2 with environments: one fleet runs every environment's tasks/);
  });

  it("no two warnings of a result repeat the same text after the option's name", () => {
    const tails = warningsOf("2026-12-01").map((w) => w.replace(/^[^:]*:/, ""));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
