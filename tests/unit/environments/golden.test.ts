/**
 * Environments and weekly schedules, computed by hand from the 2026-12-01 us-east-1 rates
 * (docs/billing-rules.md#weekly-schedules):
 *   Fargate Linux x86 on-demand: $0.04048 per vCPU-hour, $0.004445 per GB-hour
 *   m5.large on-demand $0.096/h (2 vCPU = 2048 CPU units, 8192 MiB -> 7985 MiB registered); gp3 $0.08 per GB-month
 *   ALB $0.0225/h, NAT gateway $0.045/h
 * A month is 730 h = 730 / 168 weeks.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate, weeklyUsageProfile } from "@/lib/engine";
import { WEEKS_PER_MONTH } from "@/lib/schedule/week";
import { parseEstimateInput, type EstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.join(ROOT, "data") });

const API = { name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 };
/** m5.large in bridge mode holds 2 tasks of 1 vCPU / 2 GiB (CPU-bound: 2048 / 1024). */
const M5_BRIDGE = { instanceTypes: ["m5.large"], networkMode: "bridge" as const };

function parse(raw: EstimateInputRaw): EstimateInput {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
}
const run = (raw: EstimateInputRaw) => estimate(parse(raw), catalog);
const base = (extra: Partial<EstimateInputRaw>): EstimateInputRaw => ({ version: 1, region: "us-east-1", catalog: "2026-12-01", services: [API], ...extra });
const option = (r: EstimateResult, id: string) => r.options.find((o) => o.id === id)!;
const total = (r: EstimateResult, id: string) => option(r, id).monthlyUSD!;
const sub = (r: EstimateResult, env: string, id: string) => r.environments!.find((e) => e.name === env)!.subtotals.find((s) => s.optionId === id)!.monthlyUSD!;
const EBS_PER_INSTANCE_HOUR = (30 * 0.08) / 730;

describe("business hours 12 h x 5 days in a named time zone, on Fargate", () => {
  const r = run(
    base({
      environments: [{ name: "dev", multiplier: 0.5, schedule: { kind: "business-hours", timeZone: "Europe/Berlin", days: ["mon", "tue", "wed", "thu", "fri"], startHour: 8, endHour: 20 } }],
    }),
  );

  it("pays 2 tasks for 60 h a week", () => {
    // 4 tasks x 0.5 = 2 tasks; 12 h x 5 days = 60 h/week x 730 / 168 = 260.7142857 h/month -> 521.4285714 task-hours
    // vCPU: 521.4285714 x 1 x 0.04048 = 21.1074285714; memory: 521.4285714 x 2 x 0.004445 = 4.6355
    expect(total(r, "fargate")).toBeCloseTo(21.1074285714 + 4.6355, 8);
    expect(sub(r, "dev", "fargate")).toBeCloseTo(25.7429285714, 8);
    const lines = option(r, "fargate").lines;
    expect(lines.map((l) => [l.service, l.environment, l.component])).toEqual([
      ["api (dev)", "dev", "vcpu"],
      ["api (dev)", "dev", "memory"],
    ]);
    expect(lines[0]!.quantity).toBeCloseTo(3650 / 7, 9);
    expect(lines[0]!.note).toContain('Environment "dev": 08:00-20:00 Mon-Fri, Europe/Berlin (60 h a week)');
  });

  it("places the hours in UTC: Berlin is UTC+1 on the catalog date, so 07:00-19:00 UTC", () => {
    const dev = r.environments![0]!;
    expect(dev.onHoursPerWeek).toBe(60);
    expect(dev.tasksPerHour).toHaveLength(168);
    expect(dev.tasksPerHour[6]).toBe(0); // Mon 06:00 UTC = 07:00 Berlin
    expect(dev.tasksPerHour[7]).toBe(2); // Mon 07:00 UTC = 08:00 Berlin
    expect(dev.tasksPerHour[18]).toBe(2);
    expect(dev.tasksPerHour[19]).toBe(0);
    expect(dev.tasksPerHour[5 * 24 + 10]).toBe(0); // Saturday
    // Cost per hour while on: 2 x (0.04048 + 2 x 0.004445) = 0.09874; summed over the week x 730/168 = the subtotal.
    const perHour = dev.subtotals.find((s) => s.optionId === "fargate")!.costPerHourUSD!;
    expect(perHour[7]).toBeCloseTo(0.09874, 6);
    expect(perHour[6]).toBe(0);
    expect(perHour.reduce((a, b) => a + b, 0) * WEEKS_PER_MONTH).toBeCloseTo(25.7429285714, 3);
  });

  it("always on with multiplier 1 costs exactly what the services cost without environments", () => {
    const plain = run(base({ ec2: M5_BRIDGE }));
    const prod = run(base({ ec2: M5_BRIDGE, environments: [{ name: "prod" }] }));
    for (const id of ["fargate", "fargate-spot", "ec2"]) expect(total(prod, id)).toBeCloseTo(total(plain, id), 9);
  });
});

