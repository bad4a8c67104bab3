/**
 * Interruption tolerance (docs/billing-rules.md#recommendation): Spot options are priced and shown for every
 * service, but the recommendation only puts services marked `interruptible` on Spot. Hand-computed from the
 * fixture catalog (us-east-1 rates): Fargate 1 vCPU / 2 GB = 730 x (0.04048 + 2 x 0.004445) = 36.0401 per task;
 * Fargate Spot = 730 x (0.01288561 + 2 x 0.00141493) = 11.4722931 per task.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/engine";
import { fixtureCatalog, input } from "./fixtures";

const catalog = fixtureCatalog();
const ec2 = { instanceTypes: ["m5.large"], networkMode: "bridge" as const };

describe("interruptible", () => {
  it("absent everywhere: the recommendation is never a Spot option, and says what Spot would save", () => {
    const r = estimate(input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }], ec2 }), catalog);
    // Fargate Spot is still priced: 4 x 11.4722931 = 45.8891724
    expect(r.options.find((o) => o.id === "fargate-spot")?.monthlyUSD).toBeCloseTo(45.8891724, 9);
    // Fargate 4 x 36.0401 = 144.1604 beats 2 x m5.large (2 tasks each in bridge mode) = 2 x 0.096 x 730 + 2 x 30 GB x 0.08 = 145.02
    expect(r.recommendation?.optionId).toBe("fargate");
    expect(r.recommendation?.monthlyUSD).toBeCloseTo(144.1604, 9);
    // 144.1604 - 45.8891724 = 98.2712276 -> $98.27
    expect(r.recommendation?.why).toContain("marking every service interruptible would allow Fargate Spot at $45.89/month, $98.27/month less");
  });

  it("true on one service: only that service's tasks go to Spot in the recommended plan", () => {
    const r = estimate(
      input({
        services: [
          { name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 },
          { name: "worker", vcpu: 1, memoryGiB: 2, tasks: 3, interruptible: true },
        ],
        ec2,
      }),
      catalog,
    );
    // api 2 x 36.0401 = 72.0802 on FARGATE + worker 3 x 11.4722931 = 34.4168793 on FARGATE_SPOT = 106.4970793
    expect(r.recommendation?.optionId).toBe("fargate-spot-interruptible");
    expect(r.recommendation?.monthlyUSD).toBeCloseTo(106.4970793, 9);
    const chosen = r.options.find((o) => o.id === "fargate-spot-interruptible")!;
    const spotLines = chosen.lines.filter((l) => l.usageType?.includes("SpotUsage"));
    expect(new Set(spotLines.map((l) => l.service))).toEqual(new Set(["worker"]));
    expect(chosen.lines.filter((l) => l.service === "api").every((l) => !l.usageType?.includes("SpotUsage"))).toBe(true);
    // all on Spot (5 x 11.4722931 = 57.3614655) is shown but needs api marked too: 106.4970793 - 57.3614655 = 49.1356138
    expect(r.recommendation?.why).toContain("marking api interruptible would allow Fargate Spot at $57.36/month, $49.14/month less");
    expect(r.recommendation?.why).toContain("(worker marked interruptible)");
  });

  it("true everywhere: Fargate Spot may be recommended", () => {
    const r = estimate(input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4, interruptible: true }], ec2 }), catalog);
    expect(r.recommendation?.optionId).toBe("fargate-spot");
    expect(r.recommendation?.savingsUSD).toBeCloseTo(98.2712276, 8);
    expect(r.options.some((o) => o.id === "fargate-spot-interruptible")).toBe(false);
  });

  it("property: a service not marked interruptible is never on Spot in the recommended option", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tasks: fc.integer({ min: 0, max: 20 }), interruptible: fc.boolean(), spot: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom("on-demand", "spot"),
        (svcs, purchase) => {
          const r = estimate(
            input({
              services: svcs.map((s, i) => ({
                name: `s${i}`,
                vcpu: 0.5,
                memoryGiB: 1,
                tasks: s.tasks,
                interruptible: s.interruptible,
                ...(s.spot > 0 ? { fargateCapacityProviders: { base: 0, fargateWeight: 1, spotWeight: s.spot } } : {}),
              })),
              ec2: { ...ec2, purchase: purchase as "on-demand" | "spot" },
            }),
            catalog,
          );
          const rec = r.options.find((o) => o.id === r.recommendation?.optionId);
          if (!rec) return true;
          const onSpot = rec.lines.filter((l) => l.usageType?.includes("SpotUsage") || l.label?.includes("Spot")).map((l) => l.service);
          for (const name of onSpot) {
            const svc = svcs[Number(name.slice(1))];
            if (svc) expect(svc.interruptible, `${rec.id} puts ${name} on Spot`).toBe(true);
            else expect(rec.id).not.toBe("ec2"); // fleet lines: EC2 Spot is only recommended when every service is interruptible
          }
          if (rec.id === "ec2" && purchase === "spot") expect(svcs.filter((s) => s.tasks > 0).every((s) => s.interruptible)).toBe(true);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
