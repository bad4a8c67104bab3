import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { applySize, oneServiceInput } from "@/lib/rightsize/apply";
import { checkSettings, recommendSize, rightsize } from "@/lib/rightsize/recommend";
import { analyzeUsageText, type UsageSummary } from "@/lib/rightsize/usage";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { parseEstimateInput } from "@/lib/schemas/estimate";

const catalog = loadRegionCatalog("us-east-1");

function summary(text: string): UsageSummary {
  const r = analyzeUsageText(text);
  if (!r.ok) throw new Error(r.error);
  return r.summary;
}
function input(vcpu: number, memoryGiB: number, tasks: number) {
  const r = oneServiceInput("us-east-1", undefined, { name: "api", vcpu, memoryGiB, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.input;
}
const close = (a: number | null | undefined, b: number) => expect(a).toBeCloseTo(b, 9);

// Container Insights, 10 rows: CPU 40, 80, ..., 400 units; memory 100, 200, ..., 700, then 800 three times (MiB)
const OVER = ["Timestamp,CpuUtilized,MemoryUtilized"]
  .concat(Array.from({ length: 10 }, (_, i) => `2026-11-09T00:0${i}:00Z,${40 * (i + 1)},${Math.min(800, 100 * (i + 1))}`))
  .join("\n");

describe("recommendation from a small Container Insights file (computed by hand)", () => {
  it("over-provisioned 1 vCPU / 2 GiB x 2 tasks -> 0.5 vCPU / 1 GiB", () => {
    const r = rightsize(summary(OVER), input(1, 2, 2), 0, catalog);
    // CPU p95: rank ceil(0.95 x 10) = 10 -> 400 units = 400/1024 = 0.390625 vCPU
    close(r.observed.cpu!.atPercentile, 0.390625);
    // memory max: 800 MiB = 0.78125 GiB
    close(r.observed.memory!.atPercentile, 0.78125);
    // + 15%: 0.390625 x 1.15 = 0.44921875 vCPU; 0.78125 x 1.15 = 0.8984375 GiB
    close(r.required.vcpu, 0.44921875);
    close(r.required.memoryGiB, 0.8984375);
    // smallest valid Fargate size holding both: 0.5 vCPU / 1 GiB (docs/billing-rules.md#fargate-task-sizes)
    expect(r.recommended).toEqual({ vcpu: 0.5, memoryGiB: 1, validFargateSize: true });
    expect(r.finding).toBe("over-provisioned");
    expect(r.underProvisioned.any).toBe(false);
    // 2 tasks x 730 h = 1460 task-hours
    // current:     1 x 1460 x 0.04048 = 59.1008;   2 x 1460 x 0.004445 = 12.9794  -> 72.0802
    // recommended: 0.5 x 1460 x 0.04048 = 29.5504; 1 x 1460 x 0.004445 = 6.4897   -> 36.0401
    const fargate = r.options.find((o) => o.id === "fargate")!;
    close(fargate.currentUSD, 72.0802);
    close(fargate.recommendedUSD, 36.0401);
    close(fargate.savingsUSD, 36.0401);
    close(r.monthlySavingsUSD, 36.0401);
    // Spot: 1 x 1460 x 0.01288561 = 18.8129906; 2 x 1460 x 0.00141493 = 4.1315956 -> 22.9445862
    //       0.5 x 1460 x 0.01288561 = 9.4064953; 1 x 1460 x 0.00141493 = 2.0657978 -> 11.4722931
    const spot = r.options.find((o) => o.id === "fargate-spot")!;
    close(spot.currentUSD, 22.9445862);
    close(spot.recommendedUSD, 11.4722931);
    const ec2 = r.options.find((o) => o.id === "ec2")!;
    expect(ec2.currentUSD).not.toBeNull();
    close(ec2.savingsUSD, ec2.currentUSD! - ec2.recommendedUSD!);
    expect(ec2.recommendedPlan).toMatch(/^\d+ x [a-z0-9]+\.[a-z0-9]+/);
    expect(r.why).toContain("saves $36.04/month");
    expect(r.estimates.recommended.input.services[0]).toMatchObject({ vcpu: 0.5, memoryGiB: 1, tasks: 2 });
  });

  it("settings change the percentile and headroom", () => {
    const r = recommendSize(summary(OVER), { vcpu: 1, memoryGiB: 2, os: "linux", architecture: "x86_64" }, { cpuPercentile: "p50", memoryPercentile: "p90", headroomPct: 0 });
    // CPU p50: rank ceil(5) = 5 -> 200 units = 0.1953125 vCPU; memory p90: rank 9 -> 800 MiB (sorted 100..700, 800, 800, 800)
    close(r.required.vcpu, 0.1953125);
    close(r.required.memoryGiB, 0.78125);
    // 0.25 vCPU holds 0.195; its smallest memory 0.5 GiB < 0.78 -> 1 GiB
    expect(r.recommended).toEqual({ vcpu: 0.25, memoryGiB: 1, validFargateSize: true });
  });
});

describe("under-provisioned service metrics (percent of 0.5 vCPU / 1 GiB)", () => {
  const PCT = "Timestamp,CPUUtilization,MemoryUtilization\n" + ["50,60", "80,70", "100,90", "100,95"].map((v, i) => `2026-11-09T00:0${i}:00Z,${v}`).join("\n");
  it("flags the CPU peak at the current size and sizes up", () => {
    const r = rightsize(summary(PCT), input(0.5, 1, 1), 0, catalog);
    // CPU p95: rank ceil(3.8) = 4 -> 100% of 0.5 vCPU = 0.5; x 1.15 = 0.575 vCPU
    close(r.required.vcpu, 0.575);
    // memory max 95% of 1 GiB = 0.95; x 1.15 = 1.0925 GiB
    close(r.required.memoryGiB, 1.0925);
    // 0.5 vCPU cannot hold 0.575 -> 1 vCPU row, smallest memory 2 GiB
    expect(r.recommended).toEqual({ vcpu: 1, memoryGiB: 2, validFargateSize: true });
    expect(r.underProvisioned).toEqual({ cpu: true, memory: false, any: true });
    expect(r.finding).toBe("under-provisioned");
    expect(r.warnings.join(" ")).toMatch(/CPU peaked at 100% .* throttled/);
    // current 0.5 x 730 x 0.04048 = 14.7752 + 1 x 730 x 0.004445 = 3.24485 -> 18.02005
    // recommended 1 x 730 x 0.04048 = 29.5504 + 2 x 730 x 0.004445 = 6.4897 -> 36.0401; savings -18.02005
    close(r.monthlySavingsUSD, -18.02005);
    expect(r.why).toContain("costs $18.02/month more");
  });
  it("memory at its limit is under-provisioned too", () => {
    const s = summary("Timestamp,CPUUtilization,MemoryUtilization\n2026-11-09T00:00:00Z,10,100\n");
    const r = recommendSize(s, { vcpu: 1, memoryGiB: 2, os: "linux", architecture: "x86_64" });
    expect(r.underProvisioned).toEqual({ cpu: false, memory: true, any: true });
    expect(r.warnings.join(" ")).toMatch(/OutOfMemory/);
  });
});

describe("edge cases", () => {
  it("a missing dimension keeps the current size", () => {
    const s = summary("Timestamp,CpuUtilized\n2026-11-09T00:00:00Z,1024\n");
    const r = recommendSize(s, { vcpu: 2, memoryGiB: 8, os: "linux", architecture: "x86_64" });
    // CPU: 1 vCPU x 1.15 = 1.15 -> 2 vCPU row; memory stays 8 GiB (valid at 2 vCPU)
    expect(r.recommended).toEqual({ vcpu: 2, memoryGiB: 8, validFargateSize: true });
    expect(r.finding).toBe("optimized");
    expect(r.warnings.join(" ")).toMatch(/No memory samples/);
  });
  it("beyond the largest Fargate size: EC2 is still priced", () => {
    // 20000 units = 19.53125 vCPU x 1.15 = 22.4609375 vCPU > 16 vCPU
    const s = summary("Timestamp,CpuUtilized,MemoryUtilized\n2026-11-09T00:00:00Z,20000,4096\n");
    const r = rightsize(s, input(16, 32, 1), 0, catalog);
    expect(r.recommended.validFargateSize).toBe(false);
    // ceil(22.4609375 x 1024) / 1024 = 23000 / 1024
    close(r.recommended.vcpu, 23000 / 1024);
    const fargate = r.options.find((o) => o.id === "fargate")!;
    expect(fargate.recommendedUSD).toBeNull();
    expect(fargate.savingsUSD).toBeNull();
    expect(r.options.find((o) => o.id === "ec2")!.recommendedUSD).toBeGreaterThan(0);
    expect(r.warnings.join(" ")).toMatch(/largest Linux Fargate size/);
  });
  it("warns when the file's reservation is several times the task size (summed export)", () => {
    const s = summary("Timestamp,CpuUtilized,CpuReserved,MemoryUtilized,MemoryReserved\n2026-11-09T00:00:00Z,2000,4096,3000,8192\n");
    const r = recommendSize(s, { vcpu: 1, memoryGiB: 2, os: "linux", architecture: "x86_64" });
    expect(r.warnings.join(" ")).toMatch(/CpuReserved is 4096 CPU units .* overstated/);
  });
  it("Windows snaps to Windows sizes", () => {
    const s = summary("Timestamp,CpuUtilized,MemoryUtilized\n2026-11-09T00:00:00Z,100,300\n");
    const r = recommendSize(s, { vcpu: 2, memoryGiB: 4, os: "windows", architecture: "x86_64" });
    // Windows minimum is 1 vCPU / 2 GiB (docs/billing-rules.md#fargate-task-sizes)
    expect(r.recommended).toEqual({ vcpu: 1, memoryGiB: 2, validFargateSize: true });
  });
  it("checks settings", () => {
    expect(checkSettings({ cpuPercentile: "p95", memoryPercentile: "max", headroomPct: 15 })).toEqual([]);
    expect(checkSettings({ cpuPercentile: "p42" as never, memoryPercentile: "max", headroomPct: -1 }).map((p) => p.path)).toEqual(["cpuPercentile", "headroomPct"]);
  });
});

describe("apply to estimate", () => {
  it("replaces only the chosen service and survives a share link", () => {
    const base = parseEstimateInput({
      version: 1,
      region: "us-east-1",
      catalog: "2026-11-26",
      services: [
        { name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 },
        { name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 2, architecture: "arm64" },
      ],
      ec2: { targetUtilizationPct: 90, minInstances: 2 },
    });
    if (!base.ok) throw new Error();
    const applied = applySize(base.value, 1, { vcpu: 0.25, memoryGiB: 0.5 });
    expect(applied.services[0]).toEqual(base.value.services[0]);
    expect(applied.services[1]).toMatchObject({ name: "worker", vcpu: 0.25, memoryGiB: 0.5, architecture: "arm64", tasks: 2 });
    expect(applied.ec2.minInstances).toBe(2);
    const back = decodeShareToken(encodeShareToken(applied));
    expect(back.ok && back.input).toEqual(applied);
    expect(() => applySize(base.value, 5, { vcpu: 1, memoryGiB: 2 })).toThrow(RangeError);
  });
  it("a one-service estimate validates its fields", () => {
    const bad = oneServiceInput("us-east-1", undefined, { name: "", vcpu: 0, memoryGiB: 2, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toEqual(["services[0].name", "services[0].vcpu"]);
  });
});
