import { describe, expect, it } from "vitest";
import { costCurve } from "@/lib/engine/curve";
import { FARGATE_LINUX_SIZES, FARGATE_WINDOWS_SIZES, isValidFargateSize, snapFargateSize } from "@/lib/engine/fargate-sizes";
import { ec2Demand, eniTaskLimit, fargateTaskHours, instancesForTarget, registeredMemoryMiB, splitCapacityProviders } from "@/lib/engine/rules";
import { fixtureCatalog, input } from "./fixtures";

describe("Fargate size table (docs/billing-rules.md#fargate-task-sizes)", () => {
  it("has 74 Linux and 43 Windows sizes, none duplicated", () => {
    expect(FARGATE_LINUX_SIZES).toHaveLength(74);
    expect(FARGATE_WINDOWS_SIZES).toHaveLength(43);
    expect(new Set(FARGATE_LINUX_SIZES.map((s) => `${s.vcpu}/${s.memoryGiB}`)).size).toBe(74);
    expect(FARGATE_WINDOWS_SIZES.every((s) => s.vcpu >= 1 && s.vcpu <= 4)).toBe(true);
  });

  it.each([
    [0.25, 0.5, "linux", { vcpu: 0.25, memoryGiB: 0.5 }],
    [0.25, 3, "linux", { vcpu: 0.5, memoryGiB: 3 }],
    [0.3, 1.5, "linux", { vcpu: 0.5, memoryGiB: 2 }],
    [1, 1, "linux", { vcpu: 1, memoryGiB: 2 }],
    [4, 30, "linux", { vcpu: 4, memoryGiB: 30 }],
    [4, 31, "linux", { vcpu: 8, memoryGiB: 32 }],
    [8, 61, "linux", { vcpu: 16, memoryGiB: 64 }],
    [16, 120, "linux", { vcpu: 16, memoryGiB: 120 }],
    [16, 121, "linux", null],
    [20, 40, "linux", null],
    [0.25, 0.5, "windows", { vcpu: 1, memoryGiB: 2 }],
    [4, 31, "windows", null],
    [0.1 + 0.2, 0.5, "linux", { vcpu: 0.5, memoryGiB: 1 }],
  ] as const)("snap(%s vCPU, %s GiB, %s) -> %j", (vcpu, mem, os, expected) => {
    expect(snapFargateSize(vcpu, mem, os)).toEqual(expected);
  });

  it("validity checks", () => {
    expect(isValidFargateSize(8, 20, "linux")).toBe(true);
    expect(isValidFargateSize(8, 18, "linux")).toBe(false); // 4 GB steps from 16
    expect(isValidFargateSize(0.5, 2, "windows")).toBe(false);
  });
});

describe("rules", () => {
  it("task hours: continuous and scheduled with the per-run minimum, seconds rounded up", () => {
    expect(fargateTaskHours(2, { kind: "continuous", hoursPerMonth: 730 }, "linux")).toBe(1460);
    // 3 runs x 10 days x ceil(59.2) = 60 s -> 1800 s = 0.5 h
    expect(fargateTaskHours(1, { kind: "scheduled", runsPerDay: 3, secondsPerRun: 59.2, daysPerMonth: 10 }, "linux")).toBeCloseTo(0.5, 12);
    // 61.5 s rounds up to 62 s: 1 x 1 x 62 / 3600
    expect(fargateTaskHours(1, { kind: "scheduled", runsPerDay: 1, secondsPerRun: 61.5, daysPerMonth: 1 }, "linux")).toBeCloseTo(62 / 3600, 12);
    expect(fargateTaskHours(1, { kind: "scheduled", runsPerDay: 1, secondsPerRun: 10, daysPerMonth: 1 }, "windows")).toBeCloseTo(300 / 3600, 12);
  });

  it("capacity provider split: base first, then by weight", () => {
    expect(splitCapacityProviders(10, { base: 2, fargateWeight: 1, spotWeight: 3 })).toEqual({ onDemand: 4, spot: 6 });
    expect(splitCapacityProviders(1, { base: 2, fargateWeight: 1, spotWeight: 3 })).toEqual({ onDemand: 1, spot: 0 });
    expect(splitCapacityProviders(5, { base: 0, fargateWeight: 0, spotWeight: 1 })).toEqual({ onDemand: 0, spot: 5 });
  });

  it("EC2 capacity rules", () => {
    expect(registeredMemoryMiB(8192)).toBe(7985); // the AWS m4.large example
    // m5.large in ECS's table: 2 tasks without trunking (3 ENIs - 1), 10 with awsvpcTrunking
    expect(eniTaskLimit({ maxEnis: 3, trunking: "supported", ecsTrunkTasks: 10 }, "awsvpc", false)).toBe(2);
    expect(eniTaskLimit({ maxEnis: 3, trunking: "supported", ecsTrunkTasks: 10 }, "awsvpc", true)).toBe(10);
    expect(eniTaskLimit({ maxEnis: 3, trunking: "unsupported", ecsTrunkTasks: null }, "awsvpc", true)).toBe(2);
    expect(eniTaskLimit({ maxEnis: 3, trunking: "not-listed", ecsTrunkTasks: null }, "awsvpc", true)).toBe(2);
    expect(eniTaskLimit({ maxEnis: null, trunking: "unsupported", ecsTrunkTasks: null }, "awsvpc", false)).toBeNull();
    expect(eniTaskLimit({ maxEnis: null, trunking: "unsupported", ecsTrunkTasks: null }, "bridge", false)).toBe(Infinity);
    expect(instancesForTarget(9, 90)).toBe(10);
    expect(instancesForTarget(10, 90)).toBe(12); // 11.11 -> 12
    expect(instancesForTarget(0, 50)).toBe(0);
    expect(ec2Demand(2.2, { kind: "continuous", hoursPerMonth: 730 })).toMatchObject({ concurrent: 3, hours: 730 });
    // runs overlap: 4 runs x 8 h = 32 h a day -> 2 runs at once, instances up all day
    expect(ec2Demand(3, { kind: "scheduled", runsPerDay: 4, secondsPerRun: 8 * 3600, daysPerMonth: 30 })).toMatchObject({ concurrent: 6, hours: 720, neverScalesIn: true });
  });
});

