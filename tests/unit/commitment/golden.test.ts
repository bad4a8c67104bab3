/**
 * Savings Plan commitment sizing on the bundled catalog 2026-12-01, us-east-1, computed by hand
 * (docs/billing-rules.md#savings-plan-commitment).
 *
 * Rates (data/catalog/2026-12-01/us-east-1.json): Fargate Linux x86 on-demand $0.04048 per vCPU-hour and
 * $0.004445 per GB-hour (AWS ECS feed 2025-10-27); Compute Savings Plan, No Upfront, 1 year $0.032384 / $0.003556
 * (= 0.80 x on-demand: discount 20%), 3 years $0.022264 / $0.00244475 (= 0.55 x on-demand: discount 45%).
 * One task of 1 vCPU / 2 GB costs 0.04048 + 2 x 0.004445 = $0.04937 an hour on-demand.
 */
import { MessageSet } from "@/lib/engine/messages";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { sizeCommitment, type CommitmentPlan } from "@/lib/commitment";
import { parseEstimateInput, type EstimateInput, type EstimateInputRaw } from "@/lib/schemas/estimate";
import { fargateOption, sizeServices } from "@/lib/engine/fargate";

const catalog = loadRegionCatalog("us-east-1", "2026-12-01");
const MONTH = 730 / 168; // weeks per 730-hour month

