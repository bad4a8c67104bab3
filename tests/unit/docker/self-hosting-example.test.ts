/**
 * examples/ecs-self-hosting: the task definition, the service, the Kubernetes manifest and the EstimateInput
 * describe the same deployment of the same image (Dockerfile), and examples/README.md shows what the app
 * really says it costs (recomputed here from the catalog, so the README cannot go stale).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimateFromRaw } from "@/lib/pipeline/estimate";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const dir = path.join(ROOT, "examples", "ecs-self-hosting");
const json = (name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const taskDef = json("task-definition.json");
const service = json("service.json");
const input = json("estimate.json");
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const k8s = readFileSync(path.join(dir, "kubernetes.yaml"), "utf8");
const readme = readFileSync(path.join(ROOT, "examples", "README.md"), "utf8");
const container = taskDef.containerDefinitions[0];
const env = Object.fromEntries((container.environment as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]));

describe("examples/ecs-self-hosting", () => {
  it("the task definition runs the image's server as the image's non-root user on the image's port", () => {
    expect(taskDef.requiresCompatibilities).toEqual(["FARGATE"]);
    const exposed = /^EXPOSE (\d+)$/m.exec(dockerfile)?.[1];
    const user = /^USER (\S+)$/m.exec(dockerfile)?.[1];
    expect(container.portMappings[0].containerPort).toBe(Number(exposed));
    expect(env.PORT).toBe(exposed);
    expect(env.HOSTNAME).toBe("0.0.0.0");
    expect(container.user).toBe(user);
    expect(container.readonlyRootFilesystem).toBe(true);
    expect(container.healthCheck.command.join(" ")).toContain(`http://127.0.0.1:${exposed}/api/health`);
  });

  it("the service and the EstimateInput price the same size, architecture and task count", () => {
    expect(Number(taskDef.cpu) / 1024).toBe(input.services[0].vcpu);
    expect(Number(taskDef.memory) / 1024).toBe(input.services[0].memoryGiB);
    expect(taskDef.runtimePlatform.cpuArchitecture.toLowerCase()).toBe(input.services[0].architecture);
    expect(service.desiredCount).toBe(input.services[0].tasks);
    expect(service.loadBalancers[0].containerName).toBe(container.name);
    expect(service.loadBalancers[0].containerPort).toBe(container.portMappings[0].containerPort);
    expect(service.networkConfiguration.awsvpcConfiguration.assignPublicIp === "ENABLED").toBe(input.network.publicIpv4.fargateTasks);
    expect(input.network.loadBalancers).toHaveLength(1);
  });

  it("the Kubernetes manifest sets HOSTNAME, the non-root user and health probes on /api/health", () => {
    expect(k8s).toMatch(/name: HOSTNAME, value: "0\.0\.0\.0"/);
    expect(k8s).toMatch(/runAsUser: 10001/);
    expect(k8s).toMatch(/readinessProbe:\s+httpGet: \{ path: \/api\/health/);
    expect(k8s).toMatch(/readOnlyRootFilesystem: true/);
  });

  it("examples/README.md shows the app's own figures", () => {
    const outcome = estimateFromRaw(input, (region, catalogId) => loadRegionCatalog(region, catalogId));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const byId = Object.fromEntries(outcome.result.options.map((o) => [o.id, o.monthlyUSD]));
    // Fargate, us-east-1, catalog 2026-12-01, 730 h: vCPU 0.5 x 2 x 730 = 730 vCPU-h x 0.03238 = 23.6374;
    // memory 1 x 2 x 730 = 1460 GB-h x 0.00356 = 5.1976; public IPv4 1460 h x 0.005 = 7.30; ALB 730 h x 0.0225
    // = 16.425; LCUs 1 new connection/s / 25 per LCU = 0.04 x 730 = 29.2 x 0.008 = 0.2336; logs 1 GB and 1 GB-month
    // inside CloudWatch Logs' free 5 GB / 5 GB-months = 0 (0.53 before the free tier, docs/billing-rules.md#logs-free-tier);
    // 5 GB out inside the 100 GB free tier = 0. Total 52.7936 (was 53.3236).
    expect(byId.fargate).toBeCloseTo(52.7936, 9);
    expect(readme).toContain("$52.7936 = $52.79");
    const fargate = outcome.result.options.find((o) => o.id === "fargate")!;
    for (const line of fargate.lines) expect(readme, line.label).toContain(`$${line.usd.toFixed(4)}`);
    expect(readme).toContain(`Fargate Spot would cost $${byId["fargate-spot"]!.toFixed(2)}/month`);
    expect(readme).toContain(`ECS on EC2 $${byId.ec2!.toFixed(2)}/month`);
    const withoutAlb = estimateFromRaw({ ...input, network: { ...input.network, loadBalancers: [] } }, (region, catalogId) => loadRegionCatalog(region, catalogId));
    if (!withoutAlb.ok) throw new Error(JSON.stringify(withoutAlb.errors));
    const fargateWithoutAlb = withoutAlb.result.options.find((o) => o.id === "fargate")!.monthlyUSD ?? NaN;
    expect(readme).toContain(`the app says $${fargateWithoutAlb.toFixed(2)}/month`);
  });
});
