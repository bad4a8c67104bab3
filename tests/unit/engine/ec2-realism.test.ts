/**
 * Issue 11, EC2 realism: scheduled work follows cluster auto scaling, burstable (T) surplus credits, task storage
 * on the instance volume, and the Windows warnings. Golden numbers computed by hand from the fixture's documented
 * us-east-1 rates (m5.large $0.096/h, t3.medium $0.0416/h, gp3 $0.08/GB-month) or, where stated, from the
 * bundled catalog pinned to 2026-11-26 (t4g.large $0.0672/h). Rules: docs/billing-rules.md#ec2-scheduled-work,
 * #burstable-instances, #ec2-task-storage, #windows-on-fargate.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine/estimate";
import { ec2Demand } from "@/lib/engine/rules";
import { EstimateResultSchema, parseEstimateInput, type EstimateOption, type EstimateResult } from "@/lib/schemas/estimate";
import { fixtureCatalog, input } from "./fixtures";

const catalog = fixtureCatalog();
const run = (raw: Parameters<typeof input>[0]): EstimateResult => {
  const result = estimate(input(raw), catalog);
  expect(EstimateResultSchema.safeParse(result).success).toBe(true);
  return result;
};
const ec2 = (r: EstimateResult): EstimateOption => r.options.find((o) => o.id === "ec2") as EstimateOption;
const lineOf = (o: EstimateOption, component: string) => o.lines.find((l) => l.component === component);
const instanceHours = (o: EstimateOption) => o.lines.filter((l) => l.component === "instance").reduce((a, l) => a + l.quantity, 0);
const m5 = { instanceTypes: ["m5.large"], networkMode: "bridge" as const, minInstances: 0 };

describe("scheduled work on EC2 follows cluster auto scaling", () => {
  it("the issue's example: 10 tasks running 20 s every minute never scale in (720 h, not 240 h)", () => {
    const result = run({
      services: [{ name: "tick", vcpu: 0.25, memoryGiB: 0.5, tasks: 10, usage: { kind: "scheduled", runsPerDay: 1440, secondsPerRun: 20, daysPerMonth: 30 } }],
      ec2: m5,
    });
    // m5.large holds min(2048 / 256 = 8, floor(7985 / 512) = 15) = 8 tasks -> 2 instances.
    // A run every 60 s, 20 s long: the 40 s gap is shorter than 180 s launch + 900 s scale-in, so the fleet stays
    // up 30 days x 24 h = 720 h (before: 1440 x 30 x 20 s = 240 h).
    // instances 2 x 720 x 0.096 = 138.24; gp3 2 x 30 GiB x 0.08 x 720 / 730 = 4.734246575...
    const o = ec2(result);
    expect(lineOf(o, "instance")?.quantity).toBeCloseTo(1440, 9);
    expect(lineOf(o, "instance")?.usd).toBeCloseTo(138.24, 9);
    expect(o.monthlyUSD).toBeCloseTo(138.24 + (2 * 30 * 0.08 * 720) / 730, 9);
    expect(result.warnings.find((w) => w.startsWith("EC2 and scheduled work"))).toContain("tick starts a run every 60 s and each lasts 20 s");
    // Fargate is unchanged: 10 x 1440 x 30 x max(20, 60) s / 3600 = 7200 task-hours;
    // 0.25 x 7200 x 0.04048 = 72.864; 0.5 x 7200 x 0.004445 = 16.002; total 88.866
    expect(result.options.find((x) => x.id === "fargate")?.monthlyUSD).toBeCloseTo(88.866, 9);
  });

  it("runs far apart: each keeps its instances launch + run + 15 minutes", () => {
    const result = run({
      services: [{ name: "hourly", vcpu: 1, memoryGiB: 2, tasks: 2, usage: { kind: "scheduled", runsPerDay: 24, secondsPerRun: 600, daysPerMonth: 30 } }],
      ec2: m5,
    });
    // 2 tasks of 1 vCPU, 2 per m5.large -> 1 instance. Gap 3600 - 600 = 3000 s >= 1080 s: scales in.
    // 180 + 600 + 900 = 1680 s per run; 24 x 30 x 1680 / 3600 = 336 h
    // 336 x 0.096 = 32.256; gp3 30 x 0.08 x 336 / 730 = 1.104657534...
    const o = ec2(result);
    expect(instanceHours(o)).toBeCloseTo(336, 9);
    expect(o.monthlyUSD).toBeCloseTo(32.256 + (30 * 0.08 * 336) / 730, 9);
    expect(result.warnings.find((w) => w.startsWith("EC2 and scheduled work"))).toContain("1680 s per run (180 s launch + 600 s run + 900 s scale-in wait)");
  });

  it("the boundary is continuous: a gap of exactly launch + scale-in wait scales in and fills the month anyway", () => {
    const usage = (secondsPerRun: number) => ({ kind: "scheduled" as const, runsPerDay: 48, secondsPerRun, daysPerMonth: 30 });
    // every 1800 s; 720 s runs leave a 1080 s gap: 180 + 720 + 900 = 1800 s per run x 48 x 30 / 3600 = 720 h
    expect(ec2Demand(1, usage(720))).toEqual({ concurrent: 1, hours: 720, neverScalesIn: false, instanceSecondsPerRun: 1800 });
    // 721 s runs leave 1079 s: never scales in, 720 h
    expect(ec2Demand(1, usage(721))).toMatchObject({ concurrent: 1, hours: 720, neverScalesIn: true });
    // a 1 s run still keeps an instance 1081 s (well above EC2's 60 s minimum): 1 run a day x 30 -> 9.008333 h
    expect(ec2Demand(1, { kind: "scheduled", runsPerDay: 1, secondsPerRun: 1, daysPerMonth: 30 }).hours).toBeCloseTo((30 * 1081) / 3600, 12);
  });

  it("services up for different hours: the fleet scales in after the shorter one (layers)", () => {
    const result = run({
      services: [
        { name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 },
        { name: "batch", vcpu: 2, memoryGiB: 4, tasks: 2, usage: { kind: "scheduled", runsPerDay: 1, secondsPerRun: 3600, daysPerMonth: 30 } },
      ],
      ec2: m5,
    });
    // api: 2 x 1 vCPU -> 1 m5.large all 730 h. batch: 2 x 2 vCPU -> 2 more m5.large for 180 + 3600 + 900 = 4680 s
    // x 30 runs = 39 h. Instance-hours 1 x (730 - 39) + 3 x 39 = 691 + 117 = 808; 808 x 0.096 = 77.568;
    // gp3 30 GiB x 808 / 730 x 0.08 = 2.656438356...
    const o = ec2(result);
    expect(instanceHours(o)).toBeCloseTo(808, 9);
    expect(o.monthlyUSD).toBeCloseTo(77.568 + (30 * 808 * 0.08) / 730, 9);
    expect(o.plan?.instances[0]?.count).toBe(3);
    expect(lineOf(o, "instance")?.note).toContain("1 x m5.large for 691 h + 3 x m5.large for 39 h");
  });

  it("property: runs closer than the scale-in wait never give fewer instance-hours than a continuous fleet with the same peak", () => {
    fc.assert(
      fc.property(
        fc.record({
          runsPerDay: fc.integer({ min: 97, max: 86_400 }), // a run at least every 890 s
          fraction: fc.double({ min: 0.001, max: 1, noNaN: true }),
          tasks: fc.integer({ min: 1, max: 40 }),
          vcpu: fc.constantFrom(0.25, 0.5, 1, 2),
          memoryGiB: fc.constantFrom(0.5, 1, 2, 4),
          daysPerMonth: fc.integer({ min: 1, max: 31 }),
          types: fc.constantFrom(["m5.large"], ["c5.large", "m6i.xlarge"], [] as string[]),
        }),
        (c) => {
          const interval = 86_400 / c.runsPerDay;
          const secondsPerRun = Math.max(1, Math.floor(interval * c.fraction));
          const service = { name: "s", vcpu: c.vcpu, memoryGiB: c.memoryGiB, tasks: c.tasks };
          const ec2Opts = { instanceTypes: c.types, networkMode: "bridge" as const, minInstances: 0 };
          const scheduled = ec2(run({ services: [{ ...service, usage: { kind: "scheduled", runsPerDay: c.runsPerDay, secondsPerRun, daysPerMonth: c.daysPerMonth } }], ec2: ec2Opts }));
          const continuous = ec2(run({ services: [{ ...service, usage: { kind: "continuous", hoursPerMonth: c.daysPerMonth * 24 } }], ec2: ec2Opts }));
          expect(instanceHours(scheduled)).toBeGreaterThanOrEqual(instanceHours(continuous) - 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("burstable (T) instances in unlimited mode", () => {
  it("t3.medium with tasks reserving 50% CPU: surplus above the 20% baseline at $0.05 per vCPU-hour", () => {
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["t3.medium"], networkMode: "bridge" } });
    // t3.medium registers 2048 CPU units and floor(4096 x 7985 / 8192) = 3992 MiB: 1 task of 2048 MiB each
    // (memory-bound) -> 2 instances, each reserving 1024 / 2048 = 50% CPU.
    // surplus per instance (0.5 - 0.2) x 2 vCPU x 730 h = 438 vCPU-h; x 2 = 876 x 0.05 = 43.8
    // instances 2 x 730 x 0.0416 = 60.736; gp3 2 x 30 x 0.08 = 4.8; total 109.336
    const o = ec2(result);
    const credits = lineOf(o, "other");
    expect(credits?.quantity).toBeCloseTo(876, 9);
    expect(credits?.rateUSD).toBe(0.05);
    expect(credits?.usd).toBeCloseTo(43.8, 9);
    expect(credits?.usageType).toBe("CPUCredits:t3");
    expect(credits?.label).toContain("worst case");
    expect(o.monthlyUSD).toBeCloseTo(109.336, 9);
    expect(result.warnings.some((w) => w.startsWith("t3.medium is a burstable (T) type in unlimited mode") && w.includes("worst case"))).toBe(true);
  });

  it("tasks within the baseline pay no surplus", () => {
    // 3 tasks of 0.125 vCPU on one t3.medium: 3 x 128 / 2048 = 18.75% < 20% baseline
    const result = run({ services: [{ name: "tiny", vcpu: 0.125, memoryGiB: 0.25, tasks: 3 }], ec2: { instanceTypes: ["t3.medium"], networkMode: "bridge" } });
    const o = ec2(result);
    expect(lineOf(o, "other")).toBeUndefined();
    expect(o.monthlyUSD).toBeCloseTo(730 * 0.0416 + 30 * 0.08, 9); // 30.368 + 2.4
  });

  it("the search counts the surplus: a T type that looked cheapest loses to a non-burstable one", () => {
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["t3.medium", "c5.large"], networkMode: "bridge" } });
    // t3.medium: 109.336 (above). c5.large (2048 units, 3992 MiB): 1 task per instance (memory) -> 2 x 730 x 0.085
    // = 124.1 + 4.8 = 128.9. Still t3.medium here; at 2 vCPU tasks the surplus doubles:
    expect(ec2(result).plan?.instances[0]?.type).toBe("t3.medium");
    const busy = run({ services: [{ name: "cpu", vcpu: 2, memoryGiB: 1, tasks: 2 }], ec2: { instanceTypes: ["t3.medium", "c5.large"], networkMode: "bridge" } });
    // t3.medium, 1 task each at 100% CPU: 2 x 730 x 0.0416 = 60.736 + (1 - 0.2) x 2 x 730 x 2 x 0.05 = 116.8 + 4.8 = 182.336
    // c5.large: 2 x 730 x 0.085 = 124.1 + 4.8 = 128.9 -> c5.large
    expect(ec2(busy).plan?.instances[0]?.type).toBe("c5.large");
    expect(ec2(busy).monthlyUSD).toBeCloseTo(128.9, 9);
    expect(ec2(busy).plan?.why).toContain("next best 2 x t3.medium at $182.34/month");
  });

  it("ec2.allowBurstable false leaves T types out, and the plan says so", () => {
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["t3.medium", "c5.large"], networkMode: "bridge", allowBurstable: false } });
    const o = ec2(result);
    expect(o.plan?.instances[0]?.type).toBe("c5.large");
    expect(o.monthlyUSD).toBeCloseTo(128.9, 9);
    expect(o.plan?.why).toContain("burstable (T) types left out (ec2.allowBurstable false)");
    expect(ec2(run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["t3.medium"], networkMode: "bridge" } })).plan?.why).toContain(
      "burstable (T) types priced with their worst-case CPU surplus credits",
    );
    const none = ec2(run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["t3.medium"], allowBurstable: false } }));
    expect(none.available).toBe(false);
    expect(none.reason).toContain("ec2.allowBurstable is false");
  });

  it("t4g at $0.04 per vCPU-hour (bundled catalog 2026-11-26)", () => {
    const bundled = loadRegionCatalog("us-east-1", "2026-11-26");
    const result = estimate(
      input({ catalog: "2026-11-26", services: [{ name: "arm", vcpu: 1, memoryGiB: 2, architecture: "arm64", tasks: 3 }], ec2: { instanceTypes: ["t4g.large"], networkMode: "bridge" } }),
      bundled,
    );
    // t4g.large: 2 vCPU (2048 units), floor(8192 x 7985 / 8192) = 7985 MiB -> 2 tasks per instance (CPU) -> 2 instances:
    // one at 100% CPU, one at 50%. Surplus (1 - 0.3) x 2 x 730 + (0.5 - 0.3) x 2 x 730 = 1022 + 292 = 1314 vCPU-h x 0.04 = 52.56
    // instances 2 x 730 x 0.0672 = 98.112; gp3 2 x 30 x 0.08 = 4.8; total 155.472
    const o = ec2(result);
    expect(lineOf(o, "other")?.quantity).toBeCloseTo(1314, 9);
    expect(lineOf(o, "other")?.usd).toBeCloseTo(52.56, 9);
    expect(o.monthlyUSD).toBeCloseTo(155.472, 9);
  });
});

describe("task storage on EC2 grows the instance volume", () => {
  it("the issue's example: a task with 120 GiB of ephemeral storage gets a 130 GiB volume, not 30 GiB", () => {
    const result = run({ services: [{ name: "disk", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 120 }], ec2: m5 });
    // max(30, 10 + 120) = 130 GiB x 0.08 = 10.4; instance 730 x 0.096 = 70.08; total 80.48
    const o = ec2(result);
    expect(lineOf(o, "ebs")?.quantity).toBeCloseTo(130, 9);
    expect(lineOf(o, "ebs")?.usd).toBeCloseTo(10.4, 9);
    expect(lineOf(o, "ebs")?.label).toContain("130 GiB per instance");
    expect(lineOf(o, "ebs")?.note).toContain("10 GiB for the OS and images (assumption)");
    expect(o.monthlyUSD).toBeCloseTo(80.48, 9);
  });

  it("sums the tasks placed on one instance; the default 20 GiB keeps the root volume", () => {
    // 2 tasks of 1 vCPU on one m5.large: max(30, 10 + 2 x 50) = 110 GiB x 0.08 = 8.8; 70.08 + 8.8 = 78.88
    const two = ec2(run({ services: [{ name: "disk", vcpu: 1, memoryGiB: 2, tasks: 2, ephemeralStorageGiB: 50 }], ec2: m5 }));
    expect(lineOf(two, "ebs")?.quantity).toBeCloseTo(110, 9);
    expect(two.monthlyUSD).toBeCloseTo(78.88, 9);
    // 21 GiB on one task: max(30, 31) = 31 GiB; 20 GiB: 30 GiB as before
    expect(lineOf(ec2(run({ services: [{ name: "d", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 21 }], ec2: m5 })), "ebs")?.quantity).toBeCloseTo(31, 9);
    expect(lineOf(ec2(run({ services: [{ name: "d", vcpu: 1, memoryGiB: 2, tasks: 1 }], ec2: m5 })), "ebs")?.quantity).toBeCloseTo(30, 9);
    // rootVolumeGiB 0 (volumes not priced) still prices the storage tasks declare: 10 + 50 = 60 GiB x 0.08 = 4.8
    const noRoot = ec2(run({ services: [{ name: "d", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 50 }], ec2: { ...m5, rootVolumeGiB: 0 } }));
    expect(lineOf(noRoot, "ebs")?.usd).toBeCloseTo(4.8, 9);
  });
});

describe("Windows warnings and ephemeralStorageGiB validation", () => {
  it("no rounding-loss warning for the Windows 1 vCPU minimum", () => {
    const result = run({ services: [{ name: "win", vcpu: 0.5, memoryGiB: 1, os: "windows", tasks: 1 }] });
    const fargate = result.options.find((o) => o.id === "fargate") as EstimateOption;
    expect(fargate.services[0]).toMatchObject({ vcpu: 1, memoryGiB: 2, roundingLossUSD: 0 });
    expect(result.warnings.some((w) => w.includes("pays for capacity above the request"))).toBe(false);
    // a Windows request above the minimum still reports its avoidable loss: 1.5 vCPU -> 2 vCPU / 4 GiB
    const odd = run({ services: [{ name: "win", vcpu: 1.5, memoryGiB: 4, os: "windows", tasks: 1 }] });
    // 730 h x 0.5 vCPU x (0.09148 + 0.046) = 50.1802
    expect((odd.options.find((o) => o.id === "fargate") as EstimateOption).services[0]?.roundingLossUSD).toBeCloseTo(50.1802, 9);
  });

  it("runs of 300 s or more get no Windows minimum warning", () => {
    const result = run({ services: [{ name: "w", vcpu: 1, memoryGiB: 2, os: "windows", tasks: 1, usage: { kind: "scheduled", runsPerDay: 2, secondsPerRun: 300 } }] });
    expect(result.warnings.some((w) => w.includes("5-minute minimum"))).toBe(false);
  });

  it("ephemeralStorageGiB must be a whole number from 20 to 200", () => {
    const raw = (ephemeralStorageGiB: unknown) => ({ version: 1, region: "us-east-1", services: [{ name: "s", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB }] });
    for (const bad of [20.5, 19, 201, Number.NaN, Number.POSITIVE_INFINITY, "30"]) {
      const parsed = parseEstimateInput(raw(bad));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]?.path).toBe("services[0].ephemeralStorageGiB");
    }
    const half = parseEstimateInput(raw(20.5));
    expect(!half.ok && half.errors[0]?.message).toBe("must be a whole number of GiB (20 to 200)");
    expect(parseEstimateInput(raw(200)).ok).toBe(true);
  });

  it("ec2.allowBurstable defaults to true and must be a boolean", () => {
    const base = { version: 1, region: "us-east-1", services: [{ name: "s", vcpu: 1, memoryGiB: 2, tasks: 1 }] };
    const ok = parseEstimateInput(base);
    expect(ok.ok && ok.value.ec2.allowBurstable).toBe(true);
    const bad = parseEstimateInput({ ...base, ec2: { allowBurstable: "no" } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toEqual(["ec2.allowBurstable"]);
  });
});
