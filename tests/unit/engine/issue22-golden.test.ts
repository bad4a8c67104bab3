/**
 * Golden cases of issue 22, by hand from the us-east-1 rates of catalog 2026-12-01 (docs/billing-rules.md):
 * Fargate x86 $0.04048 per vCPU-hour, $0.004445 per GB-hour, ephemeral storage $0.000111 per GB-hour; gp3 $0.08 per
 * GB-month (730 h); public IPv4 $0.005 per address-hour; EC2 On-Demand r6i.large $0.126, c6i.xlarge $0.17,
 * m6i.large $0.096 per hour; Reserved 3 years No Upfront m6i.large $0.04355, c6i.xlarge $0.07484 per hour;
 * EKS Auto Mode fee derived as 12% of On-Demand. Each case runs through the engine, POST /api/estimate and the CLI
 * (and the Kubernetes import where the issue asks for it).
 */
import { renderMessage } from "@/lib/messages/english";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { POST as importK8s } from "@/app/api/import/k8s/route";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { ecsFleetDemands, ecsInstanceCapacity } from "@/lib/engine/ec2";
import { builtInNodePoolType } from "@/lib/engine/eks-auto-mode";
import { searchFleet } from "@/lib/engine/fleet";
import { importKubernetesManifests } from "@/lib/import/k8s";
import { EstimateResultSchema, parseEstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";
import { runCli } from "../../support/cli";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const dataDir = path.join(ROOT, "data");
const catalogs = new Map<string, ReturnType<typeof loadRegionCatalog>>();
const catalogOf = (region: string) => {
  let c = catalogs.get(region);
  if (!c) {
    c = loadRegionCatalog(region, "2026-12-01", { dataDir });
    catalogs.set(region, c);
  }
  return c;
};

function engine(raw: EstimateInputRaw): EstimateResult {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return estimate(p.value, catalogOf(p.value.region));
}
async function api(raw: EstimateInputRaw): Promise<EstimateResult> {
  const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(raw), headers: { "content-type": "application/json" } }));
  expect(res.status).toBe(200);
  return EstimateResultSchema.parse(await res.json());
}
async function cli(raw: EstimateInputRaw): Promise<EstimateResult> {
  const { code, stdout, stderr } = await runCli(main, ["-"], JSON.stringify(raw));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return EstimateResultSchema.parse(JSON.parse(stdout));
}
/** Every way in gives the same options, totals and lines. */
async function allWays(raw: EstimateInputRaw): Promise<EstimateResult> {
  const r = engine(raw);
  const summary = (x: EstimateResult) => x.options.map((o) => [o.id, o.available, o.reason, o.monthlyUSD, o.lines.map((l) => [l.label, l.quantity, l.usd])]);
  for (const other of [await api(raw), await cli(raw)]) expect(summary(other)).toEqual(summary(r));
  return r;
}
const option = (r: EstimateResult, id: string) => {
  const o = r.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}: ${r.options.map((x) => x.id).join(", ")}`);
  return o;
};

const eks = (services: EstimateInputRaw["services"], extra: Partial<EstimateInputRaw> = {}): EstimateInputRaw => ({
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  orchestrator: "eks",
  eks: { clusters: 0 },
  services,
  ...extra,
});

// ---------------------------------------------------------------- 1. EKS Fargate ephemeral storage

describe("EKS Fargate ephemeral storage: requests + 10% + 5 GiB provisioned, billed above 20 GiB (docs/billing-rules.md#eks-fargate-storage)", () => {
  // AWS's example: two containers of 50 GiB -> 100 + 10 + 5 = 115 GiB provisioned, 115 - 20 = 95 GiB billed.
  // Compute: requests 1 vCPU / 1.75 GiB + 0.25 GiB = 1 vCPU / 2 GB (a valid size): 730 x (0.04048 + 2 x 0.004445) = 36.0401
  // Storage: 95 GiB x 730 h = 69,350 GB-hours x 0.000111 = 7.69785; total 43.73795.
  const awsExample = eks([
    {
      name: "cache",
      vcpu: 1,
      memoryGiB: 2,
      tasks: 1,
      containers: [
        { name: "a", vcpu: 0.5, memoryGiB: 1, ephemeralStorageGiB: 50 },
        { name: "b", vcpu: 0.5, memoryGiB: 0.75, ephemeralStorageGiB: 50 },
      ],
    },
  ]);

  it("AWS's 2 x 50 GiB pod: 115 GiB provisioned, 95 GiB billed = $7.69785 (engine, API, CLI)", async () => {
    const r = await allWays(awsExample);
    const fargate = option(r, "fargate");
    const storage = fargate.lines.find((l) => l.component === "storage")!;
    expect(storage.quantity).toBeCloseTo(69_350, 9);
    expect(storage.usd).toBeCloseTo(7.69785, 9);
    // "pod", not "EKS": Fargate bills EKS pods under Amazon ECS usage types, and the FOCUS export classifies by label
    expect(storage.label).toBe("Fargate ephemeral storage above 20 GiB (pod, 115 GiB provisioned)");
    expect(storage.note).toContain("requests 100 GiB (its containers) + 10% (file system) + 5 GiB (system components) = 115 GiB provisioned; billed 115 - 20 GiB included = 95 GiB");
    expect(fargate.monthlyUSD).toBeCloseTo(36.0401 + 7.69785, 9);
  });

  it("the same 100 GiB as the service's ephemeralStorageGiB (no container storage) bills the same 95 GiB on EKS, 80 GiB on ECS", async () => {
    const pod = eks([{ name: "cache", vcpu: 1, memoryGiB: 1.75, tasks: 1, ephemeralStorageGiB: 100 }]);
    const onEks = await allWays(pod);
    expect(option(onEks, "fargate").lines.find((l) => l.component === "storage")?.usd).toBeCloseTo(7.69785, 9);
    // ECS: 100 - 20 = 80 GiB x 730 h x 0.000111 = 6.4824
    const onEcs = await allWays({ ...pod, orchestrator: "ecs" });
    expect(option(onEcs, "fargate").lines.find((l) => l.component === "storage")?.usd).toBeCloseTo(6.4824, 9);
  });

  it("a Kubernetes manifest with two containers asking 50Gi each imports to the same pod and bills 95 GiB (import API and function)", async () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: { name: cache }
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: a
          resources: { requests: { cpu: 500m, memory: 1Gi, ephemeral-storage: 50Gi } }
        - name: b
          resources: { requests: { cpu: 500m, memory: 768Mi, ephemeral-storage: 50Gi } }
`;
    const direct = importKubernetesManifests(manifest, { region: "us-east-1", catalog: "2026-12-01" });
    expect(direct.ok).toBe(true);
    if (!direct.ok) return;
    expect(direct.input.services[0]?.containers?.map((c) => c.ephemeralStorageGiB)).toEqual([50, 50]);
    const res = await importK8s(new Request("http://127.0.0.1/api/import/k8s?region=us-east-1", { method: "POST", body: manifest, headers: { "content-type": "application/yaml" } }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { input: EstimateInputRaw };
    const r = await allWays({ ...body.input, catalog: "2026-12-01", eks: { clusters: 0 } });
    const storage = option(r, "fargate").lines.find((l) => l.component === "storage")!;
    expect(storage.quantity).toBeCloseTo(95 * 730, 9);
    expect(storage.usd).toBeCloseTo(7.69785, 9);
  });

  it("a 190 GiB pod: EKS Fargate unavailable with the 175 GiB reason, the node group priced; an ECS task still takes 200 GiB", async () => {
    const r = await allWays(eks([{ name: "etl", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 190 }]));
    expect(option(r, "fargate")).toMatchObject({ available: false, monthlyUSD: null });
    expect(option(r, "fargate").reason).toBe(
      'services[0] "etl" requests 190 GiB of ephemeral storage: an EKS pod on Fargate can have at most 175 GiB (ECS tasks on Fargate up to 200 GiB)',
    );
    expect(option(r, "ec2").available).toBe(true);
    const byContainers = engine(eks([{ name: "etl", vcpu: 1, memoryGiB: 2, tasks: 1, containers: [{ name: "x", vcpu: 1, memoryGiB: 1, ephemeralStorageGiB: 100 }, { name: "y", ephemeralStorageGiB: 90 }] }]));
    expect(option(byContainers, "fargate").reason).toContain("requests 190 GiB of ephemeral storage (its containers' requests): an EKS pod on Fargate can have at most 175 GiB");
    // ECS, 200 GiB: (200 - 20) x 730 x 0.000111 = 14.5854
    const ecs = await allWays({ ...eks([{ name: "etl", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 200 }]), orchestrator: "ecs" });
    expect(option(ecs, "fargate").lines.find((l) => l.component === "storage")?.usd).toBeCloseTo(14.5854, 9);
    // EKS at the limit, 175 GiB: 175 + 17.5 + 5 = 197.5 provisioned, 177.5 billed x 730 x 0.000111 = 14.382825
    const limit = engine(eks([{ name: "etl", vcpu: 1, memoryGiB: 2, tasks: 1, ephemeralStorageGiB: 175 }]));
    expect(option(limit, "fargate").lines.find((l) => l.component === "storage")?.usd).toBeCloseTo(14.382825, 9);
  });

  it("a pod asking no storage (the 20 GiB default) pays none; a container asking 14 GiB pays 14 + 1.4 + 5 - 20 = 0.4 GiB", () => {
    const none = engine(eks([{ name: "web", vcpu: 1, memoryGiB: 1.75, tasks: 1 }]));
    expect(option(none, "fargate").lines.some((l) => l.component === "storage")).toBe(false);
    const small = engine(eks([{ name: "web", vcpu: 1, memoryGiB: 1.75, tasks: 1, containers: [{ name: "c", vcpu: 1, memoryGiB: 1.75, ephemeralStorageGiB: 14 }] }]));
    // 0.4 GiB x 730 h = 292 GB-hours x 0.000111 = 0.032412
    expect(option(small, "fargate").lines.find((l) => l.component === "storage")?.usd).toBeCloseTo(0.032412, 9);
  });
});

