import { describe, expect, it } from "vitest";
import { handleEstimate } from "@/app/api/estimate/handler";
import { hostileApiBodies, VALID_INPUT } from "../../support/hostile";

function post(body: string | Uint8Array<ArrayBuffer>, contentType = "application/json"): Request {
  return new Request("http://127.0.0.1/api/estimate", { method: "POST", body, headers: { "content-type": contentType } });
}

describe("hostile API bodies against the route handler (issue 6)", () => {
  it("answers 1,000 generated malformed bodies with a 4xx and a listed error, never a 5xx", async () => {
    const counts: Record<number, number> = {};
    for (const { label, body, contentType } of hostileApiBodies(6, 1000)) {
      const res = await handleEstimate(post(body, contentType));
      counts[res.status] = (counts[res.status] ?? 0) + 1;
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
      const payload = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(payload.errors.length, label).toBeGreaterThan(0);
      expect(JSON.stringify(payload), label).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    }
    expect(counts[413]).toBeGreaterThanOrEqual(2);
    expect(counts[400]).toBeGreaterThan(900);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("still computes correct answers afterwards", async () => {
    const res = await handleEstimate(post(JSON.stringify(VALID_INPUT)));
    expect(res.status).toBe(200);
    const result = (await res.json()) as { options: { id: string; monthlyUSD: number }[] };
    const fargate = result.options.find((o) => o.id === "fargate")!;
    // api: 4 tasks x 730 h x (1 x 0.04048 + 2 x 0.004445) = 2920 x 0.04937 = 144.1604
    // worker (arm64, scheduled): 2 tasks x 24 runs x (730/24) days x max(30 s, 60 s minimum) / 3600
    //   = 2 x 24 x 30.41667 x 60 / 3600 = 24.3333 task-hours x (0.5 x 0.03238 + 1 x 0.00356) = 24.3333 x 0.01975 = 0.480583
    // the rest of the bill (catalog 2026-12-01, us-east-1): ALB 730 x 0.0225 = 16.425 + max(10/25, 500/3000, 0.5/1)
    //   = 0.5 LCU x 730 x 0.008 = 2.92; NAT 730 x 0.045 + 100 x 0.045 = 37.35; 1 extra IPv4 x 730 x 0.005 = 3.65;
    //   endpoint 1 x 2 AZ x 730 x 0.01 + 10 x 0.01 = 14.70; egress (300 - 100) x 0.09 = 18; inter-AZ 50 x 2 x 0.01 = 1;
    //   api logs (20 - 5 free) x 0.50 + (20 x 3 - 5 free) x 0.03 = 9.15 (11.80 before the free tier) -> 103.195
    expect(fargate.monthlyUSD).toBeCloseTo(144.1604 + 0.4805833 + 103.195, 4);
  });

  it("the 2026-11-30 fields: every problem is a 400 naming the field", async () => {
    const bad = {
      ...VALID_INPUT,
      services: [{ ...VALID_INPUT.services[0], interruptible: "yes", logs: { ingestedGBPerMonth: -1, class: "archive", retentionMonths: 1e9 } }],
      network: { loadBalancers: [{ name: "", type: "clb", count: 1.5 }], natGateways: { count: -2 }, publicIpv4: { fargateTasks: 1 }, dataTransferOutGBPerMonth: "300", unknown: true },
      ec2: { purchase: "reserved-5y" },
    };
    const res = await handleEstimate(post(JSON.stringify(bad)));
    expect(res.status).toBe(400);
    const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    for (const p of [
      "services[0].interruptible",
      "services[0].logs.ingestedGBPerMonth",
      "services[0].logs.class",
      "services[0].logs.retentionMonths",
      "network.loadBalancers[0].name",
      "network.loadBalancers[0].type",
      "network.loadBalancers[0].count",
      "network.natGateways.count",
      "network.publicIpv4.fargateTasks",
      "network.dataTransferOutGBPerMonth",
      "network",
      "ec2.purchase",
    ]) {
      expect(paths, p).toContain(p);
    }
  });

  it("the EKS fields: every problem is a 400 naming the field", async () => {
    const bad = {
      ...VALID_INPUT,
      orchestrator: "kubernetes",
      eks: { clusters: -1, support: "lts", daemonSetReserve: { vcpu: "0.1", memoryGiB: -2 }, prefixDelegation: "yes", nodeVolumeGiB: 0, extra: 1 },
      services: [
        { ...VALID_INPUT.services[0], containers: [{ name: "", vcpu: -1, memoryGiB: 1e9, init: "no" }, { name: "b", cpu: 1 }] },
        { ...VALID_INPUT.services[1], containers: [] },
      ],
    };
    const res = await handleEstimate(post(JSON.stringify(bad)));
    expect(res.status).toBe(400);
    const errors = ((await res.json()) as { errors: { path: string; message: string }[] }).errors;
    const paths = errors.map((e) => e.path);
    for (const p of [
      "orchestrator",
      "eks.clusters",
      "eks.support",
      "eks.daemonSetReserve.vcpu",
      "eks.daemonSetReserve.memoryGiB",
      "eks.prefixDelegation",
      "eks.nodeVolumeGiB",
      "eks",
      "services[0].containers[0].name",
      "services[0].containers[0].vcpu",
      "services[0].containers[0].memoryGiB",
      "services[0].containers[0].init",
      "services[0].containers[1]",
      "services[1].containers",
    ]) {
      expect(paths, p).toContain(p);
    }
    expect(errors.find((e) => e.path === "services[1].containers")?.message).toBe("must list at least one container");
  });
});
