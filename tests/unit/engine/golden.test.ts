/**
 * Golden cases computed by hand from the documented us-east-1 rates (arithmetic in the comments).
 * Each case runs against the hand-made fixture AND the real bundled catalog (data/catalog/2026-11-26),
 * whose us-east-1 rates for these items are the same documented values.
 */
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { RegionCatalogSchema, type RegionCatalog } from "@/lib/catalog/schema";
import { estimate } from "@/lib/engine/estimate";
import { EstimateResultSchema, type EstimateOption, type EstimateResult } from "@/lib/schemas/estimate";
import { fixtureCatalog, input } from "./fixtures";

const catalogs: Array<[string, () => RegionCatalog]> = [
  ["fixture", fixtureCatalog],
  ["bundled 2026-11-26", () => loadRegionCatalog("us-east-1", "2026-11-26")],
];

function option(result: EstimateResult, id: string): EstimateOption {
  const o = result.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}; have ${result.options.map((x) => x.id).join(", ")}`);
  return o;
}
const usd = (result: EstimateResult, id: string) => option(result, id).monthlyUSD;
const line = (o: EstimateOption, component: string) => o.lines.find((l) => l.component === component);

it("the fixture catalog is a valid RegionCatalog", () => {
  expect(RegionCatalogSchema.safeParse(fixtureCatalog()).success).toBe(true);
});

describe.each(catalogs)("golden cases (%s)", (_name, load) => {
  const catalog = load();
  const run = (raw: Parameters<typeof input>[0]) => {
    const result = estimate(input(raw), catalog);
    expect(EstimateResultSchema.safeParse(result).success).toBe(true);
    return result;
  };

  it("continuous x86: 1 vCPU / 2 GiB x 5 tasks x 730 h", () => {
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 5 }] });
    const fargate = option(result, "fargate");
    // vCPU: 1 x 5 x 730 = 3650 vCPU-h x 0.04048 = 147.752
    expect(line(fargate, "vcpu")?.quantity).toBeCloseTo(3650, 9);
    expect(line(fargate, "vcpu")?.usd).toBeCloseTo(147.752, 9);
    // memory: 2 x 5 x 730 = 7300 GB-h x 0.004445 = 32.4485
    expect(line(fargate, "memory")?.usd).toBeCloseTo(32.4485, 9);
    // total 147.752 + 32.4485 = 180.2005 (infracost golden: 1 vCPU = 29.5504, 2 GB = 6.4897 per task-month)
    expect(fargate.monthlyUSD).toBeCloseTo(180.2005, 9);
    expect(line(fargate, "vcpu")?.usageType).toBe("USE1-Fargate-vCPU-Hours:perCPU");
    expect(result.hoursPerMonth).toBe(730);
    expect(fargate.services[0]?.roundingLossUSD).toBe(0);
  });

  it("ARM: 2 vCPU / 4 GiB x 3 tasks", () => {
    const result = run({ services: [{ name: "arm", vcpu: 2, memoryGiB: 4, architecture: "arm64", tasks: 3 }] });
    // 3 x 730 = 2190 task-h; vCPU 4380 x 0.03238 = 141.8244; GB 8760 x 0.00356 = 31.1856; total 173.01
    expect(usd(result, "fargate")).toBeCloseTo(173.01, 9);
    // Spot ARM: 4380 x 0.01030969 = 45.1564422; 8760 x 0.00113349 = 9.9293724; total 55.0858146
    expect(usd(result, "fargate-spot")).toBeCloseTo(55.0858146, 9);
  });

  it("Windows with the OS licence: 2 vCPU / 4 GiB x 1 task", () => {
    const result = run({ services: [{ name: "win", vcpu: 2, memoryGiB: 4, os: "windows", tasks: 1 }] });
    const fargate = option(result, "fargate");
    // vCPU 2 x 730 = 1460 x 0.09148 = 133.5608; OS licence 1460 x 0.046 = 67.16; GB 2920 x 0.01005 = 29.346
    expect(line(fargate, "vcpu")?.usd).toBeCloseTo(133.5608, 9);
    expect(line(fargate, "os-license")?.usd).toBeCloseTo(67.16, 9);
    expect(line(fargate, "memory")?.usd).toBeCloseTo(29.346, 9);
    expect(fargate.monthlyUSD).toBeCloseTo(230.0668, 9); // 133.5608 + 67.16 + 29.346
    expect(option(result, "fargate-spot")).toMatchObject({ available: false, monthlyUSD: null });
    expect(option(result, "fargate-spot").reason).toContain("Fargate Spot does not run Windows tasks");
    expect(option(result, "ec2").available).toBe(false);
    expect(option(result, "ec2").reason).toContain("Linux EC2 instance prices only");
    // 2022-11-21 rates are ~48 months older than the 2026-11-26 catalog
    expect(result.warnings.some((w) => w.startsWith("Old price") && w.includes("2022-11-21"))).toBe(true);
  });

  it("50 GiB ephemeral storage: 30 GiB above the free 20 are billed", () => {
    const result = run({ services: [{ name: "disk", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 50 }] });
    const fargate = option(result, "fargate");
    // (50 - 20) x 730 = 21900 GB-h x 0.000111 = 2.4309
    expect(line(fargate, "storage")?.quantity).toBeCloseTo(21900, 9);
    expect(line(fargate, "storage")?.usd).toBeCloseTo(2.4309, 9);
    expect(fargate.monthlyUSD).toBeCloseTo(38.471, 9); // 29.5504 + 6.4897 + 2.4309
  });

  it("scheduled runs shorter than 60 s are billed one minute each (Linux)", () => {
    const result = run({
      services: [{ name: "cron", vcpu: 0.25, memoryGiB: 0.5, tasks: 1, usage: { kind: "scheduled", runsPerDay: 100, secondsPerRun: 20, daysPerMonth: 30 } }],
    });
    // 100 runs x 30 days x max(20, 60) s / 3600 = 50 task-hours
    // vCPU 0.25 x 50 = 12.5 x 0.04048 = 0.506; GB 0.5 x 50 = 25 x 0.004445 = 0.111125; total 0.617125
    expect(line(option(result, "fargate"), "vcpu")?.quantity).toBeCloseTo(12.5, 9);
    expect(usd(result, "fargate")).toBeCloseTo(0.617125, 9);
  });

  it("scheduled Windows runs use the confirmed 5-minute (300 s) minimum, warned per service", () => {
    const result = run({
      services: [{ name: "wjob", vcpu: 1, memoryGiB: 2, os: "windows", tasks: 1, usage: { kind: "scheduled", runsPerDay: 10, secondsPerRun: 120, daysPerMonth: 30 } }],
    });
    // 10 x 30 x max(120, 300) / 3600 = 25 h; vCPU 25 x 0.09148 = 2.287; OS 25 x 0.046 = 1.15; GB 50 x 0.01005 = 0.5025
    expect(usd(result, "fargate")).toBeCloseTo(3.9395, 9);
    expect(result.warnings).toContain(
      "wjob: each 120 s run is billed as 300 s: Windows tasks on Fargate are billed per second with a 5-minute minimum per run.",
    );
    expect(result.warnings.some((w) => w.includes("UNCONFIRMED") || w.includes("900 s"))).toBe(false);
  });

  it("Fargate Spot x86: 1 vCPU / 2 GiB x 4 tasks", () => {
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }] });
    // 2920 vCPU-h x 0.01288561 = 37.6259812; 5840 GB-h x 0.00141493 = 8.2631912; total 45.8891724
    expect(usd(result, "fargate-spot")).toBeCloseTo(45.8891724, 9);
    expect(line(option(result, "fargate-spot"), "vcpu")?.usageType).toBe("USE1-SpotUsage-Fargate-vCPU-Hours:perCPU");
    expect(result.warnings.some((w) => w.includes("two-minute warning"))).toBe(true);
  });

  it("capacity provider mix: base 2, weights 1:3, 10 tasks -> 4 on FARGATE, 6 on FARGATE_SPOT", () => {
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 10, fargateCapacityProviders: { base: 2, fargateWeight: 1, spotWeight: 3 } }] });
    // on-demand: 2 + 8 x 1/4 = 4 tasks x 36.0401 = 144.1604
    // spot: 6 tasks x (730 x 0.01288561 + 1460 x 0.00141493 = 9.4064953 + 2.0657978 = 11.4722931) = 68.8337586
    // total 144.1604 + 68.8337586 = 212.9941586
    expect(usd(result, "fargate-mix")).toBeCloseTo(212.9941586, 9);
    const mix = option(result, "fargate-mix");
    expect(mix.services[0]?.note).toContain("4 on-demand + 6 Spot");
  });

  it("no fargate-mix option unless a service sets a strategy", () => {
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 10 }] });
    expect(result.options.map((o) => o.id)).toEqual(["fargate", "fargate-spot", "ec2"]);
  });

  it("Compute Savings Plan 1y (x86) and 3y (ARM) at the catalog's CSP rates; fargate stays on-demand", () => {
    const one = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }], fargate: { savingsPlan: "compute-1y" } });
    // 730 x 0.032384 = 23.64032; 1460 x 0.003556 = 5.19176; total 28.83208
    expect(usd(one, "fargate-savings-plan")).toBeCloseTo(28.83208, 9);
    expect(usd(one, "fargate")).toBeCloseTo(36.0401, 9);
    const three = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, architecture: "arm64", tasks: 1 }], fargate: { savingsPlan: "compute-3y" } });
    // 730 x 0.01749 = 12.7677; 1460 x 0.00192 = 2.8032; total 15.5709
    expect(usd(three, "fargate-savings-plan")).toBeCloseTo(15.5709, 9);
    expect(line(option(three, "fargate-savings-plan"), "vcpu")?.usageType).toBe("USE1-Fargate-ARM-vCPU-Hours:perCPU");
  });

  it("snapping: 0.3 vCPU / 1.5 GiB is billed as 0.5 vCPU / 2 GiB and the loss is reported", () => {
    const result = run({ services: [{ name: "odd", vcpu: 0.3, memoryGiB: 1.5, tasks: 1 }] });
    const s = option(result, "fargate").services[0];
    expect(s).toMatchObject({ vcpu: 0.5, memoryGiB: 2, requested: { vcpu: 0.3, memoryGiB: 1.5 } });
    // billed 730 x (0.5 x 0.04048 + 2 x 0.004445) = 730 x 0.02913 = 21.2649
    expect(s?.monthlyUSD).toBeCloseTo(21.2649, 9);
    // loss 730 x (0.2 x 0.04048 + 0.5 x 0.004445) = 730 x 0.0103185 = 7.532505 (35% > 10% -> warning)
    expect(s?.roundingLossUSD).toBeCloseTo(7.532505, 9);
    expect(s?.note).toContain("billed as 0.5 vCPU / 2 GiB on Fargate");
    expect(result.warnings.some((w) => w.startsWith("odd:") && w.includes("35%"))).toBe(true);
  });

  it("a task no Fargate size can hold: Fargate unavailable with the reason, EC2 still priced", () => {
    const result = run({ services: [{ name: "big", vcpu: 20, memoryGiB: 40, tasks: 1 }], ec2: { networkMode: "bridge", instanceTypes: ["m6i.xlarge", "m5.large"] } });
    expect(option(result, "fargate")).toMatchObject({ available: false, monthlyUSD: null });
    expect(option(result, "fargate").reason).toContain("largest Fargate task is 16 vCPU / 120 GiB");
    // no allowed type has 20 vCPU either -> EC2 explains
    expect(option(result, "ec2").available).toBe(false);
    const fits = run({ services: [{ name: "mid", vcpu: 3, memoryGiB: 6, os: "windows", tasks: 1 }] });
    expect(option(fits, "fargate").services[0]).toMatchObject({ vcpu: 4, memoryGiB: 8 });
  });

  // ------------------------------------------------------------------ EC2
  // Registered memory = floor(MiB x 7985/8192): 4096 -> 3992, 8192 -> 7985, 16384 -> 15970. CPU = vCPU x 1024.

  it("EC2 memory-bound: r7g.large holds 6 tasks of 0.25 vCPU / 2.5 GiB", () => {
    const result = run({
      services: [{ name: "cache", vcpu: 0.25, memoryGiB: 2.5, architecture: "arm64", tasks: 12 }],
      ec2: { instanceTypes: ["r7g.large"], eniTrunking: true, minInstances: 0, targetUtilizationPct: 100, rootVolumeGiB: 30 },
    });
    const ec2 = option(result, "ec2");
    // per instance: CPU 2048/256 = 8, memory floor(15970/2560) = 6, ENI (trunk) 9 -> 6, memory-bound; 12 tasks -> 2 instances
    expect(ec2.plan?.instances[0]).toMatchObject({ type: "r7g.large", count: 2, tasksPerInstance: { cache: 6 }, boundBy: "memory" });
    expect(ec2.plan?.why).toContain("memory-bound: r7g.large holds 6 tasks of cache");
    // instances 2 x 0.1071 x 730 = 156.366; EBS 2 x 30 GiB x 0.08 = 4.8; total 161.166
    expect(line(ec2, "instance")?.usd).toBeCloseTo(156.366, 9);
    expect(line(ec2, "instance")?.usageType).toBe("BoxUsage:r7g.large");
    expect(line(ec2, "ebs")?.usd).toBeCloseTo(4.8, 9);
    expect(ec2.monthlyUSD).toBeCloseTo(161.166, 9);
    // memory utilization 12 x 2560 / (2 x 15970) = 96.17...%
    expect(ec2.plan?.instances[0]?.memUtilPct).toBeCloseTo((12 * 2560 * 100) / (2 * 15970), 9);
  });

  it("EC2 CPU-bound: c7g.large holds 2 tasks of 1 vCPU / 1 GiB (bridge)", () => {
    const result = run({
      services: [{ name: "cpu", vcpu: 1, memoryGiB: 1, architecture: "arm64", tasks: 5 }],
      ec2: { instanceTypes: ["c7g.large"], networkMode: "bridge", minInstances: 0 },
    });
    const ec2 = option(result, "ec2");
    // CPU 2048/1024 = 2, memory floor(3992/1024) = 3 -> 2, CPU-bound; 5 tasks -> 3 instances
    expect(ec2.plan?.instances[0]).toMatchObject({ type: "c7g.large", count: 3, boundBy: "cpu" });
    // 3 x 0.0725 x 730 = 158.775; EBS 3 x 2.4 = 7.2; total 165.975
    expect(ec2.monthlyUSD).toBeCloseTo(165.975, 9);
  });

  it("EC2 ENI-bound awsvpc without trunking (max ENIs - 1) and with trunking (branch ENIs)", () => {
    const base = { services: [{ name: "tiny", vcpu: 0.25, memoryGiB: 0.5, tasks: 6 }] };
    const noTrunk = run({ ...base, ec2: { instanceTypes: ["m5.large"], networkMode: "awsvpc", eniTrunking: false, minInstances: 0 } });
    // m5.large: CPU 8, memory floor(7985/512) = 15, ENI 3 - 1 = 2 -> 2 per instance; 6 tasks -> 3 instances
    // 3 x 0.096 x 730 = 210.24 + EBS 7.2 = 217.44
    expect(option(noTrunk, "ec2").plan?.instances[0]).toMatchObject({ count: 3, tasksPerInstance: { tiny: 2 }, boundBy: "eni" });
    expect(usd(noTrunk, "ec2")).toBeCloseTo(217.44, 9);
    const trunk = run({ ...base, ec2: { instanceTypes: ["m5.large"], networkMode: "awsvpc", eniTrunking: true, minInstances: 0 } });
    // trunk branch ENIs 9 -> min(8, 15, 9) = 8, CPU-bound; 1 instance: 70.08 + 2.4 = 72.48
    expect(option(trunk, "ec2").plan?.instances[0]).toMatchObject({ count: 1, tasksPerInstance: { tiny: 8 }, boundBy: "cpu" });
    expect(usd(trunk, "ec2")).toBeCloseTo(72.48, 9);
    // T types cannot trunk: t3.medium keeps max ENIs - 1 = 2
    const t3 = run({ ...base, ec2: { instanceTypes: ["t3.medium"], networkMode: "awsvpc", eniTrunking: true, minInstances: 0 } });
    expect(option(t3, "ec2").plan?.instances[0]).toMatchObject({ count: 3, tasksPerInstance: { tiny: 2 }, boundBy: "eni" });
  });

  it("EC2 target capacity and minInstances: N = max(min, ceil(M / (target/100)))", () => {
    const svc = { services: [{ name: "tiny", vcpu: 0.25, memoryGiB: 0.5, tasks: 6 }] };
    const headroom = run({ ...svc, ec2: { instanceTypes: ["m5.large"], eniTrunking: true, targetUtilizationPct: 50, minInstances: 0 } });
    expect(option(headroom, "ec2").plan?.instances[0]?.count).toBe(2); // ceil(1 / 0.5) = 2
    const minimum = run({ ...svc, ec2: { instanceTypes: ["m5.large"], eniTrunking: true, targetUtilizationPct: 100, minInstances: 3 } });
    expect(option(minimum, "ec2").plan?.instances[0]).toMatchObject({ count: 3, boundBy: "minInstances" });
    // 9 needed at 90% -> exactly 10 (not 11 from 9 / 0.9 = 10.000000000000002)
    const ninety = run({ services: [{ name: "one", vcpu: 2, memoryGiB: 4, tasks: 9 }], ec2: { instanceTypes: ["m5.large"], targetUtilizationPct: 90, minInstances: 0 } });
    expect(option(ninety, "ec2").plan?.instances[0]?.count).toBe(10);
  });

  it("EC2 bin-packs several services into shared instances", () => {
    const result = run({
      services: [
        { name: "a", vcpu: 1, memoryGiB: 2, tasks: 3 },
        { name: "b", vcpu: 0.5, memoryGiB: 1, tasks: 2 },
      ],
      ec2: { instanceTypes: ["m5.large"], networkMode: "bridge", minInstances: 0 },
    });
    const ec2 = option(result, "ec2");
    // a: 2 per m5.large (CPU) -> 1 full + 1 partial holding 1 task (1024 CPU, 5937 MiB left);
    // b: 2 tasks x 512 CPU fit the partial -> 2 instances in total (separately: 2 + 1 = 3)
    // 2 x 0.096 x 730 = 140.16 + EBS 4.8 = 144.96; CPU (3 x 1024 + 2 x 512) / 4096 = 100%
    expect(ec2.plan?.instances[0]).toMatchObject({ type: "m5.large", count: 2, tasksPerInstance: { a: 2, b: 4 } });
    expect(ec2.plan?.instances[0]?.cpuUtilPct).toBeCloseTo(100, 9);
    expect(ec2.monthlyUSD).toBeCloseTo(144.96, 9);
    // each service carries its share of the fleet: weights 3 x max(1024/2048, 2048/7985) = 1.5 and 2 x 0.25 = 0.5
    expect(ec2.services[0]?.monthlyUSD).toBeCloseTo(144.96 * 0.75, 9);
    expect(ec2.services[1]?.monthlyUSD).toBeCloseTo(144.96 * 0.25, 9);
  });

  it("EC2 picks the cheapest type for the workload and architectures get separate fleets", () => {
    const result = run({
      services: [
        { name: "x", vcpu: 0.25, memoryGiB: 0.5, tasks: 6 },
        { name: "g", vcpu: 0.25, memoryGiB: 1, architecture: "arm64", tasks: 2 },
      ],
      ec2: { instanceTypes: ["m5.large", "c5.large", "c7g.large", "m7g.large"], eniTrunking: true, minInstances: 1 },
    });
    const plan = option(result, "ec2").plan;
    // x86: 6 x 256 CPU fits one c5.large (8 by CPU, floor(3992/512) = 7 by memory, 9 ENIs): c5.large 0.085 < m5.large 0.096
    // arm: 2 tasks fit one c7g.large 0.0725 < m7g.large 0.0816
    expect(plan?.instances.map((i) => [i.type, i.count])).toEqual([
      ["c5.large", 1],
      ["c7g.large", 1],
    ]);
    // (0.085 + 0.0725) x 730 = 114.975 + EBS 2 x 2.4 = 4.8 -> 119.775
    expect(usd(result, "ec2")).toBeCloseTo(119.775, 9);
  });

  it("EC2 Spot uses the average Spot price with its date; EC2 Savings Plans unavailable without rates", () => {
    const spot = run({ services: [{ name: "s", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["m5.large"], purchase: "spot", networkMode: "bridge", minInstances: 0 } });
    // 2 tasks on one m5.large: 0.0384 x 730 = 28.032 + EBS 2.4 = 30.432
    expect(usd(spot, "ec2")).toBeCloseTo(30.432, 9);
    expect(line(option(spot, "ec2"), "instance")).toMatchObject({ usageType: "SpotUsage:m5.large", asOf: "2024-04-04" });
    expect(spot.warnings.some((w) => w.includes("2024-04-04"))).toBe(true);
    const sp = run({ services: [{ name: "s", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { purchase: "savings-plan-1y" } });
    expect(option(sp, "ec2")).toMatchObject({ available: false, monthlyUSD: null });
    expect(option(sp, "ec2").reason).toContain("No EC2 Savings Plans rates");
  });

  it("EC2 scheduled work: fleet sized for peak concurrency, up for launch + run + scale-in wait per run (warned)", () => {
    const result = run({
      services: [{ name: "etl", vcpu: 2, memoryGiB: 4, tasks: 3, usage: { kind: "scheduled", runsPerDay: 2, secondsPerRun: 3600, daysPerMonth: 30 } }],
      ec2: { instanceTypes: ["m5.large"], networkMode: "bridge", minInstances: 0 },
    });
    // 3 concurrent tasks, 1 per m5.large (2048 CPU) -> 3 instances; runs 12 h apart, so the fleet scales in:
    // each run keeps them 180 + 3600 + 900 = 4680 s; 2 x 30 x 4680 / 3600 = 78 h
    // 3 x 78 x 0.096 = 22.464; EBS 3 x 30 x 0.08 x 78/730 = 0.769315068...
    expect(line(option(result, "ec2"), "instance")?.quantity).toBeCloseTo(3 * 78, 9);
    expect(option(result, "ec2").monthlyUSD).toBeCloseTo(22.464 + (3 * 30 * 0.08 * 78) / 730, 9);
    expect(result.warnings.some((w) => w.startsWith("EC2 and scheduled work"))).toBe(true);
  });

  it("recommendation: the cheapest available option with savings vs Fargate on-demand", () => {
    // marked interruptible, so Spot may be recommended (docs/billing-rules.md#recommendation)
    const result = run({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4, interruptible: true }] });
    const cheapest = result.options.filter((o) => o.available).sort((a, b) => (a.monthlyUSD ?? 0) - (b.monthlyUSD ?? 0))[0];
    expect(result.recommendation?.optionId).toBe(cheapest?.id);
    // Fargate 4 x 36.0401 = 144.1604; Spot 45.8891724 -> savings 98.2712276
    expect(result.recommendation?.optionId).toBe("fargate-spot");
    expect(result.recommendation?.savingsUSD).toBeCloseTo(98.2712276, 8);
    expect(result.recommendation?.why).toContain("below Fargate on-demand");
  });
});

describe("catalog gaps are never $0", () => {
  it("EC2 Savings Plans priced at on-demand x (1 - discount) when a catalog has them", () => {
    const base = fixtureCatalog();
    // A catalog variant with an EC2 Savings Plan entry, to exercise the code path (the bundled sources have none).
    const catalog: RegionCatalog = {
      ...base,
      ec2: {
        ...base.ec2,
        savingsPlans: {
          ...base.ec2.savingsPlans,
          "savings-plan-1y": {
            discount: 0.3,
            rate: { usd: 0.3, unit: "discount", source: "fixture-ec2-2026-07", asOf: "2026-07-20", usageType: null, derived: true, note: "Test-only discount." },
          },
        },
      },
    };
    const result = estimate(input({ services: [{ name: "s", vcpu: 1, memoryGiB: 2, tasks: 2 }], ec2: { instanceTypes: ["m5.large"], purchase: "savings-plan-1y", networkMode: "bridge", minInstances: 0 } }), catalog);
    const ec2 = option(result, "ec2");
    // 0.096 x (1 - 0.3) = 0.0672 per hour x 730 = 49.056; EBS 2.4; total 51.456
    expect(line(ec2, "instance")?.rateUSD).toBeCloseTo(0.0672, 12);
    expect(ec2.monthlyUSD).toBeCloseTo(51.456, 9);
    expect(line(ec2, "instance")).toMatchObject({ usageType: "BoxUsage:m5.large", derived: true });
  });

  it("an unavailable catalog rate makes the option unavailable with the catalog's reason", () => {
    const base = fixtureCatalog();
    const catalog: RegionCatalog = {
      ...base,
      fargate: { ...base.fargate, linuxArm: { available: false, reason: "No Fargate ARM rate here" }, ephemeralStorageGbHour: { available: false, reason: "No storage rate here" } },
      ec2: { ...base.ec2, spot: { available: false, reason: "No EC2 Spot prices here" }, gp3GbMonth: { available: false, reason: "No gp3 price here" } },
    };
    const arm = estimate(input({ services: [{ name: "a", vcpu: 1, memoryGiB: 2, architecture: "arm64", tasks: 1 }] }), catalog);
    expect(option(arm, "fargate")).toMatchObject({ available: false, monthlyUSD: null });
    expect(option(arm, "fargate").reason).toBe('services[0] "a" (arm64): No Fargate ARM rate here');
    expect(option(arm, "ec2").reason).toContain("No gp3 price here");
    const disk = estimate(input({ services: [{ name: "d", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 21 }], ec2: { purchase: "spot", rootVolumeGiB: 0 } }), catalog);
    expect(option(disk, "fargate").reason).toContain("No storage rate here");
    expect(option(disk, "ec2").reason).toBe("No EC2 Spot prices here");
    expect(disk.recommendation).toBeNull();
    expect(disk.warnings.some((w) => w.startsWith("No option can run the whole workload"))).toBe(true);
    // 20 GiB needs no storage rate
    const free = estimate(input({ services: [{ name: "d", vcpu: 1, memoryGiB: 2, tasks: 1 }] }), catalog);
    expect(option(free, "fargate").monthlyUSD).toBeCloseTo(36.0401, 9);
  });

  it("Windows ephemeral storage above 20 GiB: no charge, warned (docs conflict)", () => {
    const result = estimate(input({ services: [{ name: "w", vcpu: 1, memoryGiB: 2, os: "windows", tasks: 1, ephemeralStorageGiB: 60 }] }), fixtureCatalog());
    expect(line(option(result, "fargate"), "storage")).toBeUndefined();
    expect(result.warnings.some((w) => w.startsWith("w: 60 GiB of ephemeral storage was requested"))).toBe(true);
  });
});

it("the result's input carries the catalog id used, so exports never drift", () => {
  const result = estimate(input({ services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }), fixtureCatalog());
  expect(result.input.catalog).toBe("2026-11-26");
  expect(result.input.ec2.targetUtilizationPct).toBe(100); // defaults filled in
});

it("Windows on arm64 is not a Fargate platform: unavailable with the reason", () => {
  const result = estimate(input({ services: [{ name: "w", vcpu: 1, memoryGiB: 2, os: "windows", architecture: "arm64", tasks: 1 }] }), fixtureCatalog());
  expect(option(result, "fargate").reason).toBe('services[0] "w": Windows containers on Fargate run on x86_64 only');
});