// ---------------------------------------------------------------- 2. GovCloud

describe("EKS on Fargate is not offered in AWS GovCloud (US) (docs/billing-rules.md#eks-fargate-regions)", () => {
  it.each(["us-gov-west-1", "us-gov-east-1"])("%s: EKS Fargate unavailable with the reason, the node group and Auto Mode priced; ECS Fargate still priced", async (region) => {
    const services = [{ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 2 }];
    const r = await allWays({ ...eks(services), region, fargate: { savingsPlan: "compute-1y" } });
    for (const id of ["fargate", "fargate-savings-plan"]) {
      expect(option(r, id).available).toBe(false);
      expect(option(r, id).reason).toContain(`EKS pods on Fargate are not available in AWS GovCloud (US-${region === "us-gov-west-1" ? "West" : "East"}) (${region})`);
    }
    expect(option(r, "ec2").available).toBe(true);
    expect(option(r, "ec2").monthlyUSD).toBeGreaterThan(0);
    expect(option(r, "eks-auto-mode").available).toBe(true);
    const ecs = engine({ ...eks(services), region, orchestrator: "ecs" });
    expect(option(ecs, "fargate").available).toBe(true);
  });
});

// ---------------------------------------------------------------- 3. Reserved fleets and running hours

describe("a reservation bills 730 h; volume, public IPv4 and the fee follow the running hours, as in the fleet search (docs/billing-rules.md#reserved-running-hours)", () => {
  // 3 tasks of 0.5 vCPU / 2 GiB, up 365 h a month, on m6i.large (host network mode: no ENI limit, and Managed Instances accepts it). Registered memory
  // floor(8192 x 7985 / 8192) = 7985 MiB -> 3 tasks per instance (memory-bound): 1 instance.
  const raw: EstimateInputRaw = {
    version: 1,
    region: "us-east-1",
    catalog: "2026-12-01",
    services: [{ name: "batch", vcpu: 0.5, memoryGiB: 2, tasks: 3, usage: { kind: "continuous", hoursPerMonth: 365 } }],
    ec2: { purchase: "reserved-3y", instanceTypes: ["m6i.large"], networkMode: "host", rootVolumeGiB: 30 },
    network: { publicIpv4: { ec2Instances: true } },
  };

  it("365 h on Reserved 3 years: $31.7915 reservation (730 h) + $1.20 volume (365 h) + $1.825 address (365 h) = $34.8165, the fleet search's own cost", async () => {
    const r = await allWays(raw);
    const ec2 = option(r, "ec2");
    const line = (component: string, category?: string) => ec2.lines.find((l) => l.component === component && (category === undefined || l.category === category))!;
    // 1 x 730 h x 0.04355 = 31.7915 (was the same)
    expect(line("instance")).toMatchObject({ quantity: 730 });
    expect(line("instance").usd).toBeCloseTo(31.7915, 9);
    // 30 GiB x 365 h / 730 = 15 GB-months x 0.08 = 1.20 (before the rule: 30 GB-months, 2.40)
    expect(line("ebs").quantity).toBeCloseTo(15, 9);
    expect(line("ebs").usd).toBeCloseTo(1.2, 9);
    // 365 address-hours x 0.005 = 1.825 (before the rule: 730 h, 3.65)
    expect(line("other", "public-ipv4").quantity).toBeCloseTo(365, 9);
    expect(line("other", "public-ipv4").usd).toBeCloseTo(1.825, 9);
    expect(ec2.monthlyUSD).toBeCloseTo(34.8165, 9);

    // The fleet search scores the same month: reservation 730 h, everything else 365 running instance-hours.
    const p = parseEstimateInput(raw);
    if (!p.ok) throw new Error("bad input");
    const input = p.value;
    const catalog = catalogOf("us-east-1");
    const fleet = searchFleet({
      catalog,
      arch: "x86_64",
      demands: ecsFleetDemands(input).byArch.get("x86_64")!,
      capacity: ecsInstanceCapacity(input.ec2),
      hourly: (t) => t.reserved3yUSD,
      reservedHourly: (t) => t.reserved3yUSD as number,
      runningExtraHourly: 0.005,
      instanceTypes: ["m6i.large"],
      allowBurstable: true,
      targetUtilizationPct: 100,
      minInstances: 0,
      rootVolumeGiB: 30,
      gp3PerGiBHour: 0.08 / 730,
      priceText: "Reserved Instance 3y",
    });
    if ("reason" in fleet) throw new Error(renderMessage(fleet.reason));
    expect(fleet.choice.instanceHours).toBe(365);
    expect(fleet.choice.score * fleet.hours).toBeCloseTo(34.8165, 9);
  });

  it("ECS Managed Instances on the same reserved fleet: the fee follows the 365 running hours too (12% x 0.096 = 0.01152 x 365 = 4.2048 -> $39.0213)", async () => {
    const r = await allWays(raw);
    const mi = option(r, "ecs-managed-instances");
    const fee = mi.lines.find((l) => l.label?.startsWith("ECS Managed Instances management fee"))!;
    expect(fee.quantity).toBeCloseTo(365, 9);
    expect(fee.usd).toBeCloseTo(4.2048, 9);
    expect(mi.monthlyUSD).toBeCloseTo(34.8165 + 4.2048, 9);
  });
});