function input(raw: Omit<EstimateInputRaw, "version" | "region" | "catalog">): EstimateInput {
  const parsed = parseEstimateInput({ version: 1, region: "us-east-1", catalog: "2026-12-01", ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const plan = (result: ReturnType<typeof sizeCommitment>, term: "1y" | "3y") => result.plans.find((p) => p.term === term) as CommitmentPlan;

/**
 * Business hours: 2 tasks always on ("base", multiplier 1) and 10 more Monday to Friday 08:00-20:00 UTC
 * ("office", multiplier 5 x 2 tasks). 60 busy hours at 12 tasks = 12 x 0.04937 = $0.59244/h on-demand;
 * 108 quiet hours at 2 tasks = $0.09874/h.
 * Weekly on-demand = 60 x 0.59244 + 108 x 0.09874 = 35.5464 + 10.66392 = $46.21032.
 */
const businessHours = input({
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }],
  environments: [
    { name: "base", schedule: { kind: "always" } },
    { name: "office", multiplier: 5, schedule: { kind: "business-hours", timeZone: "UTC", days: ["mon", "tue", "wed", "thu", "fri"], startHour: 8, endHour: 20 } },
  ],
});

describe("commitment sizing, business hours (best commitment below the peak)", () => {
  const result = sizeCommitment(businessHours, catalog);

  it("profiles the week hour by hour", () => {
    expect(result.available).toBe(true);
    const hourly = result.usage.hourlyOnDemandUSD;
    expect(hourly).toHaveLength(168);
    // Monday 07:00 UTC quiet, 08:00 busy, 19:00 busy, 20:00 quiet; Saturday noon quiet.
    expect(hourly[7]).toBeCloseTo(0.09874, 12);
    expect(hourly[8]).toBeCloseTo(0.59244, 12);
    expect(hourly[19]).toBeCloseTo(0.59244, 12);
    expect(hourly[20]).toBeCloseTo(0.09874, 12);
    expect(hourly[5 * 24 + 12]).toBeCloseTo(0.09874, 12);
    expect(hourly.filter((h) => h > 0.5)).toHaveLength(60);
    expect(result.usage.monthlyOnDemandUSD).toBeCloseTo(46.21032 * MONTH, 9);
    expect(result.usage.peakHourlyOnDemandUSD).toBeCloseTo(0.59244, 12);
  });

  it("1 year (20% off): commits the always-on level, $0.07899/h", () => {
    // At plan rates the quiet hours need 0.09874 x 0.8 = $0.078992/h, the busy hours $0.473952/h. A committed dollar
    // pays only if used 0.8 x 168 = 134.4 h a week; usage exceeds the quiet level in only 60 h, so the best exact
    // commitment is $0.078992. AWS takes five decimals; the two around it:
    //   $0.07899: used every hour: 168 x 0.07899 x (1 / 0.8 - 1) = 168 x 0.0197475 = $3.31758 a week;
    //   $0.07900: busy hours 60 x 0.079 x 0.25 = 1.185, quiet hours cover all 0.09874 of on-demand for 0.079:
    //             108 x 0.01974 = 2.13192; $3.31692 a week -> $0.07899 is the better one.
    const p = plan(result, "1y");
    const r = p.recommended!;
    expect(r.commitmentUSDPerHour).toBe(0.07899);
    expect(r.monthlyNetSavingUSD).toBeCloseTo(3.31758 * MONTH, 9); // $14.42
    expect(r.monthlyCommitmentUSD).toBeCloseTo(168 * 0.07899 * MONTH, 9); // $57.66
    // Covered on-demand each hour: 0.07899 / 0.8 = 0.0987375. Spill-over: busy 60 x (0.59244 - 0.0987375) = 29.62215,
    // quiet 108 x (0.09874 - 0.0987375) = 0.00027: $29.62242 a week. Nothing unused.
    expect(r.monthlySpillOverUSD).toBeCloseTo(29.62242 * MONTH, 9);
    expect(r.monthlyUnusedUSD).toBeCloseTo(0, 9);
    expect(r.utilizationPct).toBeCloseTo(100, 9);
    expect(r.coveredPct).toBeCloseTo(((168 * 0.0987375) / 46.21032) * 100, 9);
    expect(r.monthlyCostUSD + r.monthlyNetSavingUSD).toBeCloseTo(46.21032 * MONTH, 9);
    expect(p.breakEven!.hoursPerWeek).toBeCloseTo(134.4, 9);
    expect(p.breakEven!.utilizationPct).toBeCloseTo(80, 9);
    // Covering the peak: 168 x 0.473952 = 79.623936 a week for 46.21032 of usage: -$33.413616 a week.
    expect(p.atPeak!.commitmentUSDPerHour).toBeCloseTo(0.473952, 12);
    expect(p.atPeak!.monthlyNetSavingUSD).toBeCloseTo(-33.413616 * MONTH, 9);
    expect(r.commitmentUSDPerHour).toBeLessThan(p.atPeak!.commitmentUSDPerHour);
    expect(p.why).toContain("above it in only 60");
  });

  it("3 years (45% off): still the always-on level, $0.05431/h", () => {
    // Quiet hours at plan rates: 0.09874 x 0.55 = $0.054307/h. Break-even 0.55 x 168 = 92.4 h > 60 busy hours.
    //   $0.05430: 168 x 0.0543 x 0.45 / 0.55 = $7.463782 a week;
    //   $0.05431: busy 60 x 0.05431 x 0.45 / 0.55 = 2.666127; quiet 108 x (0.09874 - 0.05431) = 4.79844;
    //             $7.464567 a week -> the better one.
    const p = plan(result, "3y");
    expect(p.recommended!.commitmentUSDPerHour).toBe(0.05431);
    expect(p.recommended!.monthlyNetSavingUSD).toBeCloseTo((60 * 0.05431 * (0.45 / 0.55) + 108 * (0.09874 - 0.05431)) * MONTH, 9); // $32.44
    expect(p.breakEven!.hoursPerWeek).toBeCloseTo(92.4, 9);
    expect(p.kinds.map((k) => k.discountPct)).toEqual([45, 45]);
  });

  it("the curve is exact at its breakpoints and peaks at the recommendation", () => {
    const p = plan(result, "1y");
    const xs = p.curve.map((c) => c.commitmentUSDPerHour);
    expect(xs[0]).toBe(0);
    expect(p.curve[0]!.monthlyNetSavingUSD).toBe(0);
    expect(xs).toContain(0.07899);
    expect(Math.max(...xs)).toBeCloseTo(0.473952, 12);
    const best = Math.max(...p.curve.map((c) => c.monthlyNetSavingUSD));
    // The exact optimum $0.078992 saves 168 x 0.078992 x 0.25 = $3.317664 a week; $0.07899 a little less.
    expect(best).toBeCloseTo(3.317664 * MONTH, 9);
  });
});

describe("commitment sizing, long busy days", () => {
  it("commits up to the peak for 3 years when the busy hours beat the break-even, not for 1 year", () => {
    // Busy 06:00-22:00 every day: 112 h a week at 12 tasks, 56 h at 2.
    // 3y: 112 h >= 92.4 h, so the best exact commitment is the busy level 0.59244 x 0.55 = $0.325842; $0.32585 would
    // be above the peak, so $0.32584: busy 112 x 0.32584 x 0.45 / 0.55, quiet 56 x (0.09874 - 0.32584) (a loss).
    // 1y: 112 h < 134.4 h: the quiet level again (0.09874 x 0.8 = 0.078992 -> $0.07899).
    const busy = input({
      services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }],
      environments: [
        { name: "base", schedule: { kind: "always" } },
        { name: "office", multiplier: 5, schedule: { kind: "business-hours", timeZone: "UTC", days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], startHour: 6, endHour: 22 } },
      ],
    });
    const result = sizeCommitment(busy, catalog);
    const three = plan(result, "3y").recommended!;
    expect(three.commitmentUSDPerHour).toBe(0.32584);
    expect(three.monthlyNetSavingUSD).toBeCloseTo((112 * 0.32584 * (0.45 / 0.55) + 56 * (0.09874 - 0.32584)) * MONTH, 9);
    expect(plan(result, "1y").recommended!.commitmentUSDPerHour).toBe(0.07899);
  });
});

