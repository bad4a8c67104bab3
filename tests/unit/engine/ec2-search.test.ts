/**
 * The EC2 search (with its pruning) against an independent brute force over every us-east-1 type of the bundled
 * catalog, for one continuous service: cost = max(min, ceil(ceil(n / perInstance) x 100 / target)) x
 * (hourly + root GiB x gp3 / 730) x 730, perInstance = min(floor(vCPU x 1024 / cpu), floor(floor(MiB x
 * 7985/8192) / mem), ENI limit). Burstable types add their worst-case surplus credits: per instance
 * max(0, tasks on it x task vCPU / instance vCPU - baseline) x instance vCPU x 730 h x $0.05 (t2, t3, t3a) or
 * $0.04 (t4g), baselines per vCPU from the AWS burstable table (nano 5%, micro 10%, small 20%, medium 20%,
 * large 30%, xlarge 40%, 2xlarge 40%; t2.xlarge 22.5%, t2.2xlarge 17%).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { isUnavailable } from "@/lib/catalog/schema";
import { estimate } from "@/lib/engine/estimate";
import { EstimateInputSchema } from "@/lib/schemas/estimate";

const catalog = loadRegionCatalog("us-east-1", "2026-11-26");

const T3_BASELINE: Record<string, number> = { nano: 0.05, micro: 0.1, small: 0.2, medium: 0.2, large: 0.3, xlarge: 0.4, "2xlarge": 0.4 };
const BASELINE: Record<string, Record<string, number>> = { t3: T3_BASELINE, t3a: T3_BASELINE, t4g: T3_BASELINE, t2: { ...T3_BASELINE, xlarge: 0.225, "2xlarge": 0.17 } };
const CREDIT: Record<string, number> = { t2: 0.05, t3: 0.05, t3a: 0.05, t4g: 0.04 };

describe("EC2 search over the whole bundled us-east-1 catalog", () => {
  it("finds the same minimum cost as a brute force over every type", () => {
    const gp3 = catalog.ec2.gp3GbMonth;
    if (isUnavailable(gp3)) throw new Error("fixture expects a gp3 price");
    fc.assert(
      fc.property(
        fc.record({
          vcpu: fc.constantFrom(0.25, 0.5, 1, 2, 3, 4, 8, 16, 48),
          memoryGiB: fc.constantFrom(0.5, 1, 2, 4, 7, 16, 30, 64, 200),
          architecture: fc.constantFrom("x86_64" as const, "arm64" as const),
          tasks: fc.integer({ min: 1, max: 60 }),
          purchase: fc.constantFrom("on-demand" as const, "spot" as const),
          target: fc.integer({ min: 10, max: 100 }),
          min: fc.integer({ min: 0, max: 3 }),
          networkMode: fc.constantFrom("awsvpc" as const, "bridge" as const),
          trunk: fc.boolean(),
          root: fc.constantFrom(0, 30, 100),
        }),
        (c) => {
          const input = EstimateInputSchema.parse({
            version: 1,
            region: "us-east-1",
            services: [{ name: "s", vcpu: c.vcpu, memoryGiB: c.memoryGiB, architecture: c.architecture, tasks: c.tasks }],
            ec2: { purchase: c.purchase, targetUtilizationPct: c.target, minInstances: c.min, networkMode: c.networkMode, eniTrunking: c.trunk, rootVolumeGiB: c.root },
          });
          let best = Infinity;
          for (const t of catalog.ec2.instanceTypes) {
            if (t.architecture !== c.architecture || !t.currentGeneration) continue;
            const hourly = c.purchase === "spot" ? t.spotAvgUSD : t.onDemandUSD;
            if (hourly === null) continue;
            let eni = Infinity;
            if (c.networkMode === "awsvpc") {
              if (c.trunk && t.trunking === "supported" && t.ecsTrunkTasks) eni = t.ecsTrunkTasks;
              else if (t.maxEnis === null) continue;
              else eni = t.maxEnis - 1;
            }
            const per = Math.min(Math.floor((t.vcpu * 1024) / (c.vcpu * 1024)), Math.floor(Math.floor((t.memoryMiB * 7985) / 8192) / (c.memoryGiB * 1024)), eni);
            if (per < 1) continue;
            const needed = Math.ceil(c.tasks / per);
            const count = Math.max(c.min, Math.ceil((needed * 100) / c.target - 1e-9));
            let surplus = 0;
            if (t.burstable) {
              const [family = "", size = ""] = t.type.split(".");
              const baseline = BASELINE[family]?.[size];
              const credit = CREDIT[family];
              if (baseline === undefined || credit === undefined) continue;
              const full = Math.floor(c.tasks / per);
              const rest = c.tasks - full * per;
              const over = (k: number) => Math.max(0, (k * c.vcpu) / t.vcpu - baseline);
              surplus = (full * over(per) + (rest > 0 ? over(rest) : 0)) * t.vcpu * 730 * credit;
            }
            best = Math.min(best, count * (hourly + (c.root * gp3.usd) / 730) * 730 + surplus);
          }
          const ec2 = estimate(input, catalog).options.find((o) => o.id === "ec2");
          if (best === Infinity) {
            expect(ec2?.available).toBe(false);
          } else {
            expect(ec2?.available).toBe(true);
            expect(ec2?.monthlyUSD).toBeCloseTo(best, 6);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