describe("a night/day task profile on Fargate vs EC2 (the fleet sized per period, with the scale-in rule)", () => {
  // prod, always on (UTC): 4 tasks from 08:00 to 24:00, half (2 tasks) from 00:00 to 08:00.
  const r = run(
    base({
      ec2: M5_BRIDGE,
      environments: [{ name: "prod", taskProfile: [{ days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], fromHour: 0, toHour: 8, tasksFactor: 0.5 }] }],
    }),
  );

  it("Fargate pays the task-hours", () => {
    // per day 8 h x 2 + 16 h x 4 = 80 task-hours; x 7 = 560 a week; x 730 / 168 = 2433.333 a month
    // vCPU 2433.333 x 0.04048 = 98.501333; memory 4866.667 x 0.004445 = 21.632333
    expect(total(r, "fargate")).toBeCloseTo(98.5013333333 + 21.6323333333, 7);
  });

  it("EC2 runs 1 instance at night and 2 by day, launching 3 minutes early and leaving 15 minutes late", () => {
    // 2 tasks -> 1 m5.large, 4 tasks -> 2. Per day: 8 h x 1 + 16 h x 2 = 40 instance-hours;
    // + 1 instance x 3 min before 08:00 (0.05 h) + 1 instance x 15 min after 00:00 (0.25 h) = 40.3.
    // Week 282.1 instance-hours x 730 / 168 = 1225.7916667 a month.
    const instanceHours = (282.1 * 730) / 168;
    const lines = option(r, "ec2").lines;
    expect(lines[0]!.quantity).toBeCloseTo(instanceHours, 7);
    // instances 1225.7916667 x 0.096 = 117.676; volumes 30 GiB x 1225.7916667 / 730 x 0.08 = 4.03
    expect(total(r, "ec2")).toBeCloseTo(117.676 + 4.03, 7);
    expect(option(r, "ec2").plan!.instances[0]!.count).toBe(2);
    // The plan says what one instance holds once, not once per period.
    expect(option(r, "ec2").plan!.why!.match(/holds 2 tasks of api/g)).toHaveLength(1);
  });

  it("a 15-minute dip keeps the instances; a 30-minute dip lets one go for 12 minutes", () => {
    const dip = (toHour: number) =>
      run(base({ ec2: M5_BRIDGE, environments: [{ name: "prod", taskProfile: [{ days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], fromHour: 12, toHour, tasksFactor: 0.5 }] }] }));
    // No dip: 2 instances x 168 h = 336 instance-hours a week.
    const flat = (336 * 730) / 168;
    expect(option(dip(12.25), "ec2").lines[0]!.quantity).toBeCloseTo(flat, 7);
    // 30 minutes at 1 instance: the first quarter-hour is the scale-in wait, the second keeps 1 instance for 12 minutes
    // before the other relaunches 3 minutes early: 336 - 7 days x 0.2 h = 334.6 a week.
    expect(option(dip(12.5), "ec2").lines[0]!.quantity).toBeCloseTo((334.6 * 730) / 168, 7);
    // Fargate pays the dip either way: per day 4 x 24 - 2 x 0.25 = 95.5 task-hours.
    expect(option(dip(12.25), "fargate").lines[0]!.quantity).toBeCloseTo((95.5 * 7 * 730) / 168, 7);
  });

  it("two environments share one fleet sized for their combined periods", () => {
    // + dev: 2 tasks (x 0.5) 08:00-20:00 Berlin = 07:00-19:00 UTC Mon-Fri. Total tasks per weekday: 00-07 2, 07-08 4,
    // 08-19 6, 19-24 4 -> instances 1, 2, 3, 2: 7 + 2 + 33 + 10 = 52, + launches before 07:00 and 08:00 (2 x 0.05)
    // + holds after 19:00 and 00:00 (2 x 0.25) = 52.6. Weekend days as above: 40.3. Week 5 x 52.6 + 2 x 40.3 = 343.6.
    const both = run(
      base({
        ec2: M5_BRIDGE,
        environments: [
          { name: "prod", taskProfile: [{ days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], fromHour: 0, toHour: 8, tasksFactor: 0.5 }] },
          { name: "dev", multiplier: 0.5, schedule: { kind: "business-hours", timeZone: "Europe/Berlin" } },
        ],
      }),
    );
    const instanceHours = (343.6 * 730) / 168;
    expect(option(both, "ec2").lines[0]!.quantity).toBeCloseTo(instanceHours, 7);
    expect(total(both, "ec2")).toBeCloseTo(instanceHours * (0.096 + EBS_PER_INSTANCE_HOUR), 7);
    // The environments' shares of the fleet add up to it (no shared lines here).
    expect(sub(both, "prod", "ec2") + sub(both, "dev", "ec2")).toBeCloseTo(total(both, "ec2"), 6);
    expect(sub(both, "dev", "ec2")).toBeGreaterThan(0);
    expect(option(both, "ec2").plan!.instances[0]!.count).toBe(3);
  });

  it("minInstances stay while no environment runs", () => {
    // dev only, 4 tasks 08:00-20:00 UTC Mon-Fri -> 2 instances, minInstances 1.
    // Per weekday: busy 07:57-20:15 = 12.3 h at 2 instances; the other 11.7 h at 1. Weekend 48 h at 1.
    // Week: 5 x (12.3 x 2 + 11.7) + 48 = 181.5 + 48 = 229.5 instance-hours.
    const r1 = run(base({ ec2: { ...M5_BRIDGE, minInstances: 1 }, environments: [{ name: "dev", schedule: { kind: "business-hours" } }] }));
    const hours = option(r1, "ec2").lines.filter((l) => l.component === "instance").reduce((s, l) => s + l.quantity, 0);
    expect(hours).toBeCloseTo((229.5 * 730) / 168, 7);
    // Cost at zero tasks on EC2: 1 instance x 730 h x (0.096 + 30 x 0.08 / 730) = 70.08 + 2.40 = 72.48.
    expect(r1.costAtZeroTasks!.find((c) => c.optionId === "ec2")!.monthlyUSD).toBeCloseTo(72.48, 9);
    expect(r1.costAtZeroTasks!.find((c) => c.optionId === "fargate")!.monthlyUSD).toBe(0);
  });
});