// ---------------------------------------------------------------- 4. EKS Auto Mode

describe("EKS Auto Mode: instances + per-type management fee on the node-group fleet search (docs/billing-rules.md#eks-auto-mode)", () => {
  // Auto Mode nodes use prefix delegation: max pods min(110, ENIs x (IPv4 per ENI - 1) x 16 + 2), kube-reserved memory
  // +11 MiB per extra pod slot. Volume: 80 GiB gp3 per node (eks.nodeVolumeGiB absent). Fee: 12% of On-Demand (derived).
  it("memory-bound: 8 pods of 0.25 vCPU / 3 GiB on r6i.large = 2 nodes: $183.96 + $22.0752 fee + $12.80 volume = $218.8352", async () => {
    // r6i.large allocatable 1930 m / 14481 MiB, max pods 29 -> 110 with prefix delegation: 14481 - 11 x 81 = 13590 MiB.
    // Per node: CPU 1976.32 units / 256 = 7, memory 13590 / 3072 = 4 -> 4 pods (memory-bound), 8 pods -> 2 nodes.
    // 2 x 730 x 0.126 = 183.96; fee 0.12 x 0.126 = 0.01512 x 1460 = 22.0752; 80 GiB x 1460 h / 730 x 0.08 = 12.80.
    const r = await allWays(eks([{ name: "cache", vcpu: 0.25, memoryGiB: 3, tasks: 8 }], { ec2: { instanceTypes: ["r6i.large"] } }));
    const auto = option(r, "eks-auto-mode");
    expect(auto.label).toBe("EKS Auto Mode (on-demand)");
    expect(auto.plan?.instances[0]).toMatchObject({ type: "r6i.large", count: 2, boundBy: "memory", tasksPerInstance: { cache: 4 } });
    const fee = auto.lines.find((l) => l.label === "EKS Auto Mode management fee (r6i.large)")!;
    expect(fee).toMatchObject({ quantity: 1460, unit: "instance-hours", derived: true, usageType: "USE1-AmazonEKS-AutoMode:r6i.large" });
    expect(fee.rateUSD).toBeCloseTo(0.01512, 12);
    expect(fee.usd).toBeCloseTo(22.0752, 9);
    expect(auto.lines.find((l) => l.component === "instance")?.usd).toBeCloseTo(183.96, 9);
    expect(auto.lines.find((l) => l.component === "ebs")?.usd).toBeCloseTo(12.8, 9);
    expect(auto.monthlyUSD).toBeCloseTo(218.8352, 9);
    expect(auto.plan?.why).toContain("AWS chooses the instance types");
    // The node group on the same type: the same 2 nodes, 20 GiB volumes, no fee: 183.96 + 20 x 2 x 0.08 = 187.16
    expect(option(r, "ec2").monthlyUSD).toBeCloseTo(187.16, 9);
  });

  it("CPU-bound: 9 pods of 1 vCPU / 1 GiB on c6i.xlarge = 3 nodes: $372.30 + $44.676 fee + $19.20 volume = $436.176", async () => {
    // c6i.xlarge allocatable 3920 m -> 4014.08 units / 1024 = 3 pods; memory 6584 - 11 x (110 - 58) = 6012 MiB / 1024 = 5.
    // 3 pods per node (CPU-bound), 9 pods -> 3 nodes. 3 x 730 x 0.17 = 372.30; 0.0204 x 2190 = 44.676; 80 x 3 x 0.08 = 19.20.
    const r = await allWays(eks([{ name: "api", vcpu: 1, memoryGiB: 1, tasks: 9 }], { ec2: { instanceTypes: ["c6i.xlarge"] } }));
    const auto = option(r, "eks-auto-mode");
    expect(auto.plan?.instances[0]).toMatchObject({ type: "c6i.xlarge", count: 3, boundBy: "cpu", tasksPerInstance: { api: 3 } });
    expect(auto.lines.find((l) => l.label === "EKS Auto Mode management fee (c6i.xlarge)")?.usd).toBeCloseTo(44.676, 9);
    expect(auto.monthlyUSD).toBeCloseTo(436.176, 9);
  });

  it("Reserved Instances discount the instances, not the fee: CPU-bound on Reserved 3 years = $163.8996 + $44.676 + $19.20 = $227.7756", async () => {
    // 3 x 730 x 0.07484 = 163.8996; the fee stays 12% of On-Demand at the running hours.
    const r = await allWays(eks([{ name: "api", vcpu: 1, memoryGiB: 1, tasks: 9 }], { ec2: { instanceTypes: ["c6i.xlarge"], purchase: "reserved-3y" } }));
    const auto = option(r, "eks-auto-mode");
    expect(auto.label).toBe("EKS Auto Mode (Reserved Instances 3 years, No Upfront)");
    expect(auto.lines.find((l) => l.component === "instance")?.usd).toBeCloseTo(163.8996, 9);
    expect(auto.lines.find((l) => l.label?.startsWith("EKS Auto Mode management fee"))?.usd).toBeCloseTo(44.676, 9);
    expect(auto.monthlyUSD).toBeCloseTo(227.7756, 9);
  });

  it("without instanceTypes AWS chooses: the search keeps to the built-in NodePool's C, M, R types of generation 5 or newer", () => {
    const r = engine(eks([{ name: "api", vcpu: 1, memoryGiB: 1, tasks: 9 }]));
    const auto = option(r, "eks-auto-mode");
    const type = auto.plan?.instances[0]?.type ?? "";
    expect(builtInNodePoolType({ type, currentGeneration: true })).toBe(true);
    expect(builtInNodePoolType({ type: "t3.large", currentGeneration: true })).toBe(false);
    expect(builtInNodePoolType({ type: "m4.large", currentGeneration: true })).toBe(false);
    expect(builtInNodePoolType({ type: "c7gn.large", currentGeneration: true })).toBe(true);
    // Never cheaper than the node group (same search plus a fee, within the node group's wider choice of types).
    expect(auto.monthlyUSD!).toBeGreaterThan(option(r, "ec2").monthlyUSD!);
  });

  it("ECS estimates have no Auto Mode option; a Windows pod makes it unavailable with the reason", () => {
    const ecs = engine({ ...eks([{ name: "api", vcpu: 1, memoryGiB: 1, tasks: 1 }]), orchestrator: "ecs" });
    expect(ecs.options.some((o) => o.id === "eks-auto-mode")).toBe(false);
    const win = engine(eks([{ name: "win", vcpu: 1, memoryGiB: 2, tasks: 1, os: "windows" }]));
    expect(option(win, "eks-auto-mode")).toMatchObject({ available: false, reason: 'services[0] "win" is a Windows service: EKS Auto Mode runs Linux nodes only' });
  });
});