describe("commitment sizing without environments", () => {
  it("spreads usage evenly and covers exactly the option's vCPU and memory lines", () => {
    // 3 tasks of 0.5 vCPU / 1 GB continuous + a scheduled job (billed 4 runs x 30.4167 days x 600 s of 2 vCPU / 4 GB).
    const i = input({
      services: [
        { name: "web", vcpu: 0.5, memoryGiB: 1, tasks: 3 },
        { name: "job", vcpu: 2, memoryGiB: 4, tasks: 1, usage: { kind: "scheduled", runsPerDay: 4, secondsPerRun: 600 } },
      ],
    });
    const result = sizeCommitment(i, catalog);
    const option = fargateOption(catalog, sizeServices(i), "on-demand", new MessageSet());
    const compute = option.lines.filter((l) => l.component === "vcpu" || l.component === "memory").reduce((s, l) => s + l.usd, 0);
    expect(result.usage.monthlyOnDemandUSD).toBeCloseTo(compute, 9);
    const hourly = result.usage.hourlyOnDemandUSD;
    expect(Math.max(...hourly) - Math.min(...hourly)).toBeLessThan(1e-12);
    // Flat usage: every dollar is used every hour, so the whole level is committed (down to five decimals).
    const oneYear = plan(result, "1y").recommended!;
    expect(oneYear.commitmentUSDPerHour).toBe(Math.floor(hourly[0]! * 0.8 * 1e5 + 1e-6) / 1e5);
    expect(oneYear.utilizationPct).toBeCloseTo(100, 9);
    expect(result.usage.assumptions.join(" ")).toContain("spread evenly");
  });

  it("leaves out storage and Windows, and says why", () => {
    const i = input({
      services: [
        { name: "web", vcpu: 1, memoryGiB: 2, tasks: 2, ephemeralStorageGiB: 50 },
        { name: "win", vcpu: 1, memoryGiB: 2, tasks: 1, os: "windows" },
      ],
    });
    const result = sizeCommitment(i, catalog);
    const reasons = result.usage.ineligible.map((x) => `${x.label}: ${x.reason}`).join("\n");
    expect(reasons).toMatch(/ephemeral storage.*do not discount/);
    expect(reasons).toMatch(/windows.*no Compute Savings Plan rate for Fargate Windows/i);
    expect(result.usage.kinds.map((k) => k.usageType).sort()).toEqual(["USE1-Fargate-GB-Hours", "USE1-Fargate-vCPU-Hours:perCPU"]);
    // Storage: (50 - 20) GB x 2 tasks x 730 h x $0.000111 = $4.8618 a month.
    expect(result.usage.ineligible.find((x) => /storage/.test(x.label))!.monthlyUSD).toBeCloseTo(30 * 2 * 730 * 0.000111, 9);
  });
});

