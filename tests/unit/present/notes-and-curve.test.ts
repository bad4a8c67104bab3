import { describe, expect, it } from "vitest";
import { costCurve } from "@/lib/engine/curve";
import { estimate } from "@/lib/engine/estimate";
import { billedSizeNote, crossoverChartData, curveMaxTasks, presentComparison } from "@/lib/present";
import { fixtureCatalog, input } from "../engine/fixtures";

const catalog = fixtureCatalog();

describe("billed-size note", () => {
  it("says what Fargate bills and what the snapping costs", () => {
    const result = estimate(input({ services: [{ name: "api", vcpu: 0.3, memoryGiB: 1.5, tasks: 1 }, { name: "web", vcpu: 1, memoryGiB: 2, tasks: 1 }] }), catalog);
    // Snapped to 0.5 vCPU / 2 GiB: 730 h x (0.2 vCPU x 0.04048 + 0.5 GiB x 0.004445) = 730 x 0.0103185 = 7.532505 -> $7.53.
    expect(billedSizeNote(result, 0)).toEqual({
      text: "Billed as 0.5 vCPU / 2 GiB on Fargate (requested 0.3 vCPU / 1.5 GiB; $7.53/month for the unused difference)",
      loss: true,
    });
    expect(billedSizeNote(result, 1)).toBeNull(); // 1 vCPU / 2 GiB is a valid size
  });
});

describe("crossover chart data", () => {
  it("uses the crossover point costCurve returns, placed among the samples", () => {
    // 30 tasks -> the chart runs to 60 tasks in 21 samples (0, 3, 6, ...). Bridge mode, 2 instances minimum: the
    // cheapest fleet holds 4 tasks per m6i.xlarge, 2 x (730 x 0.192 + 30 x 0.08) = 285.12 up to 8 tasks, while
    // Fargate costs 36.0401 per task: EC2 first wins at 8 tasks (288.3208), between two samples, so the chart adds
    // that point. (T types no longer win here: their CPU surplus credits are priced.)
    const inp = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 30 }], ec2: { minInstances: 2, networkMode: "bridge" } });
    const data = crossoverChartData(inp, catalog, 0);
    const curve = costCurve(inp, catalog, { serviceIndex: 0, maxTasks: curveMaxTasks(30), points: 21 });
    expect(curveMaxTasks(30)).toBe(60);
    expect(curveMaxTasks(3)).toBe(20); // at least 0..20 tasks
    expect(curve.crossoverTasks).toBe(8);
    expect(curve.points.some((p) => p.tasks === 8)).toBe(false);
    expect(data?.crossover?.tasks).toBe(8);
    expect(data?.points).toHaveLength(curve.points.length + 1);
    if (data?.crossover) {
      const at = data.points.find((p) => p.tasks === data.crossover!.tasks);
      expect(at).toEqual(curve.crossoverPoint);
      // The point is a full estimate at that task count.
      const full = estimate({ ...inp, services: [{ ...inp.services[0]!, tasks: data.crossover.tasks }] }, catalog);
      expect(at?.ec2).toBe(full.options.find((o) => o.id === "ec2")?.monthlyUSD);
    }
    expect(data?.points.map((p) => p.tasks)).toEqual([...(data?.points.map((p) => p.tasks) ?? [])].sort((a, b) => a - b));
    expect(crossoverChartData({ ...inp, region: "eu-west-1" }, catalog, 0)).toBeNull();
  });
});

describe("right-sizing comparison in cents", () => {
  it("shows the saving as the difference of the two displayed amounts", () => {
    // 10.004 -> $10.00 and 7.496 -> $7.50: saving shown $2.50 (not the exact 2.508 -> $2.51).
    const p = presentComparison({ id: "fargate", label: "Fargate", currentUSD: 10.004, recommendedUSD: 7.496, savingsUSD: 2.508, reason: null, currentPlan: null, recommendedPlan: null });
    expect(p).toMatchObject({ currentCents: 1000, recommendedCents: 750, savingsCents: 250 });
  });
});