describe("a dev environment at zero tasks pays only its fixed lines", () => {
  const network = { loadBalancers: [{ name: "public", type: "alb" as const }], natGateways: { count: 1 } };
  const r = run(base({ ec2: M5_BRIDGE, network, environments: [{ name: "dev", multiplier: 0 }] }));

  it("every option costs the load balancer and NAT gateway hours, nothing more", () => {
    // ALB 730 x 0.0225 = 16.425; NAT gateway 730 x 0.045 = 32.85; total 49.275 (no traffic: no LCU line)
    for (const id of ["fargate", "fargate-spot", "ec2"]) {
      expect(total(r, id)).toBeCloseTo(49.275, 9);
      expect(sub(r, "dev", id)).toBe(0);
      expect(r.costAtZeroTasks!.find((c) => c.optionId === id)!.monthlyUSD).toBeCloseTo(49.275, 9);
    }
    expect(r.costAtZeroTasks![0]!.lines).toEqual(['Application Load Balancer "public" hours', "NAT gateway hours"]);
    // dev's own lines are there, at zero tasks and $0
    expect(option(r, "fargate").lines.filter((l) => l.environment === "dev").map((l) => l.usd)).toEqual([0, 0]);
  });

  it("with a 10% price book, the cost at zero tasks is net of it too", () => {
    // (16.425 + 32.85) x (1 - 0.10) = 44.3475 for every option (both lines are AmazonEC2/ELB charges the book covers)
    const discounted = run(base({ ec2: M5_BRIDGE, network, environments: [{ name: "dev", multiplier: 0 }], discounts: { percent: 10 } }));
    for (const id of ["fargate", "fargate-spot", "ec2"]) {
      expect(discounted.costAtZeroTasks!.find((c) => c.optionId === id)!.monthlyUSD).toBeCloseTo(44.3475, 9);
      expect(total(discounted, id)).toBeCloseTo(44.3475, 9);
    }
  });

  it("next to a running prod, dev adds nothing and prod pays what it pays alone", () => {
    const both = run(base({ ec2: M5_BRIDGE, network, environments: [{ name: "prod" }, { name: "dev", multiplier: 0 }] }));
    const alone = run(base({ ec2: M5_BRIDGE, network, environments: [{ name: "prod" }] }));
    for (const id of ["fargate", "ec2"]) expect(total(both, id)).toBeCloseTo(total(alone, id), 9);
    // 4 tasks x 730 h x (0.04048 + 2 x 0.004445) = 144.1604
    expect(sub(both, "prod", "fargate")).toBeCloseTo(144.1604, 9);
    expect(sub(both, "dev", "fargate")).toBe(0);
  });
});