describe("ECS on EC2", () => {
  const i = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }], ec2: { instanceTypes: ["m7i.large"] } });

  it("is not available where the catalog has no EC2 Savings Plan discount (the bundled snapshots), with the catalog's reason", () => {
    const result = sizeCommitment(i, catalog, "ec2");
    expect(result.available).toBe(false);
    expect(result.reason).toContain("No EC2 Savings Plans rates in the bundled sources");
    expect(result.usage.kinds[0]!.usageType).toBe("BoxUsage:m7i.large");
  });

  it("covers instance-hours, not the gp3 volume, with the catalog's discount", () => {
    const withDiscount = structuredClone(catalog);
    const rate = { usd: 0, unit: "hour", source: catalog.sources[0]!.id, asOf: "2026-09-28", usageType: null, derived: false };
    withDiscount.ec2.savingsPlans = { "savings-plan-1y": { discount: 0.25, rate }, "savings-plan-3y": { discount: 0.5, rate } };
    const result = sizeCommitment(i, withDiscount, "ec2");
    expect(result.available).toBe(true);
    const m7i = catalog.ec2.instanceTypes.find((t) => t.type === "m7i.large")!;
    // 4 tasks of 1 vCPU / 2 GiB on m7i.large (2 vCPU, 8 GiB; awsvpc: 3 ENIs - 1 = 2 tasks each): 2 instances all week.
    expect(result.usage.peakHourlyOnDemandUSD).toBeCloseTo(2 * m7i.onDemandUSD!, 12);
    const p = plan(result, "1y");
    expect(p.recommended!.commitmentUSDPerHour).toBe(Math.floor(2 * m7i.onDemandUSD! * 0.75 * 1e5 + 1e-6) / 1e5);
    expect(result.usage.ineligible.map((x) => x.reason)).toContain("Savings Plans do not cover EBS volumes");
  });
});

describe("time zones and mixed discounts", () => {
  it("reads a schedule in its time zone as of the catalog date (Europe/Berlin on 2026-12-01 is UTC+1)", () => {
    const berlin = input({
      services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }],
      environments: [{ name: "office", schedule: { kind: "business-hours", timeZone: "Europe/Berlin", days: ["mon"], startHour: 8, endHour: 20 } }],
    });
    const hourly = sizeCommitment(berlin, catalog).usage.hourlyOnDemandUSD;
    // 08:00-20:00 CET = 07:00-19:00 UTC on Monday: hours 7..18 at 0.04937, the rest 0.
    expect(hourly.map((h, i) => (h > 0 ? i : -1)).filter((i) => i >= 0)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(hourly[7]).toBeCloseTo(0.04937, 12);
  });

  it("applies a 3-year plan to arm64 (46% off) before x86_64 (45% off)", () => {
    // arm64 on-demand $0.03238 / $0.00356 (2026-12-01), 3-year plan $0.01749 / $0.00192: 1 - 0.01749 / 0.03238 = 45.98%,
    // 1 - 0.00192 / 0.00356 = 46.07%; x86_64 45% for both.
    const mixed = input({
      services: [
        { name: "x86", vcpu: 1, memoryGiB: 2, tasks: 1 },
        { name: "arm", vcpu: 1, memoryGiB: 2, tasks: 1, architecture: "arm64" },
      ],
    });
    const p = plan(sizeCommitment(mixed, catalog), "3y");
    expect(p.kinds.map((k) => [k.usageType, Number(k.discountPct.toFixed(2))])).toEqual([
      ["USE1-Fargate-ARM-GB-Hours", 46.07],
      ["USE1-Fargate-ARM-vCPU-Hours:perCPU", 45.99],
      ["USE1-Fargate-GB-Hours", 45],
      ["USE1-Fargate-vCPU-Hours:perCPU", 45],
    ]);
  });
});
