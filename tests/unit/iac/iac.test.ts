/**
 * Terraform plan and CloudFormation template import: the realistic examples (two services, an ALB, a NAT
 * gateway) give the expected services and hand-computed totals; unknown values are reported, not guessed.
 *
 * Rates (eu-west-1, snapshot 2026-12-01, docs/price-catalog.md): Fargate x86 $0.04048 per vCPU-hour and
 * $0.004445 per GB-hour; Fargate ARM $0.03238 / $0.00356; Fargate Spot ARM $0.00980308 / $0.0010778 (derived);
 * ephemeral storage above 20 GiB $0.000122 per GB-hour; ALB $0.0252 per hour; NAT gateway $0.048 per hour;
 * public IPv4 $0.005 per hour. 730 hours a month.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { importCloudFormationTemplate } from "@/lib/import/cloudformation";
import { importTerraformPlan } from "@/lib/import/terraform";
import { toCents } from "@/lib/money";
import { estimateWithLoader } from "@/lib/pipeline/estimate";
import { parseEstimateInput, type EstimateResult } from "@/lib/schemas/estimate";
import { runCli } from "../../support/cli";

const root = path.resolve(import.meta.dirname, "../../..");
const planText = readFileSync(path.join(root, "examples/terraform/plan.json"), "utf8");
const templateText = readFileSync(path.join(root, "examples/cloudformation/shop.yaml"), "utf8");

function price(input: unknown): EstimateResult {
  const parsed = parseEstimateInput(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const out = estimateWithLoader(parsed.value, (r, id) => loadRegionCatalog(r, id));
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

const expectedServices = [
  { name: "api", vcpu: 1, memoryGiB: 2, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks: 3 },
  { name: "worker", vcpu: 0.5, memoryGiB: 1, architecture: "arm64", os: "linux", ephemeralStorageGiB: 30, tasks: 2, fargateCapacityProviders: { base: 0, fargateWeight: 0, spotWeight: 1 }, interruptible: true },
];
const expectedNetwork = { natGateways: { count: 1 }, publicIpv4: { fargateTasks: false, ec2Instances: false, extraAddresses: 1 } };

/**
 * Fargate on-demand:
 *   api    3 tasks x 730 h = 2190 vCPU-h x 0.04048 = 88.6512; 4380 GB-h x 0.004445 = 19.4691
 *   worker 2 x 730 x 0.5 = 730 vCPU-h x 0.03238 = 23.6374; 1460 GB-h x 0.00356 = 5.1976; 10 GiB extra x 1460 h = 14600 GB-h x 0.000122 = 1.7812
 *   ALB 730 x 0.0252 = 18.396; NAT 730 x 0.048 = 35.04; the NAT's Elastic IP 730 x 0.005 = 3.65
 *   total 88.6512 + 19.4691 + 23.6374 + 5.1976 + 1.7812 + 18.396 + 35.04 + 3.65 = 195.8225 -> $195.82
 * Recommended, the services' own strategy (worker all on FARGATE_SPOT):
 *   worker 730 x 0.00980308 = 7.1562484; 1460 x 0.0010778 = 1.573588; storage 1.7812 (Spot storage bills at the same rate)
 *   total 88.6512 + 19.4691 + 7.1562484 + 1.573588 + 1.7812 + 18.396 + 35.04 + 3.65 = 175.7173364 -> $175.72
 */
function expectShopTotals(result: EstimateResult) {
  const fargate = result.options.find((o) => o.id === "fargate")!;
  expect(fargate.monthlyUSD).toBeCloseTo(195.8225, 9);
  expect(toCents(fargate.monthlyUSD!)).toBe(19_582);
  expect(result.recommendation?.optionId).toBe("fargate-mix");
  expect(result.recommendation?.monthlyUSD).toBeCloseTo(175.7173364, 9);
  expect(toCents(result.recommendation!.monthlyUSD)).toBe(17_572);
}

describe("Terraform plan: examples/terraform/plan.json", () => {
  const out = importTerraformPlan(planText);
  it("finds the two services, their task definitions through the configuration, the ALB, the NAT gateway and its EIP", () => {
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.input.region).toBe("eu-west-1"); // var.aws_region's value in the plan
    expect(out.input.services).toEqual(expectedServices.map((s, i) => ({ ...s, source: ["aws_ecs_service.api", "aws_ecs_service.worker"][i] })));
    expect(out.input.network).toEqual({ loadBalancers: [{ name: "aws_lb.public", type: "alb", count: 1 }], ...expectedNetwork });
    expect(out.unresolved).toEqual([]);
  });
  it("prices to the hand-computed totals", () => {
    if (!out.ok) throw new Error("import failed");
    expectShopTotals(price(out.input));
  });
});

