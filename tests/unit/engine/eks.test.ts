/**
 * EKS (docs/billing-rules.md#eks): pod sizes on Fargate, the cluster fee and managed node groups, computed by hand
 * from the bundled snapshot 2026-12-01's us-east-1 rates: Fargate Linux x86 $0.04048 per vCPU-hour and $0.004445
 * per GB-hour (AWS ECS feed 2025-10-27), EKS $0.10 / $0.60 per cluster-hour (EKS pricing page), m5.large $0.096/h
 * On-Demand with allocatable 1930m / 6903Mi and 29 max pods, gp3 $0.08 per GB-month.
 */
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate, estimateRaw } from "@/lib/engine/estimate";
import { eksNodeCapacity, fargatePodSize, podRequests, prefixDelegationMaxPods } from "@/lib/engine/eks-pods";
import { EstimateResultSchema, parseEstimateInput, type EstimateInputRaw, type EstimateOption, type EstimateResult } from "@/lib/schemas/estimate";

const catalog = loadRegionCatalog("us-east-1", "2026-12-01");

function run(raw: Omit<EstimateInputRaw, "version" | "region">): EstimateResult {
  const parsed = parseEstimateInput({ version: 1, region: "us-east-1", catalog: "2026-12-01", ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = estimate(parsed.value, catalog);
  expect(EstimateResultSchema.safeParse(result).success).toBe(true);
  return result;
}
function option(result: EstimateResult, id: string): EstimateOption {
  const o = result.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}; have ${result.options.map((x) => x.id).join(", ")}`);
  return o;
}

describe("EKS pod requests and Fargate pod sizes", () => {
  it("without containers the service's vCPU / memory are the requests; + 256 MiB, then the smallest valid size", () => {
    // AWS's example: 0.25 vCPU / 768 MiB + 256 MiB = 0.25 vCPU / 1 GB, a valid size.
    const pod = fargatePodSize({ vcpu: 0.25, memoryGiB: 0.75 });
    expect(pod.requests).toMatchObject({ vcpu: 0.25, memoryGiB: 0.75, from: "service" });
    expect(pod.needed).toEqual({ vcpu: 0.25, memoryGiB: 1 });
    expect(pod.size).toEqual({ vcpu: 0.25, memoryGiB: 1 });
    // 1 vCPU / 2 GiB + 0.25 = 2.25 GiB -> 1 vCPU / 3 GB (the 256 MiB pushes it one step up).
    expect(fargatePodSize({ vcpu: 1, memoryGiB: 2 }).size).toEqual({ vcpu: 1, memoryGiB: 3 });
  });

  it("an init container and sidecars: per dimension the larger of the largest init container and the sum of the others", () => {
    const containers = [
      { name: "migrate", vcpu: 1, memoryGiB: 0.5, init: true },
      { name: "warm-cache", vcpu: 0.25, memoryGiB: 3, init: true },
      { name: "app", vcpu: 0.5, memoryGiB: 1.5, init: false },
      { name: "envoy", vcpu: 0.25, memoryGiB: 0.25, init: false },
    ];
    // vCPU: max(init 1, 0.25) = 1 vs 0.5 + 0.25 = 0.75 -> 1 (init); memory: init max 3 vs 1.75 -> 3 (init).
    const r = podRequests({ vcpu: 9, memoryGiB: 9, containers });
    expect(r).toEqual({ vcpu: 1, memoryGiB: 3, from: "containers", vcpuFrom: "init", memoryFrom: "init" });
    // 1 vCPU / 3.25 GiB -> 1 vCPU / 4 GB.
    expect(fargatePodSize({ vcpu: 9, memoryGiB: 9, containers }).size).toEqual({ vcpu: 1, memoryGiB: 4 });
  });

  it("no requests at all -> 0.25 vCPU / 0.5 GB (AWS's default); too big -> no size", () => {
    expect(fargatePodSize({ vcpu: 1, memoryGiB: 1, containers: [{ name: "a", vcpu: 0, memoryGiB: 0, init: false }] }).size).toEqual({ vcpu: 0.25, memoryGiB: 0.5 });
    // 16 vCPU / 120 GiB + 0.25 GiB fits no Fargate size.
    expect(fargatePodSize({ vcpu: 16, memoryGiB: 120 }).size).toBeNull();
  });
});

describe("EKS on Fargate and the cluster fee (bundled 2026-12-01, us-east-1)", () => {
  it("AWS's EKS example: 10 pods of 0.25 vCPU / 768 MiB, 1 h a day for 30 days = $4.37 (no cluster fee)", () => {
    const result = run({
      orchestrator: "eks",
      eks: { clusters: 0 },
      services: [{ name: "pods", vcpu: 0.25, memoryGiB: 0.75, tasks: 10, usage: { kind: "scheduled", runsPerDay: 1, secondsPerRun: 3600, daysPerMonth: 30 } }],
    });
    const fargate = option(result, "fargate");
    expect(fargate.label).toBe("EKS on Fargate (pods)");
    // 10 pods x 30 runs x 1 h = 300 pod-hours; vCPU 0.25 x 300 x 0.04048 = 3.036; memory 1 x 300 x 0.004445 = 1.3335.
    expect(fargate.lines.find((l) => l.component === "vcpu")?.usd).toBeCloseTo(3.036, 9);
    expect(fargate.lines.find((l) => l.component === "memory")?.usd).toBeCloseTo(1.3335, 9);
    expect(fargate.monthlyUSD).toBeCloseTo(4.3695, 9); // shown as $4.37
    expect(fargate.services[0]).toMatchObject({ vcpu: 0.25, memoryGiB: 1, requested: { vcpu: 0.25, memoryGiB: 0.75 }, roundingLossUSD: 0 });
    expect(fargate.services[0]?.note).toContain("pod requests 0.25 vCPU / 0.75 GiB + 0.25 GiB Kubernetes components");
    expect(fargate.lines.some((l) => l.category === "control-plane")).toBe(false);
  });

  it("a pod set with an init container and sidecars, plus the standard cluster fee in every option", () => {
    const result = run({
      orchestrator: "eks",
      eks: { clusters: 1 },
      services: [
        {
          name: "web",
          vcpu: 1,
          memoryGiB: 2,
          tasks: 6,
          containers: [
            { name: "migrate", vcpu: 1, memoryGiB: 0.5, init: true },
            { name: "app", vcpu: 0.5, memoryGiB: 1.5 },
            { name: "envoy", vcpu: 0.25, memoryGiB: 0.25 },
            { name: "log-router", vcpu: 0.125, memoryGiB: 0.125 },
          ],
        },
        { name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 4 },
      ],
    });
    const fargate = option(result, "fargate");
    const [web, worker] = fargate.services;
    // web: vCPU max(init 1, 0.5 + 0.25 + 0.125 = 0.875) = 1; memory max(0.5, 1.875) = 1.875 + 0.25 = 2.125 -> 1 vCPU / 3 GB.
    expect(web).toMatchObject({ vcpu: 1, memoryGiB: 3, requested: { vcpu: 1, memoryGiB: 1.875 } });
    // 6 pods x 730 h = 4380 h: 1 x 4380 x 0.04048 = 177.3024; 3 x 4380 x 0.004445 = 58.4073; = 235.7097.
    expect(web?.monthlyUSD).toBeCloseTo(235.7097, 9);
    // Rounding loss: only the snap above 2.125 GiB: 0.875 GiB x 4380 h x 0.004445 = 17.0354625 (the 256 MiB is not a loss).
    expect(web?.roundingLossUSD).toBeCloseTo(17.0354625, 9);
    expect(web?.note).toContain("1 vCPU (the largest init container) / 1.875 GiB (the sum of the long-running containers)");
    // worker: 0.5 / 1 + 0.25 = 1.25 GiB -> 0.5 vCPU / 2 GB; 2920 h: 0.5 x 2920 x 0.04048 = 59.1008; 2 x 2920 x 0.004445 = 25.9588.
    expect(worker).toMatchObject({ vcpu: 0.5, memoryGiB: 2 });
    expect(worker?.monthlyUSD).toBeCloseTo(85.0596, 9);
    // Cluster fee: 1 x 730 h x $0.10 = $73, one shared line.
    const fee = fargate.lines.filter((l) => l.category === "control-plane");
    expect(fee).toHaveLength(1);
    expect(fee[0]).toMatchObject({ usd: 73, quantity: 730, unit: "cluster-hours", usageType: "USE1-AmazonEKS-Hours:perCluster", shared: true, asOf: "2026-11-30" });
    // 235.7097 + 85.0596 + 73 = 393.7693
    expect(fargate.monthlyUSD).toBeCloseTo(393.7693, 9);
    // The same fee line in every available option.
    for (const o of result.options.filter((x) => x.available)) expect(o.lines.filter((l) => l.category === "control-plane").map((l) => l.usd)).toEqual([73]);
    // No Fargate Spot on EKS, no capacity-provider mix.
    expect(option(result, "fargate-spot")).toMatchObject({ available: false, reason: "EKS pods on Fargate cannot use Fargate Spot: FARGATE_SPOT is an ECS capacity provider only" });
    expect(result.options.map((o) => o.id)).not.toContain("fargate-mix");
  });

  it("extended support: 2 clusters x 730 h x $0.60 = $876", () => {
    const result = run({ orchestrator: "eks", eks: { clusters: 2, support: "extended" }, services: [{ name: "a", vcpu: 0.25, memoryGiB: 0.5, tasks: 0 }] });
    const fee = option(result, "fargate").lines.find((l) => l.category === "control-plane");
    expect(fee).toMatchObject({ usd: 876, quantity: 1460, rateUSD: 0.6, label: "EKS control plane (extended support)" });
  });

  it("arm64 or Windows services: EKS Fargate unavailable with the reason, not a field error", () => {
    const result = run({ orchestrator: "eks", services: [{ name: "g", vcpu: 1, memoryGiB: 2, tasks: 1, architecture: "arm64" }] });
    expect(option(result, "fargate")).toMatchObject({ available: false });
    expect(option(result, "fargate").reason).toContain("EKS pods on Fargate run Linux on x86_64 only");
  });

  it("a catalog without EKS rates (2026-11-26): every option says why, unless clusters is 0", () => {
    const old = loadRegionCatalog("us-east-1", "2026-11-26");
    const raw = { version: 1, region: "us-east-1", orchestrator: "eks", services: [{ name: "a", vcpu: 0.25, memoryGiB: 0.75, tasks: 1 }] };
    const out = estimateRaw(raw, old);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(option(out.result, "fargate").reason).toContain("price catalog 2026-11-26 has no EKS rates");
    const noFee = estimateRaw({ ...raw, eks: { clusters: 0 } }, old);
    expect(noFee.ok && option(noFee.result, "fargate").available).toBe(true);
  });

  it("an input without orchestrator prices exactly as before (ECS)", () => {
    const services = [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 2, containers: [{ name: "x", vcpu: 4, memoryGiB: 8 }] }];
    const ecs = run({ services });
    expect(option(ecs, "fargate").label).toBe("Fargate (on-demand)");
    // ECS ignores containers: 1 vCPU / 2 GiB x 2 x 730 = 59.1008 + 12.9794.
    expect(option(ecs, "fargate").monthlyUSD).toBeCloseTo(72.0802, 9);
    expect(ecs.options.some((o) => o.lines.some((l) => l.category === "control-plane"))).toBe(false);
  });
});

describe("EKS managed node groups (bundled 2026-12-01, us-east-1)", () => {
  const m5 = catalog.ec2.instanceTypes.find((t) => t.type === "m5.large");
  it("node capacity: allocatable minus the DaemonSet reserve; max pods minus aws-node and kube-proxy", () => {
    // 1930m - 100m = 1830m = 1873.92 CPU units; 6903 - 256 = 6647 MiB; 29 - 2 = 27 pods.
    const c = eksNodeCapacity(m5!, { vcpu: 0.1, memoryGiB: 0.25 }, false);
    expect(c?.cpuUnits).toBeCloseTo(1873.92, 9);
    expect(c).toMatchObject({ memMiB: 6647, maxPods: 27, kubeletMaxPods: 29 });
    // Prefix delegation: min(110, 3 x 9 x 16 + 2 = 434) = 110; kube-reserved + 11 x (110 - 29) = 891 MiB.
    expect(prefixDelegationMaxPods(m5!)).toBe(110);
    expect(eksNodeCapacity(m5!, { vcpu: 0, memoryGiB: 0 }, true)).toMatchObject({ memMiB: 6903 - 891, maxPods: 108, kubeletMaxPods: 110 });
  });

  it("max pods as the binding limit: 100 small pods on m5.large need 4 nodes", () => {
    const result = run({
      orchestrator: "eks",
      eks: { clusters: 1, daemonSetReserve: { vcpu: 0.1, memoryGiB: 0.25 } },
      ec2: { instanceTypes: ["m5.large"] },
      // 50m / 0.1 GiB pods: below the service minimum of 0.125 vCPU, so given as the pod's container (containers decide on EKS).
      services: [{ name: "tiny", vcpu: 0.125, memoryGiB: 0.125, tasks: 100, containers: [{ name: "app", vcpu: 0.05, memoryGiB: 0.1 }] }],
    });
    const ng = option(result, "ec2");
    expect(ng.label).toBe("EKS managed node group (on-demand)");
    // Per node: CPU 1873.92 / 51.2 = 36.6 -> 36; memory 6647 / 102.4 = 64.9 -> 64; pods 27 -> max-pods-bound.
    expect(ng.plan?.instances[0]).toMatchObject({ type: "m5.large", count: 4, tasksPerInstance: { tiny: 27 }, boundBy: "max-pods" });
    expect(ng.plan?.why).toContain("max-pods-bound: m5.large holds 27 pods of tiny");
    // ceil(100 / 27) = 4 nodes x 730 h x $0.096 = 280.32; gp3 20 GiB x 4 nodes x $0.08 = 6.40; fee 73.
    const instance = ng.lines.find((l) => l.component === "instance");
    expect(instance?.usd).toBeCloseTo(280.32, 9);
    expect(ng.lines.find((l) => l.component === "ebs")?.usd).toBeCloseTo(6.4, 9);
    expect(ng.monthlyUSD).toBeCloseTo(280.32 + 6.4 + 73, 9);
  });

  it("prefix delegation lifts the pod limit: the same pods become CPU-bound, 3 nodes", () => {
    const result = run({
      orchestrator: "eks",
      eks: { clusters: 0, prefixDelegation: true },
      ec2: { instanceTypes: ["m5.large"] },
      // 50m / 0.1 GiB pods: below the service minimum of 0.125 vCPU, so given as the pod's container (containers decide on EKS).
      services: [{ name: "tiny", vcpu: 0.125, memoryGiB: 0.125, tasks: 100, containers: [{ name: "app", vcpu: 0.05, memoryGiB: 0.1 }] }],
    });
    const ng = option(result, "ec2");
    // CPU 1976.32 / 51.2 = 38.6 -> 38 pods per node (memory 6012 / 102.4 = 58, pods 108): ceil(100 / 38) = 3 nodes.
    expect(ng.plan?.instances[0]).toMatchObject({ count: 3, tasksPerInstance: { tiny: 38 }, boundBy: "cpu" });
    // 3 x 730 x 0.096 = 210.24 + gp3 3 x 20 x 0.08 = 4.80.
    expect(ng.monthlyUSD).toBeCloseTo(215.04, 9);
  });

  it("pods on nodes reserve their requests: no +256 MiB and no snapping to Fargate sizes", () => {
    const result = run({
      orchestrator: "eks",
      eks: { clusters: 0 },
      ec2: { instanceTypes: ["m5.large"] },
      // 0.9 vCPU / 3 GiB pods: CPU 1976.32 / 921.6 = 2.14 -> 2 per node; memory 6903 / 3072 = 2.2 -> 2.
      services: [{ name: "api", vcpu: 0.9, memoryGiB: 3, tasks: 4 }],
    });
    const ng = option(result, "ec2");
    expect(ng.plan?.instances[0]).toMatchObject({ count: 2, tasksPerInstance: { api: 2 } });
    expect(ng.services[0]).toMatchObject({ vcpu: 0.9, memoryGiB: 3, requested: { vcpu: 0.9, memoryGiB: 3 } });
  });
});

describe("EKS and the rest of the bill", () => {
  it("pods on Fargate get no public IPv4 (private subnets only); nodes do when ec2Instances is set", () => {
    const result = run({
      orchestrator: "eks",
      eks: { clusters: 0 },
      ec2: { instanceTypes: ["m5.large"] },
      network: { publicIpv4: { fargateTasks: true, ec2Instances: true } },
      services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }],
    });
    expect(option(result, "fargate").lines.some((l) => l.category === "public-ipv4")).toBe(false);
    expect(result.warnings.some((w) => w.startsWith("network.publicIpv4.fargateTasks is ignored on EKS"))).toBe(true);
    // Node group: 1 vCPU / 2 GiB pods, m5.large holds 1 (1930m / 1000m); 2 nodes x 730 h = 1460 address-hours x $0.005 = $7.30.
    const ip = option(result, "ec2").lines.find((l) => l.category === "public-ipv4");
    expect(ip?.quantity).toBe(1460);
    expect(ip?.usd).toBeCloseTo(7.3, 9);
  });
});