describe("costCurve", () => {
  const catalog = fixtureCatalog();
  it("samples task counts, prices every option per point, and finds the first EC2-cheaper count", () => {
    const base = input({
      services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }],
      ec2: { instanceTypes: ["m5.large"], networkMode: "bridge", minInstances: 0, targetUtilizationPct: 100 },
    });
    const curve = costCurve(base, catalog, { serviceIndex: 0, maxTasks: 20, points: 5 });
    expect(curve.points.map((p) => p.tasks)).toEqual([0, 1, 5, 10, 15, 20]);
    // Fargate: 36.0401 per task. EC2: ceil(n/2) m5.large x (0.096 x 730 + 2.4) = 72.48 each.
    // n = 1: 72.48 > 36.0401; n = 2: 72.48 > 72.0802; n = 3: 144.96 > 108.1203; n = 4: 144.96 > 144.1604;
    // n = 5: 217.44 > 180.2005; n = 6: 217.44 > 216.2406; ... odd n never wins and even n loses by 0.3998 x n/2:
    // EC2 is never cheaper here.
    expect(curve.crossoverTasks).toBeNull();
    expect(curve.points[2]).toMatchObject({ tasks: 5 });
    expect(curve.points[2]?.fargate).toBeCloseTo(180.2005, 9);
    expect(curve.points[2]?.ec2).toBeCloseTo(217.44, 9);

    // 0.25 vCPU / 2 GiB tasks: Fargate 730 x (0.25 x 0.04048 + 2 x 0.004445) = 730 x 0.01901 = 13.8773 per task.
    // r6i.large holds min(2048/256 = 8, floor(15970/2048) = 7) = 7 tasks for 0.126 x 730 + 30 x 0.08 = 94.38:
    // n = 6: 94.38 > 6 x 13.8773 = 83.2638; n = 7: 94.38 < 97.1411 -> EC2 first cheaper at 7 tasks.
    const mem = input({
      services: [{ name: "mem", vcpu: 0.25, memoryGiB: 2, tasks: 1 }],
      ec2: { instanceTypes: ["r6i.large"], networkMode: "bridge", minInstances: 0, targetUtilizationPct: 100 },
    });
    const curve2 = costCurve(mem, catalog, { serviceIndex: 0, maxTasks: 21, points: 4 });
    // every count 1..21 is checked: n = 6 loses (94.38 > 83.2638), n = 7 wins
    expect(curve2.crossoverTasks).toBe(7);
    expect(curve2.crossoverPoint?.ec2).toBeCloseTo(94.38, 9);
    expect(curve2.crossoverPoint?.fargate).toBeCloseTo(97.1411, 9);
    // samples 0, 1, 10, 20 all lose (n = 10: 2 x 94.38 = 188.76 > 138.773), yet EC2 wins at 7: found by the scan
    const fine = costCurve(mem, catalog, { serviceIndex: 0, maxTasks: 20, points: 3 });
    expect(fine.crossoverTasks).toBe(7);
    expect(fine.crossoverPoint?.tasks).toBe(7);
  });

  it("clamps bad options instead of throwing", () => {
    const base = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    const curve = costCurve(base, catalog, { serviceIndex: 9, maxTasks: Number.NaN, points: 1 });
    expect(curve.serviceIndex).toBe(0);
    expect(curve.points.length).toBeGreaterThanOrEqual(2);
  });
});