describe("the environment's Spot tolerance and scheduled jobs", () => {
  it("an interruptible dev puts only dev on Fargate Spot in the recommendation", () => {
    const r = run(base({ environments: [{ name: "prod" }, { name: "dev", multiplier: 0.5, interruptible: true }] }));
    const mixed = option(r, "fargate-spot-interruptible");
    expect(mixed.available).toBe(true);
    expect(mixed.lines.filter((l) => l.label?.includes("spot")).every((l) => l.environment === "dev")).toBe(true);
    expect(r.recommendation!.optionId).toBe("fargate-spot-interruptible");
  });

  it("scheduled jobs keep their runs on the on-days only", () => {
    // 2 tasks, 24 runs a day of 600 s, 30 days: alone 2 x 24 x 30 x 600 / 3600 = 240 task-hours.
    // In a Mon-Fri environment: 30 x 5 / 7 days -> 240 x 5 / 7 = 171.4285714 task-hours.
    const job = { name: "job", vcpu: 1, memoryGiB: 2, tasks: 2, usage: { kind: "scheduled" as const, runsPerDay: 24, secondsPerRun: 600, daysPerMonth: 30 } };
    const r = run(base({ services: [job], environments: [{ name: "batch", schedule: { kind: "business-hours", startHour: 0, endHour: 24 } }] }));
    expect(option(r, "fargate").lines[0]!.quantity).toBeCloseTo(1200 / 7, 9);
  });

  it("warns when a continuous service's own hours are replaced by the schedule", () => {
    const r = run(base({ services: [{ ...API, usage: { kind: "continuous", hoursPerMonth: 200 } }], environments: [{ name: "prod" }] }));
    expect(r.warnings.some((w) => w.includes('services[0] "api": its 200 h/month is replaced'))).toBe(true);
    // the schedule (always on) decides: 4 x 730 task-hours
    expect(option(r, "fargate").lines[0]!.quantity).toBeCloseTo(2920, 9);
  });
});