describe("CloudFormation template: examples/cloudformation/shop.yaml (short-form tags)", () => {
  const out = importCloudFormationTemplate(templateText, { region: "eu-west-1" });
  it("resolves !Ref parameter defaults, !FindInMap, !If on a condition and !Sub; ignores !GetAtt where it is not needed", () => {
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.input.services).toEqual(expectedServices.map((s, i) => ({ ...s, source: ["ApiService", "WorkerService"][i] })));
    expect(out.input.network).toEqual({ loadBalancers: [{ name: "LoadBalancer", type: "alb", count: 1 }], ...expectedNetwork });
    expect(out.unresolved).toEqual([]);
    expect(out.notes).toContain('Parameter ApiDesiredCount: its Default 3 is used; if you deploy with another value, change the estimate on the form.');
  });
  it("prices to the same hand-computed totals as the plan", () => {
    if (!out.ok) throw new Error("import failed");
    expectShopTotals(price(out.input));
  });
  it("staging (a condition and a mapping change): api 1 task, worker 0.25 vCPU / 0.5 GiB x 1", () => {
    const staging = importCloudFormationTemplate(templateText.replace("Default: production", "Default: staging"), { region: "eu-west-1" });
    if (!staging.ok) throw new Error(JSON.stringify(staging.errors));
    expect(staging.input.services.map((s) => [s.name, s.vcpu, s.memoryGiB, s.tasks])).toEqual([["api", 1, 2, 1], ["worker", 0.25, 0.5, 1]]);
  });
  it("without a region: us-east-1, and says so", () => {
    const noRegion = importCloudFormationTemplate(templateText);
    expect(noRegion.ok && noRegion.input.region).toBe("us-east-1");
    expect(noRegion.ok && noRegion.notes.some((n) => n.includes("does not say where it is deployed"))).toBe(true);
  });
});

describe("cdk synth output (JSON, long-form intrinsics)", () => {
  const cdk = {
    Resources: {
      ApiTaskDef1A2B3C: {
        Type: "AWS::ECS::TaskDefinition",
        Properties: { Cpu: "512", Memory: "1024", Family: "ShopStackApiTaskDef", ContainerDefinitions: [{ Name: "web", Image: { "Fn::Join": ["", [{ "Fn::Select": [4, { "Fn::Split": [":", { "Fn::GetAtt": ["Repo", "Arn"] }] }] }, ".dkr.ecr"]] } }] },
        Metadata: { "aws:cdk:path": "ShopStack/Api/TaskDef/Resource" },
      },
      ApiService9F1E: {
        Type: "AWS::ECS::Service",
        Properties: { TaskDefinition: { Ref: "ApiTaskDef1A2B3C" }, DesiredCount: { "Fn::GetAtt": ["Scaling", "Desired"] }, LaunchType: "FARGATE" },
        Metadata: { "aws:cdk:path": "ShopStack/Api/Service/Service" },
      },
      Orphan: { Type: "AWS::ECS::Service", Properties: { TaskDefinition: "arn:aws:ecs:eu-west-1:123456789012:task-definition/other:3" } },
    },
  };
  const out = importCloudFormationTemplate(JSON.stringify(cdk), { region: "eu-west-1" });
  it("names the CDK path as the source and reports what cannot be resolved offline", () => {
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.services).toEqual([{ name: "ApiService9F1E", source: "ShopStack/Api/Service/Service (ApiService9F1E)" }]);
    expect(out.input.services[0]).toMatchObject({ vcpu: 0.5, memoryGiB: 1, tasks: 1 });
    expect(out.unresolved).toEqual([
      { path: "Resources.ApiService9F1E.Properties.DesiredCount", message: "cannot be resolved offline: Fn::GetAtt Scaling.Desired is known only when the stack is deployed" },
      { path: "Resources.ApiService9F1E.Properties.DesiredCount", message: "priced at 1 task until it is known; set the tasks on the form" },
      { path: "Resources.Orphan.Properties.TaskDefinition", message: expect.stringContaining("not a Ref to a task definition of this template") },
    ]);
  });
});

