/**
 * sizeCommitment on generated valid inputs (services, scheduled work, environments with every schedule kind and
 * task profiles, both options): it never throws, the numbers are finite, the recommendation never exceeds the
 * busiest hour and never saves less than no commitment, and the hourly profile adds up to the monthly figure.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { sizeCommitment } from "@/lib/commitment";
import { parseEstimateInput } from "@/lib/schemas/estimate";
import { WEEKS_PER_MONTH } from "@/lib/schedule/week";

const catalog = loadRegionCatalog("us-east-1", "2026-12-01");
const days = fc.uniqueArray(fc.constantFrom("mon", "tue", "wed", "thu", "fri", "sat", "sun"), { minLength: 1, maxLength: 7 });
const quarter = fc.integer({ min: 0, max: 96 }).map((q) => q / 4);
const range = fc.tuple(quarter, quarter).filter(([a, b]) => a < b);
const schedule = fc.oneof(
  fc.constant({ kind: "always" }),
  fc.record({ kind: fc.constant("business-hours"), timeZone: fc.constantFrom("UTC", "Europe/Berlin", "Asia/Kathmandu", "America/New_York"), days, startHour: fc.constant(8), endHour: fc.constantFrom(12, 18, 20) }),
  fc.record({ kind: fc.constant("weekly"), timeZone: fc.constantFrom("UTC", "Australia/Adelaide"), hours: fc.record({ mon: fc.array(range, { maxLength: 2 }), sat: fc.array(range, { maxLength: 1 }) }, { requiredKeys: [] }) }),
);
const environment = (i: number) =>
  fc.record({
    name: fc.constant(`env${i}`),
    multiplier: fc.constantFrom(0, 0.5, 1, 3),
    schedule,
    taskProfile: fc.option(fc.array(fc.record({ days, fromHour: fc.constant(0), toHour: fc.constantFrom(6, 24), tasksFactor: fc.constantFrom(0, 0.5, 2) }), { maxLength: 2 }), { nil: null }),
  });
const service = (i: number) =>
  fc.record({
    name: fc.constant(`svc${i}`),
    vcpu: fc.constantFrom(0.25, 0.5, 1, 2, 4),
    memoryGiB: fc.constantFrom(0.5, 1, 2, 8),
    architecture: fc.constantFrom("x86_64", "arm64"),
    os: fc.constantFrom("linux", "linux", "windows"),
    tasks: fc.integer({ min: 0, max: 20 }),
    ephemeralStorageGiB: fc.constantFrom(20, 40),
    usage: fc.oneof(
      fc.record({ kind: fc.constant("continuous"), hoursPerMonth: fc.constantFrom(730, 200) }),
      fc.record({ kind: fc.constant("scheduled"), runsPerDay: fc.constantFrom(1, 24), secondsPerRun: fc.constantFrom(30, 600) }),
    ),
  });
const inputArb = fc
  .record({
    services: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => service(i)))),
    environments: fc.option(fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => environment(i)))), { nil: undefined }),
    option: fc.constantFrom("fargate", "ec2"),
  })
  .map(({ services, environments, option }) => ({
    raw: { version: 1, region: "us-east-1", catalog: "2026-12-01", services, ...(environments ? { environments } : {}), ec2: { instanceTypes: ["m7i.large", "m7g.xlarge", "c7g.large", "r7i.large"] } },
    option: option as "fargate" | "ec2",
  }));

describe("sizeCommitment properties", () => {
  it("holds on generated inputs", () => {
    fc.assert(
      fc.property(inputArb, ({ raw, option }) => {
        const parsed = parseEstimateInput(raw);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const result = sizeCommitment(parsed.value, catalog, option);
        expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity|null,null/);
        if (result.usage.hourlyOnDemandUSD.length > 0) {
          const weekly = result.usage.hourlyOnDemandUSD.reduce((a, b) => a + b, 0);
          expect(weekly * WEEKS_PER_MONTH).toBeCloseTo(result.usage.monthlyOnDemandUSD, 6);
        }
        for (const p of result.plans) {
          if (!p.available) {
            expect(p.reason).toBeTruthy();
            continue;
          }
          const r = p.recommended!;
          expect(r.commitmentUSDPerHour).toBeLessThanOrEqual(p.atPeak!.commitmentUSDPerHour + 1e-12);
          expect(r.monthlyNetSavingUSD).toBeGreaterThanOrEqual(-1e-9);
          expect(r.monthlyNetSavingUSD).toBeGreaterThanOrEqual(p.atPeak!.monthlyNetSavingUSD - 168 * 0.001 * 2 * WEEKS_PER_MONTH);
          expect(r.coveredPct).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });
});
