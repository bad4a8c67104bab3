/** The estimate CLI on EKS inputs: AWS's own EKS example from the Fargate pricing page, the table, and exit 2. */
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { EstimateResultSchema } from "@/lib/schemas/estimate";
import { runCli } from "../../support/cli";


const run = (argv: string[], stdin = "") => runCli(main, argv, stdin);

describe("estimate CLI, orchestrator EKS", () => {
  it("examples/eks-fargate-aws-example.json reproduces AWS's EKS example: about $4.37 in us-east-1", async () => {
    const { code, stdout, stderr } = await run(["examples/eks-fargate-aws-example.json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = EstimateResultSchema.parse(JSON.parse(stdout));
    const fargate = result.options.find((o) => o.id === "fargate");
    // 10 pods billed as 0.25 vCPU / 1 GB (768 MiB + 256 MiB) x 30 days x 1 h = 300 pod-hours:
    // 0.25 x 300 x $0.04048 = $3.036 + 1 x 300 x $0.004445 = $1.3335 -> $4.3695; eks.clusters 0: no cluster fee.
    expect(fargate?.monthlyUSD).toBeCloseTo(4.3695, 9);
    expect(fargate?.services[0]).toMatchObject({ vcpu: 0.25, memoryGiB: 1, requested: { vcpu: 0.25, memoryGiB: 0.75 } });
  });

  it("--format table says EKS, shows the pod sizes and the containers", async () => {
    const table = await run(["examples/eks-fargate-aws-example.json", "--format", "table"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("EKS cost estimate (0 clusters, standard support) - us-east-1");
    expect(table.stdout).toMatch(/EKS on Fargate \(pods\)\s+\$4\.37/);
    expect(table.stdout).toContain("EKS pods on Fargate:");
    expect(table.stdout).toContain("pods: pod requests 0.25 vCPU / 0.75 GiB + 0.25 GiB Kubernetes components, billed as 0.25 vCPU / 1 GiB on Fargate");
    const sidecars = await run(["examples/eks-pods-with-sidecars.json", "--format", "table"]);
    expect(sidecars.code).toBe(0);
    expect(sidecars.stdout).toContain("EKS cost estimate (1 cluster, standard support)");
    expect(sidecars.stdout).toContain("web: migrate (init) 1 vCPU / 0.5 GiB, app 0.5 vCPU / 1.5 GiB, envoy 0.25 vCPU / 0.25 GiB, log-router 0.125 vCPU / 0.125 GiB");
    expect(sidecars.stdout).toContain("Node group plan:");
    expect(sidecars.stdout).toContain("EKS on Fargate Spot");
  });

  it("exits 2 listing each bad EKS field with its path", async () => {
    const bad = {
      version: 1,
      region: "us-east-1",
      orchestrator: "k8s",
      eks: { clusters: 1.5, support: "forever" },
      services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1, containers: [{ name: "app", vcpu: "1" }] }],
    };
    const { code, stderr } = await run(["-"], JSON.stringify(bad));
    expect(code).toBe(2);
    for (const p of ["orchestrator:", "eks.clusters: must be a whole number", "eks.support:", "services[0].containers[0].vcpu:"]) expect(stderr).toContain(p);
  });
});
