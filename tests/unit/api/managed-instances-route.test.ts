/**
 * POST /api/estimate prices ECS Managed Instances with no API change: the two golden workloads (hand arithmetic in
 * tests/unit/engine/managed-instances.test.ts) come back with the option, its fee line and its plan.
 */
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { EstimateResultSchema } from "@/lib/schemas/estimate";
import { ENI_BOUND, MEMORY_BOUND, withHeader } from "../engine/managed-instances-fixtures";

const post = (body: unknown) =>
  POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

describe("POST /api/estimate: ECS Managed Instances", () => {
  it("memory-bound: 2 x r6i.large, $183.96 instance + $22.0752 fee + $4.80 volume = $210.8352", async () => {
    const res = await post(withHeader(MEMORY_BOUND));
    expect(res.status).toBe(200);
    const result = EstimateResultSchema.parse(await res.json());
    const mi = result.options.find((o) => o.id === "ecs-managed-instances");
    expect(mi?.monthlyUSD).toBeCloseTo(210.8352, 9);
    expect(mi?.plan?.instances[0]).toMatchObject({ type: "r6i.large", count: 2, boundBy: "memory" });
    const fee = mi?.lines.find((l) => l.usageType === "USE1-ECS-Managed-Instances:r6i.large-management-hours");
    expect(fee?.usd).toBeCloseTo(22.0752, 9);
    expect(fee?.derived).toBe(true);
  });

  it("ENI-bound: 5 x c6i.large, $310.25 + $37.23 fee + $8 volume + $18.25 public IPv4 = $373.73", async () => {
    const res = await post(withHeader(ENI_BOUND));
    expect(res.status).toBe(200);
    const result = EstimateResultSchema.parse(await res.json());
    const mi = result.options.find((o) => o.id === "ecs-managed-instances");
    expect(mi?.monthlyUSD).toBeCloseTo(373.73, 9);
    expect(mi?.plan?.instances[0]).toMatchObject({ type: "c6i.large", count: 5, boundBy: "eni" });
  });

  it("a Windows service: 200, the option unavailable with the reason", async () => {
    const res = await post(withHeader({ services: [{ name: "win", vcpu: 1, memoryGiB: 2, tasks: 1, os: "windows" }] }));
    expect(res.status).toBe(200);
    const result = EstimateResultSchema.parse(await res.json());
    const mi = result.options.find((o) => o.id === "ecs-managed-instances");
    expect(mi).toMatchObject({ available: false, monthlyUSD: null });
    expect(mi?.reason).toContain("runs Linux containers only");
  });
});
