/**
 * Sidecar presets and the ECS Express Mode preset (docs/billing-rules.md#sidecars, #express-mode), by hand with the
 * us-east-1 rates of catalog 2026-12-01: Fargate x86 0.04048/vCPU-h, 0.004445/GB-h; ALB 0.0225/h; public IPv4
 * 0.005/address-h; Logs 0.50/GB ingested, 0.03/GB-month stored; EKS cluster 0.10/h; m5.large 0.096/h.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { SIDECAR_PRESET_SPECS, sidecarContainer } from "@/lib/engine/sidecars";
import { EXPRESS_ASSUMPTIONS, expressModeInput } from "@/lib/presets/express-mode";
import { EstimateResultSchema, parseEstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";
import { REPO_ROOT, runCli } from "../../support/cli";

const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.join(REPO_ROOT, "data") });
function run(raw: EstimateInputRaw): EstimateResult {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const r = estimate(p.value, catalog);
  expect(EstimateResultSchema.safeParse(r).success).toBe(true);
  return r;
}
const option = (r: EstimateResult, id: string) => r.options.find((o) => o.id === id)!;

const envoy = sidecarContainer("envoy");
const fluentBit = sidecarContainer("fluent-bit");
const base = (extra: Partial<EstimateInputRaw> = {}, containers?: unknown[]): EstimateInputRaw => ({
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 1, ...(containers ? { containers: containers as never } : {}) }],
  ec2: { instanceTypes: ["m5.large"], networkMode: "bridge" },
  ...extra,
});

describe("sidecar presets", () => {
  it("carry AWS's figures: Envoy 256 CPU units / 64 MiB, Fluent Bit 50 MiB, X-Ray 32 units / 256 MiB, CloudWatch agent 128 units / 64 MiB", () => {
    expect([envoy.vcpu, envoy.memoryGiB * 1024]).toEqual([0.25, 64]);
    expect([fluentBit.vcpu, fluentBit.memoryGiB * 1024]).toEqual([0, 50]);
    expect([SIDECAR_PRESET_SPECS.xray.vcpu * 1024, SIDECAR_PRESET_SPECS.xray.memoryGiB * 1024]).toEqual([32, 256]);
    expect([SIDECAR_PRESET_SPECS["cloudwatch-agent"].vcpu * 1024, SIDECAR_PRESET_SPECS["cloudwatch-agent"].memoryGiB * 1024]).toEqual([128, 64]);
    expect(SIDECAR_PRESET_SPECS["cloudwatch-agent"].basis).toBe("common-practice");
    for (const spec of Object.values(SIDECAR_PRESET_SPECS)) expect(spec.source).toMatch(/^.+: https:\/\/docs\.aws\.amazon\.com\//);
  });

  it("ECS: 0.5 vCPU / 1 GiB + Envoy + Fluent Bit -> 0.75 vCPU / 1138 MiB requested -> billed 1 vCPU / 2 GiB", () => {
    const before = run(base());
    const after = run(base({}, [envoy, fluentBit]));
    // before: 0.5 x 730 x 0.04048 = 14.7752 + 1 x 730 x 0.004445 = 3.24485 -> 18.02005
    expect(option(before, "fargate").monthlyUSD).toBeCloseTo(18.02005, 9);
    expect(option(before, "fargate").services[0]).toMatchObject({ vcpu: 0.5, memoryGiB: 1 });
    // after: 0.5 + 0.25 + 0 = 0.75 vCPU (not a Fargate size); 1024 + 64 + 50 = 1138 MiB -> smallest valid size with
    // >= 0.75 vCPU and >= 1.111 GiB is 1 vCPU / 2 GiB: 730 x 0.04048 = 29.5504 + 2 x 730 x 0.004445 = 6.4897 -> 36.0401
    const billed = option(after, "fargate").services[0]!;
    expect(billed.requested).toEqual({ vcpu: 0.75, memoryGiB: 1138 / 1024 });
    expect([billed.vcpu, billed.memoryGiB]).toEqual([1, 2]);
    expect(option(after, "fargate").monthlyUSD).toBeCloseTo(36.0401, 9);
    // the result keeps the user's input: the app's 0.5 vCPU and the two sidecar rows
    expect(after.input.services[0]!.vcpu).toBe(0.5);
    expect(after.input.services[0]!.containers?.map((c) => c.sidecar)).toEqual(["envoy", "fluent-bit"]);
  });

  it("ECS on EC2: the packing reserves the sidecars too (4 tasks: 1 m5.large before, 2 after)", () => {
    // m5.large registers 2048 CPU units: 512-unit tasks -> 4 per instance; 768-unit tasks -> 2 per instance
    const before = run({ ...base(), services: [{ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 4 }] });
    const after = run({ ...base(), services: [{ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 4, containers: [envoy, fluentBit] as never }] });
    expect(option(before, "ec2").plan?.instances.map((i) => [i.type, i.count, i.tasksPerInstance.api])).toEqual([["m5.large", 1, 4]]);
    expect(option(after, "ec2").plan?.instances.map((i) => [i.type, i.count, i.tasksPerInstance.api])).toEqual([["m5.large", 2, 2]]);
  });

  it("EKS: the sidecars are containers of the pod, the service's size the app container -> 1 vCPU / 2 GiB pod", () => {
    const eks = (containers?: unknown[]) => run(base({ orchestrator: "eks" }, containers));
    // before: 0.5 vCPU / 1 GiB + 256 MiB pod overhead = 1.25 GiB -> 0.5 vCPU / 2 GiB:
    // 14.7752 + 2 x 730 x 0.004445 = 6.4897 -> 21.2649, + cluster fee 730 x 0.10 = 73 -> 94.2649
    expect(option(eks(), "fargate").monthlyUSD).toBeCloseTo(94.2649, 9);
    // after: requests 0.75 vCPU / 1138 MiB + 256 = 1394 MiB -> 1 vCPU / 2 GiB: 36.0401 + 73 = 109.0401
    const after = eks([envoy, fluentBit]);
    expect(option(after, "fargate").monthlyUSD).toBeCloseTo(109.0401, 9);
    expect([option(after, "fargate").services[0]!.vcpu, option(after, "fargate").services[0]!.memoryGiB]).toEqual([1, 2]);
    // an explicit app container is used as it is (no double count of the service's size)
    const explicit = eks([{ name: "app", vcpu: 0.5, memoryGiB: 1 }, envoy, fluentBit]);
    expect(option(explicit, "fargate").monthlyUSD).toBeCloseTo(109.0401, 9);
  });

  it("containers without a sidecar role stay ignored on ECS, as before", () => {
    const r = run(base({}, [{ name: "helper", vcpu: 4, memoryGiB: 8 }]));
    expect(option(r, "fargate").monthlyUSD).toBeCloseTo(18.02005, 9);
  });

  it("a bad preset id is refused with its path", () => {
    const p = parseEstimateInput(base({}, [{ name: "x", vcpu: 0.1, memoryGiB: 0.1, sidecar: "istio" }]));
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors[0]!.path).toBe("services[0].containers[0].sidecar");
  });
});

describe("ECS Express Mode preset", () => {
  it("by hand: 1 vCPU / 2 GB task, ALB with HTTPS, 2 ALB addresses, a log group -> $59.7651/month ($60.2951 without the Logs free tier)", async () => {
    const raw = { ...expressModeInput("us-east-1"), catalog: "2026-12-01" };
    const r = run(raw);
    const f = option(r, "fargate");
    // task: 730 x 0.04048 = 29.5504 + 2 x 730 x 0.004445 = 6.4897 -> 36.0401
    // ALB: 730 x 0.0225 = 16.425 (0 LCU until traffic is entered)
    // ALB public IPv4: 2 x 730 x 0.005 = 7.30
    // logs: 1 GB ingested and 1 GB-month stored, both inside CloudWatch Logs' free 5 GB / 5 GB-months
    //   (docs/billing-rules.md#logs-free-tier): $0; without the free tier 1 x 0.50 + 1 x 0.03 = 0.53
    // total 36.0401 + 16.425 + 7.30 + 0 = 59.7651 (60.2951 without the free tier)
    expect(f.monthlyUSD).toBeCloseTo(59.7651, 9);
    expect(f.lines.filter((l) => l.category === "load-balancer").reduce((s, l) => s + l.usd, 0)).toBeCloseTo(16.425, 9);
    expect(f.lines.filter((l) => l.category === "public-ipv4").reduce((s, l) => s + l.usd, 0)).toBeCloseTo(7.3, 9);
    expect(f.lines.filter((l) => l.category === "logs").reduce((s, l) => s + l.usd, 0)).toBeCloseTo(0, 9);
    const paid = option(run({ ...raw, network: { ...raw.network, logsFreeTier: false } }), "fargate");
    expect(paid.monthlyUSD).toBeCloseTo(60.2951, 9);
    expect(paid.lines.filter((l) => l.category === "logs").reduce((s, l) => s + l.usd, 0)).toBeCloseTo(0.53, 9);
    // the same through the API and the CLI
    const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(raw), headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(200);
    expect(option((await res.json()) as EstimateResult, "fargate").monthlyUSD).toBeCloseTo(59.7651, 9);
    const cli = await runCli(main, ["-"], JSON.stringify(raw));
    expect(cli.code).toBe(0);
    expect(option(JSON.parse(cli.stdout) as EstimateResult, "fargate").monthlyUSD).toBeCloseTo(59.7651, 9);
  });

  it("says what it assumed, each default with its source", () => {
    expect(EXPRESS_ASSUMPTIONS.some((a) => a.what === "Task size" && a.basis === "aws-default")).toBe(true);
    expect(EXPRESS_ASSUMPTIONS.some((a) => a.what === "Minimum tasks" && a.basis === "assumed")).toBe(true);
    for (const a of EXPRESS_ASSUMPTIONS) expect(a.source).toMatch(/https:\/\//);
  });
});