describe("Terraform: values unknown until apply", () => {
  const plan = JSON.parse(planText);
  it("an unknown desired_count is reported and priced at 1 task; an unknown cpu leaves the service out with the reason", () => {
    const api = plan.resource_changes.find((r: { address: string }) => r.address === "aws_ecs_service.api");
    delete api.change.after.desired_count;
    api.change.after_unknown.desired_count = true;
    const worker = plan.resource_changes.find((r: { address: string }) => r.address === "aws_ecs_task_definition.worker");
    delete worker.change.after.cpu;
    worker.change.after_unknown.cpu = true;
    const out = importTerraformPlan(JSON.stringify(plan));
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.input.services.map((s) => [s.name, s.tasks])).toEqual([["api", 1]]);
    expect(out.unresolved).toEqual([
      { path: "aws_ecs_task_definition.worker.cpu", message: "is known only after apply: the task definition cannot be sized from this plan" },
      { path: "aws_ecs_service.api.desired_count", message: "is known only after apply: priced at 1 task; set the tasks on the form" },
      { path: "aws_ecs_service.worker", message: "is not imported: its task definition aws_ecs_task_definition.worker cannot be sized (see above)" },
    ]);
  });
  it("a plan without a region needs one", () => {
    const p = JSON.parse(planText);
    delete p.configuration.provider_config;
    expect(importTerraformPlan(JSON.stringify(p))).toMatchObject({ ok: false, errors: [{ path: "configuration.provider_config.aws.expressions.region" }] });
    expect(importTerraformPlan(JSON.stringify(p), { region: "us-west-2" })).toMatchObject({ ok: true, input: { region: "us-west-2" } });
  });
  it("a bad container definition names the resource's own field", () => {
    const p = JSON.parse(planText);
    const td = p.resource_changes.find((r: { address: string }) => r.address === "aws_ecs_task_definition.api");
    td.change.after.cpu = "lots";
    expect(importTerraformPlan(JSON.stringify(p))).toMatchObject({ ok: false, errors: [{ path: "aws_ecs_task_definition.api.cpu", message: expect.any(String) }] });
  });
});

describe("estimate CLI with --terraform / --cloudformation", () => {
  const cli = (argv: string[]) => runCli(main, argv);
  it("--terraform plan.json --budget 500 passes ($175.72); --budget 150 fails with exit 3", async () => {
    const ok = await cli(["--terraform", "examples/terraform/plan.json", "--budget", "500"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).recommendation.optionId).toBe("fargate-mix");
    expect(ok.stderr).toContain("Imported 2 services: api (from aws_ecs_service.api), worker (from aws_ecs_service.worker).");
    const over = await cli(["--terraform", "examples/terraform/plan.json", "--budget", "150"]);
    expect(over.code).toBe(3);
    expect(over.stderr).toContain("over budget: the recommended option (fargate-mix) costs $175.72/month");
  });
  it("--cloudformation template.yaml --region eu-west-1", async () => {
    const out = await cli(["--cloudformation", "examples/cloudformation/shop.yaml", "--region", "eu-west-1", "--format", "table"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("$175.72");
  });
  it("exit 2 with the problem's path for a broken file", async () => {
    const out = await cli(["--cloudformation", "package.json"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("Resources: is missing or not a mapping");
    expect((await cli(["--terraform", "examples/api-web.json"])).stderr).toContain("is not a Terraform plan");
    expect((await cli(["examples/api-web.json", "--region", "eu-west-1"])).code).toBe(2);
  });
});

describe("POST /api/import/iac", () => {
  const post = async (query: string, body: string, contentType = "application/json") => {
    const { POST } = await import("@/app/api/import/iac/route");
    return POST(new Request(`http://127.0.0.1/api/import/iac${query}`, { method: "POST", body, headers: { "content-type": contentType } }));
  };
  it("200 with the input, the services and their sources", async () => {
    const res = await post("?kind=terraform", planText);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.services).toEqual([{ name: "api", source: "aws_ecs_service.api" }, { name: "worker", source: "aws_ecs_service.worker" }]);
    const yaml = await post("?kind=cloudformation&region=eu-west-1", templateText, "application/yaml");
    expect(yaml.status).toBe(200);
    expect((await yaml.json()).input.region).toBe("eu-west-1");
  });
  it("400 names the problem; 415 for binary", async () => {
    expect((await (await post("?kind=helm", planText)).json()).errors[0].path).toBe("(query).kind");
    const bad = await post("?kind=cloudformation", "Resources: !!js/function x", "text/yaml");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toContain("Unresolved tag");
    expect((await post("?kind=terraform", "x", "application/octet-stream")).status).toBe(415);
  });
});