describe("weeklyUsageProfile (the Savings Plan sizer's input)", () => {
  const input = parse(base({ ec2: { ...M5_BRIDGE, purchase: "spot" }, environments: [{ name: "dev", schedule: { kind: "business-hours" } }] }));

  it("Fargate: vCPU and memory On-Demand dollars per quarter-hour, only while dev runs", () => {
    const p = weeklyUsageProfile(input, catalog, "fargate");
    if ("reason" in p) throw new Error(p.reason);
    expect(p.eligible.map((s) => s.component)).toEqual(["vcpu", "memory"]);
    // Mon 08:00 UTC quarter-hour: 4 tasks x 0.25 h x (0.04048 + 2 x 0.004445) = 0.04937
    expect(p.totalUSDPerSlot[8 * 4]).toBeCloseTo(0.04937, 9);
    expect(p.totalUSDPerSlot[7 * 4 + 3]).toBe(0);
    // a week x 730 / 168 = the option's monthly cost: 60 h x 4 tasks x 0.09874 / ... = 4 x 260.714 x 0.04937 x 4
    const week = p.totalUSDPerSlot.reduce((a, b) => a + b, 0);
    expect(week * WEEKS_PER_MONTH).toBeCloseTo(total(estimate(input, catalog), "fargate"), 9);
  });

  it("EC2: instance-hours at the On-Demand rate even when the fleet is bought on Spot", () => {
    const p = weeklyUsageProfile(input, catalog, "ec2");
    if ("reason" in p) throw new Error(p.reason);
    expect(p.eligible).toHaveLength(1);
    expect(p.eligible[0]!.onDemandRateUSD).toBe(0.096);
    // Mon 08:00 UTC: 2 m5.large x 0.25 h x 0.096 = 0.048
    expect(p.totalUSDPerSlot[8 * 4]).toBeCloseTo(0.048, 9);
  });

  it("EC2: the fleet planned On-Demand, not the reserved hours, when ec2.purchase is a Reserved Instance", () => {
    // Reserved m5.large ($0.06/h) would be paid all 730 h; the Savings Plan question is the On-Demand fleet, which
    // follows dev: Mon 08:00 UTC 2 x 0.25 h x $0.096 = $0.048, Mon 03:00 UTC nothing (minInstances 0).
    const reserved = parse(base({ ec2: { ...M5_BRIDGE, purchase: "reserved-1y" }, environments: [{ name: "dev", schedule: { kind: "business-hours" } }] }));
    const p = weeklyUsageProfile(reserved, catalog, "ec2");
    if ("reason" in p) throw new Error(p.reason);
    expect(p.eligible.map((s) => [s.label, s.onDemandRateUSD])).toEqual([["EC2 instance (on-demand, m5.large)", 0.096]]);
    expect(p.totalUSDPerSlot[8 * 4]).toBeCloseTo(0.048, 9);
    expect(p.totalUSDPerSlot[3 * 4]).toBe(0);
  });

  it("lists the compute lines no Compute Savings Plan covers, with why", () => {
    const fargate = weeklyUsageProfile(parse(base({ services: [{ ...API, ephemeralStorageGiB: 50 }] })), catalog, "fargate");
    if ("reason" in fargate) throw new Error(fargate.reason);
    // (50 - 20) GB x 4 tasks x 730 h x $0.000111 = $9.7236 a month
    expect(fargate.ineligible).toEqual([
      { service: "api", component: "storage", label: "Fargate ephemeral storage above 20 GiB (linux)", monthlyUSD: expect.closeTo(30 * 4 * 730 * 0.000111, 9), reason: "Savings Plans do not discount Fargate ephemeral storage" },
    ]);
    const ec2 = weeklyUsageProfile(input, catalog, "ec2");
    if ("reason" in ec2) throw new Error(ec2.reason);
    expect(ec2.ineligible.map((l) => [l.component, l.reason])).toEqual([["ebs", "Savings Plans do not cover EBS volumes"]]);
  });
});

describe("bad environment fields are named in every way in", () => {
  const bad = base({
    environments: [
      { name: "", multiplier: -1, schedule: { kind: "business-hours", timeZone: "Mars/Olympus", startHour: 25, endHour: 8 } },
      { name: "x", schedule: { kind: "weekly", hours: { mon: [[10, 9]] } }, taskProfile: [{ days: ["mon", "mon"], fromHour: 0, toHour: 8.1, tasksFactor: -2 }] },
    ] as never,
  });
  const expected = [
    "environments[0].name",
    "environments[0].multiplier",
    "environments[0].schedule.timeZone",
    "environments[0].schedule.startHour",
    "environments[1].schedule.hours.mon[0]",
    "environments[1].taskProfile[0].days",
    "environments[1].taskProfile[0].toHour",
    "environments[1].taskProfile[0].tasksFactor",
  ];

  it("the API answers 400 with each path", async () => {
    const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(bad), headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { path: string; message: string }[] };
    const paths = errors.map((e) => e.path);
    for (const p of expected) expect(paths).toContain(p);
    expect(errors.find((e) => e.path === "environments[0].schedule.timeZone")!.message).toContain("IANA time zone");
  });

  it("the CLI exits 2 naming them", async () => {
    let stderr = "";
    const code = await main(["-"], { stdout: () => {}, stderr: (t) => void (stderr += t), readStdin: async () => JSON.stringify(bad), cwd: ROOT });
    expect(code).toBe(2);
    for (const p of expected) expect(stderr).toContain(p);
  });
});

describe("reasons name the user's services", () => {
  it("a task too big for Fargate is named by its own index and its environment", () => {
    const r = run(base({ services: [API, { name: "big", vcpu: 32, memoryGiB: 256, tasks: 1 }], environments: [{ name: "prod" }, { name: "dev" }] }));
    expect(option(r, "fargate").available).toBe(false);
    expect(option(r, "fargate").reason).toContain('services[1] "big" in environment "prod" needs 32 vCPU / 256 GiB');
  });
});
