/**
 * ECS Managed Instances (docs/billing-rules.md#ecs-managed-instances), by hand from the bundled 2026-12-01
 * us-east-1 catalog: instance rate (On-Demand BoxUsage, or Spot average) + management fee = 12% of the type's
 * On-Demand rate (derived) per instance-hour, gp3 $0.08/GB-month, public IPv4 $0.005/address-hour.
 * Rows used: r6i.large 2 vCPU / 16,384 MiB, On-Demand $0.126, Spot $0.05166; m6i.large 2 vCPU / 8,192 MiB,
 * $0.096, Spot $0.03936; c6i.large 2 vCPU / 4,096 MiB, 3 ENIs, $0.085; m6i.xlarge 4 vCPU / 16,384 MiB, 4 ENIs,
 * $0.192. Registered memory = floor(MiB x 7985 / 8192).
 */
import { MessageSet } from "@/lib/engine/messages";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { costCurve } from "@/lib/engine/curve";
import { estimate } from "@/lib/engine/estimate";
import { managedInstancesOption } from "@/lib/engine/managed-instances";
import { EstimateResultSchema, parseEstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";
import { ENI_BOUND, MEMORY_BOUND } from "./managed-instances-fixtures";

const catalog = loadRegionCatalog("us-east-1", "2026-12-01");
const MI = "ecs-managed-instances";

function run(raw: Omit<EstimateInputRaw, "version" | "region">, c: RegionCatalog = catalog): EstimateResult {
  const parsed = parseEstimateInput({ version: 1, region: "us-east-1", catalog: "2026-12-01", ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = estimate(parsed.value, c);
  EstimateResultSchema.parse(result);
  return result;
}
const option = (r: EstimateResult, id: string) => {
  const o = r.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
};

describe("ECS Managed Instances golden cases (bundled 2026-12-01, us-east-1)", () => {
  it("memory-bound: 2 x r6i.large, instance + derived 12% fee + root volume", () => {
    const mi = option(run(MEMORY_BOUND), MI);
    // r6i.large: registered 15,970 MiB / 3,072 = 5 tasks (CPU 2,048 / 256 = 8) -> ceil(6 / 5) = 2 instances,
    //   (0.126 + 0.01512) x 2 = $0.28224/h.
    // m6i.large: 7,985 / 3,072 = 2 tasks -> 3 instances, (0.096 + 0.01152) x 3 = $0.32256/h: r6i.large wins.
    expect(mi.available).toBe(true);
    expect(mi.label).toBe("ECS Managed Instances (on-demand)");
    expect(mi.plan?.instances).toEqual([
      expect.objectContaining({ type: "r6i.large", count: 2, tasksPerInstance: { cache: 5 }, boundBy: "memory" }),
    ]);
    // hourlyUSD = instance + fee = 0.126 + 0.12 x 0.126 = 0.14112
    expect(mi.plan?.instances[0]?.hourlyUSD).toBeCloseTo(0.14112, 12);
    const [instance, fee, ebs] = mi.lines;
    // 2 instances x 730 h = 1,460 instance-hours x $0.126 = $183.96
    expect(instance).toMatchObject({ component: "instance", quantity: 1460, rateUSD: 0.126, usageType: "BoxUsage:r6i.large", derived: false });
    expect(instance?.usd).toBeCloseTo(183.96, 9);
    // 1,460 x (0.12 x 0.126 = $0.01512) = $22.0752, derived, with the ECS usage type
    expect(fee).toMatchObject({ component: "other", quantity: 1460, unit: "instance-hours", usageType: "USE1-ECS-Managed-Instances:r6i.large-management-hours", derived: true, asOf: "2025-10-27" });
    expect(fee?.rateUSD).toBeCloseTo(0.01512, 12);
    expect(fee?.usd).toBeCloseTo(22.0752, 9);
    expect(fee?.label).toBe("ECS Managed Instances management fee (r6i.large)");
    expect(fee?.note).toContain("12% x On-Demand $0.126 = $0.01512 per instance-hour");
    // 30 GiB x 1,460 h / 730 = 60 GB-months x $0.08 = $4.80
    expect(ebs).toMatchObject({ component: "ebs", quantity: 60 });
    expect(ebs?.usd).toBeCloseTo(4.8, 9);
    // 183.96 + 22.0752 + 4.8 = 210.8352
    expect(mi.monthlyUSD).toBeCloseTo(210.8352, 9);
    expect(mi.plan?.why).toContain("memory-bound: r6i.large holds 5 tasks of cache");
    expect(mi.plan?.why).toContain("$0.14112/h each ($0.126 instance + $0.01512 management fee)");
    expect(mi.plan?.why).toContain("may launch other types than this plan");
    // ECS on EC2 runs the same fleet without the fee: 183.96 + 4.8 = 188.76
    expect(option(run(MEMORY_BOUND), "ec2").monthlyUSD).toBeCloseTo(188.76, 9);
  });

  it("ENI-bound: 5 x c6i.large, instance + fee + volume + one public IPv4 per instance", () => {
    const result = run(ENI_BOUND);
    const mi = option(result, MI);
    // c6i.large: 3 ENIs - 1 = 2 tasks (CPU 8, memory 3,992 / 512 = 7) -> 5 instances, (0.085 + 0.0102) x 5 = $0.476/h
    // m6i.xlarge: 4 - 1 = 3 tasks -> 4 instances, (0.192 + 0.02304) x 4 = $0.86016/h: c6i.large wins.
    expect(mi.plan?.instances).toEqual([expect.objectContaining({ type: "c6i.large", count: 5, tasksPerInstance: { api: 2 }, boundBy: "eni" })]);
    const by = (label: string) => mi.lines.find((l) => l.label?.startsWith(label));
    // 5 x 730 = 3,650 instance-hours x $0.085 = $310.25
    expect(by("EC2 instance")?.usd).toBeCloseTo(310.25, 9);
    // 3,650 x (0.12 x 0.085 = $0.0102) = $37.23
    expect(by("ECS Managed Instances management fee")?.usd).toBeCloseTo(37.23, 9);
    // 20 GiB x 3,650 h / 730 = 100 GB-months x $0.08 = $8
    expect(by("EBS gp3 root volume")?.usd).toBeCloseTo(8, 9);
    // one address per instance-hour: 3,650 x $0.005 = $18.25
    const ipv4 = by("Public IPv4 address per instance");
    expect(ipv4).toMatchObject({ quantity: 3650, category: "public-ipv4" });
    expect(ipv4?.shared).toBeUndefined();
    expect(ipv4?.usd).toBeCloseTo(18.25, 9);
    // 310.25 + 37.23 + 8 + 18.25 = 373.73
    expect(mi.monthlyUSD).toBeCloseTo(373.73, 9);
    expect(mi.plan?.why).toContain("ENI-bound: c6i.large holds 2 tasks of api");
    // Only the self-managed option carries the "you manage the instances" warning.
    expect(result.warnings.some((w) => w.includes("managing the instances yourself"))).toBe(true);
    const alone = run({ ...ENI_BOUND, services: [{ name: "api", vcpu: 0.25, memoryGiB: 0.5, tasks: 10 }], ec2: { ...ENI_BOUND.ec2, purchase: "reserved-1y" } });
    expect(option(alone, MI).plan?.why).not.toContain("you manage");
  });

  it("Spot: Spot average instance rate + the fee on the On-Demand rate (the fee is not discounted)", () => {
    const mi = option(run({ ...MEMORY_BOUND, ec2: { ...MEMORY_BOUND.ec2, purchase: "spot" } }), MI);
    // r6i.large (0.05166 + 0.01512) x 2 = 0.13356/h < m6i.large (0.03936 + 0.01152) x 3 = 0.15264/h
    expect(mi.label).toBe("ECS Managed Instances (Spot, average price)");
    expect(mi.lines[0]).toMatchObject({ usageType: "SpotUsage:r6i.large", rateUSD: 0.05166 });
    // 1,460 x 0.05166 = 75.4236; fee 22.0752; volume 4.8: 102.2988
    expect(mi.lines[0]?.usd).toBeCloseTo(75.4236, 9);
    expect(mi.lines[1]?.usd).toBeCloseTo(22.0752, 9);
    expect(mi.monthlyUSD).toBeCloseTo(102.2988, 9);
  });

  it("Reserved Instances: the instance is paid all month, the fee only for the hours the instances run", () => {
    const scheduled = {
      services: [{ name: "batch", vcpu: 0.25, memoryGiB: 3, tasks: 6, usage: { kind: "scheduled", runsPerDay: 1, secondsPerRun: 3600, daysPerMonth: 30 } }],
      ec2: { instanceTypes: ["r6i.large"], eniTrunking: true, purchase: "reserved-1y", rootVolumeGiB: 0 },
    } satisfies Omit<EstimateInputRaw, "version" | "region">;
    const mi = option(run(scheduled), MI);
    const ri = catalog.ec2.instanceTypes.find((t) => t.type === "r6i.large")?.reserved1yUSD as number;
    // 2 x r6i.large; each run keeps them 180 + 3,600 + 900 = 4,680 s x 30 days = 39 h.
    // Instance: 2 x 730 h x RI rate (paid for the whole term); fee: 2 x 39 h = 78 instance-hours x $0.01512 = $1.17936.
    expect(mi.lines[0]?.quantity).toBe(1460);
    expect(mi.lines[0]?.usd).toBeCloseTo(1460 * ri, 9);
    expect(mi.lines[1]?.quantity).toBeCloseTo(78, 9);
    expect(mi.lines[1]?.usd).toBeCloseTo(1.17936, 9);
    expect(mi.monthlyUSD).toBeCloseTo(1460 * ri + 1.17936, 9);
  });

  it("not for Windows (Linux containers only), not in bridge mode, not without a fee rate; absent for EKS and old snapshots", () => {
    const windows = option(run({ services: [{ name: "win", vcpu: 1, memoryGiB: 2, tasks: 1, os: "windows" }] }), MI);
    expect(windows.available).toBe(false);
    expect(windows.reason).toContain('services[0] "win" is a Windows task: ECS Managed Instances runs Linux containers only');
    const bridge = option(run({ ...MEMORY_BOUND, ec2: { ...MEMORY_BOUND.ec2, networkMode: "bridge" } }), MI);
    expect(bridge.available).toBe(false);
    expect(bridge.reason).toContain("not bridge");
    // host mode has no ENI limit, like ECS on EC2
    expect(option(run({ ...MEMORY_BOUND, ec2: { ...MEMORY_BOUND.ec2, networkMode: "host" } }), MI).available).toBe(true);
    // Snapshot 2026-11-26 predates Managed Instances: no option, so its exports and share links keep their options.
    const oldCatalog = loadRegionCatalog("us-east-1", "2026-11-26");
    const old = estimate(parseOk({ version: 1, region: "us-east-1", catalog: "2026-11-26", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }), oldCatalog);
    expect(old.options.map((o) => o.id)).toEqual(["fargate", "fargate-spot", "ec2"]);
    // Called directly (the cost curve does), the option says why it cannot be priced, never $0.
    const unpriced = managedInstancesOption(old.input, oldCatalog, new MessageSet());
    expect(unpriced.available).toBe(false);
    expect(unpriced.reason).toMatch(/^No ECS Managed Instances management fee in the us-east-1 catalog: /);
    const eks = run({ orchestrator: "eks", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    expect(eks.options.some((o) => o.id === MI)).toBe(false);
  });
});

function parseOk(raw: EstimateInputRaw) {
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** A copy of the catalog whose management fee is 0: Managed Instances then costs exactly what ECS on EC2 costs. */
function withoutFee(): RegionCatalog {
  const copy = structuredClone(catalog);
  const mi = copy.ec2.managedInstances;
  if ("available" in mi) throw new Error("fixture expects a fee rule");
  mi.feeFractionOfOnDemand = 0;
  // Types that carry AWS's own fee (c6a.2xlarge, the pricing page's example) get 0 too.
  for (const t of copy.ec2.instanceTypes) {
    delete t.managedFeeUSD;
    delete t.managedFeeSource;
  }
  return copy;
}

describe("ECS Managed Instances in the recommendation", () => {
  // 8 tasks of 2 vCPU / 3 GiB on c6i.xlarge (4 vCPU / 8 GiB, registered 7,985 MiB: 2 tasks per instance, CPU- and
  // memory-bound) in host mode: EC2 4 x 730 x 0.17 + 4 x 30 GiB x 0.08 = 496.4 + 9.6 = $506.00; Fargate bills
  // 2 vCPU / 4 GiB: 8 x 730 x (2 x 0.04048 + 4 x 0.004445) = 5,840 x 0.09874 = $576.6416.
  const base = {
    services: [{ name: "worker", vcpu: 2, memoryGiB: 3, tasks: 8 }],
    ec2: { instanceTypes: ["c6i.xlarge"], networkMode: "host" },
  } satisfies Omit<EstimateInputRaw, "version" | "region">;

  it("with a fee it costs more than ECS on EC2, and the EC2 recommendation says what it would cost", () => {
    const result = run(base);
    expect(option(result, "ec2").monthlyUSD).toBeCloseTo(506, 9);
    expect(option(result, "fargate").monthlyUSD).toBeCloseTo(576.6416, 9);
    // fee 4 x 730 x 0.12 x 0.17 = $59.568 -> $565.568
    expect(option(result, MI).monthlyUSD).toBeCloseTo(565.568, 9);
    expect(result.recommendation?.optionId).toBe("ec2");
    expect(result.recommendation?.why).toContain("ECS Managed Instances would run such a fleet without you managing the instances for $59.57/month more");
  });

  it("at equal cost it wins over ECS on EC2 (less to manage), after the Fargate options", () => {
    const result = run(base, withoutFee());
    expect(option(result, MI).monthlyUSD).toBe(option(result, "ec2").monthlyUSD);
    expect(result.recommendation?.optionId).toBe(MI);
    expect(result.recommendation?.why).toContain("plan: 4 x c6i.xlarge, instance + management fee; AWS manages the instances and may choose other types");
    expect(result.recommendation?.why).not.toContain("you manage the instances");
  });

  it("on Spot only when the services are marked interruptible", () => {
    const spot = { ...base, ec2: { ...base.ec2, purchase: "spot" } } as const;
    const held = run(spot, withoutFee());
    // Fargate Spot and both EC2-backed Spot options are held back: Fargate on-demand is recommended.
    expect(held.recommendation?.optionId).toBe("fargate");
    expect(option(held, MI).available).toBe(true);
    const allowed = run({ ...spot, services: [{ name: "worker", vcpu: 2, memoryGiB: 3, tasks: 8, interruptible: true }] }, withoutFee());
    // Fargate Spot: 5,840 task-hours x (2 x 0.01288561 + 4 x 0.00141493) = $183.5567; Managed Instances Spot
    // (fee 0) = ECS on EC2 Spot: 4 x 730 x 0.0799 + 9.6 = $242.908. At equal cost Managed Instances ranks first.
    expect(option(allowed, "fargate-spot").monthlyUSD).toBeCloseTo(183.5566896, 6);
    expect(option(allowed, MI).monthlyUSD).toBeCloseTo(242.908, 9);
    expect(option(allowed, "ec2").monthlyUSD).toBeCloseTo(242.908, 9);
    expect(allowed.recommendation?.optionId).toBe("fargate-spot");
    expect(allowed.recommendation?.why).toContain("next: ECS Managed Instances (Spot, average price) at $242.91/month");
  });
});

describe("ECS Managed Instances against ECS on EC2 (property, whole us-east-1 search)", () => {
  it("same fleet search: with the fee at 0 it costs exactly what ECS on EC2 costs; with the fee never less", () => {
    const free = withoutFee();
    fc.assert(
      fc.property(
        fc.record({
          vcpu: fc.constantFrom(0.25, 0.5, 1, 2, 4),
          memoryGiB: fc.constantFrom(0.5, 1, 2, 3, 8, 30),
          tasks: fc.integer({ min: 0, max: 40 }),
          architecture: fc.constantFrom("x86_64" as const, "arm64" as const),
          purchase: fc.constantFrom("on-demand" as const, "spot" as const, "reserved-1y" as const),
          networkMode: fc.constantFrom("awsvpc" as const, "host" as const),
          scheduled: fc.boolean(),
        }),
        (c) => {
          const raw = {
            services: [{ name: "s", vcpu: c.vcpu, memoryGiB: c.memoryGiB, tasks: c.tasks, architecture: c.architecture, ...(c.scheduled ? { usage: { kind: "scheduled" as const, runsPerDay: 4, secondsPerRun: 900 } } : {}) }],
            ec2: { purchase: c.purchase, networkMode: c.networkMode },
          };
          const zero = run(raw, free);
          expect(option(zero, MI).available).toBe(option(zero, "ec2").available);
          if (option(zero, "ec2").available) expect(option(zero, MI).monthlyUSD).toBeCloseTo(option(zero, "ec2").monthlyUSD as number, 9);
          const real = run(raw);
          if (option(real, MI).available) expect(option(real, MI).monthlyUSD as number).toBeGreaterThanOrEqual((option(real, "ec2").monthlyUSD as number) - 1e-9);
        },
      ),
      // The found case: Reserved Instances for scheduled work; the search must count the reservation for all
      // 730 h of the month (as the line bills it), not only the hours the fleet runs.
      { numRuns: 60, examples: [[{ vcpu: 0.5, memoryGiB: 0.5, tasks: 8, architecture: "x86_64", purchase: "reserved-1y", networkMode: "host", scheduled: true }]] },
    );
  });
});

describe("ECS Managed Instances on the cost curve", () => {
  it("each point carries its cost, and its crossover is the first task count where a full estimate puts it below Fargate", () => {
    for (const [vcpu, memoryGiB, types] of [
      [2, 3, ["c6i.xlarge"]],
      [0.25, 3, ["m6i.large", "r6i.large"]],
      [1, 2, []],
    ] as const) {
      const input = parseOk({ version: 1, region: "us-east-1", catalog: "2026-12-01", services: [{ name: "s", vcpu, memoryGiB, tasks: 4 }], ec2: { instanceTypes: [...types], networkMode: "host" } });
      const curve = costCurve(input, catalog, { serviceIndex: 0, maxTasks: 40, points: 5 });
      for (const p of curve.points) {
        const full = estimate({ ...input, services: [{ ...input.services[0]!, tasks: p.tasks }] }, catalog);
        expect(p.managedInstances).toBe(option(full, MI).monthlyUSD);
      }
      let brute: number | null = null;
      for (let n = 1; n <= 40 && brute === null; n++) {
        const full = estimate({ ...input, services: [{ ...input.services[0]!, tasks: n }] }, catalog);
        const mi = option(full, MI).monthlyUSD;
        const fargate = option(full, "fargate").monthlyUSD as number;
        if (mi !== null && mi < fargate - 1e-9 * Math.max(1, fargate)) brute = n;
      }
      expect(curve.managedInstancesCrossoverTasks).toBe(brute);
      expect(curve.managedInstancesCrossoverPoint?.tasks ?? null).toBe(brute);
    }
  });
});
