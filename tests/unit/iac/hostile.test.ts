/**
 * 300 hostile files (150 Terraform plans, 150 CloudFormation templates): every one gives a clear error (a path and
 * a message) or a valid estimate input; none throws. A hang would trip the test timeout (timing targets are not
 * asserted here: the house rule keeps them out of npm test; the whole 300 run in a few seconds).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCloudFormationTemplate } from "@/lib/import/cloudformation";
import type { IacImportOutcome } from "@/lib/import/iac-common";
import { importTerraformPlan } from "@/lib/import/terraform";
import { parseEstimateInput } from "@/lib/schemas/estimate";

const root = path.resolve(import.meta.dirname, "../../..");
const planText = readFileSync(path.join(root, "examples/terraform/plan.json"), "utf8");
const templateText = readFileSync(path.join(root, "examples/cloudformation/shop.yaml"), "utf8");

const HOSTILE_VALUES: unknown[] = [null, -1, 1e308, "abc", "", [], {}, true, "9".repeat(400), [[[[[]]]]]];

function setPath(obj: unknown, keys: Array<string | number>, value: unknown): void {
  let cur = obj as Record<string | number, unknown>;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[keys[keys.length - 1] as string | number] = value;
}

function terraformCases(): Array<[string, string]> {
  const plan = JSON.parse(planText);
  const idx = (address: string) => plan.resource_changes.findIndex((r: { address: string }) => r.address === address);
  const api = idx("aws_ecs_service.api");
  const worker = idx("aws_ecs_service.worker");
  const td = idx("aws_ecs_task_definition.api");
  const tdw = idx("aws_ecs_task_definition.worker");
  const lb = idx("aws_lb.public");
  const paths: Array<Array<string | number>> = [
    ["resource_changes", td, "change", "after", "cpu"],
    ["resource_changes", td, "change", "after", "memory"],
    ["resource_changes", td, "change", "after", "container_definitions"],
    ["resource_changes", tdw, "change", "after", "runtime_platform"],
    ["resource_changes", tdw, "change", "after", "ephemeral_storage"],
    ["resource_changes", api, "change", "after", "desired_count"],
    ["resource_changes", worker, "change", "after", "capacity_provider_strategy"],
    ["resource_changes", api, "change", "after", "network_configuration"],
    ["resource_changes", lb, "change", "after", "load_balancer_type"],
    ["resource_changes", api, "change"],
    ["resource_changes", api],
    ["configuration", "provider_config"],
    ["variables", "aws_region"],
  ];
  const cases: Array<[string, string]> = [];
  for (const p of paths) {
    for (const v of HOSTILE_VALUES) {
      const copy = JSON.parse(planText);
      setPath(copy, p, v);
      cases.push([`tf ${p.join(".")} = ${JSON.stringify(v)?.slice(0, 20)}`, JSON.stringify(copy)]);
    }
  }
  const deep = "[".repeat(5000) + "]".repeat(5000);
  const raw: Array<[string, string]> = [
    ["tf empty", ""],
    ["tf whitespace", "   \n"],
    ["tf null", "null"],
    ["tf array", "[]"],
    ["tf number", "42"],
    ["tf truncated", planText.slice(0, planText.length / 2)],
    ["tf hcl source", 'resource "aws_ecs_service" "api" {\n  desired_count = 3\n}\n'],
    ["tf binary", "\u0000\u0001\u0002\uFFFD\uD800"],
    ["tf deep nesting", deep],
    ["tf huge string", JSON.stringify({ resource_changes: [{ address: "a".repeat(100_000), type: "aws_ecs_service", change: { actions: ["create"], after: {} } }] })],
    ["tf no resources", JSON.stringify({ format_version: "1.2", resource_changes: [] })],
    ["tf state not plan", JSON.stringify({ values: { root_module: {} } })],
    ["tf __proto__", '{"resource_changes":[{"__proto__":{"address":"x"}}]}'],
    ["tf too large", " ".repeat(10 * 1024 * 1024 + 1)],
    ["tf cyclic-looking references", JSON.stringify({ ...JSON.parse(planText), configuration: { root_module: { resources: [{ address: "aws_ecs_service.api", expressions: { task_definition: { references: ["aws_ecs_service.api"] } } }] } } })],
    ["tf container_definitions not JSON", planText.replace('"container_definitions": "[', '"container_definitions": "{[')],
    ["tf resource_changes object", JSON.stringify({ resource_changes: { a: 1 } })],
    ["tf strategy on an EC2 provider", planText.replace('"capacity_provider": "FARGATE_SPOT"', '"capacity_provider": "asg-provider"')],
    ["tf delete everything", planText.replace(/"actions": \[\s*"create"\s*\]/g, '"actions": ["delete"]')],
    ["tf 101 services", JSON.stringify({ ...JSON.parse(planText), resource_changes: [...JSON.parse(planText).resource_changes, ...Array.from({ length: 101 }, (_, i) => ({ address: `aws_ecs_service.s${i}`, mode: "managed", type: "aws_ecs_service", name: `s${i}`, change: { actions: ["create"], after: { name: "same", desired_count: 1, task_definition: "shop-api" }, after_unknown: {} } }))] })],
  ];
  return [...cases, ...raw].slice(0, 150);
}

function cloudFormationCases(): Array<[string, string]> {
  const swaps: Array<[string, string[]]> = [
    ['Cpu: "1024"', ["Cpu: !GetAtt X.Y", "Cpu: [1, 2]", "Cpu: !!js/function 'function(){}'", "Cpu: !Ref Missing", "Cpu: -5", "Cpu: 1e400", "Cpu: !Sub '${AWS::AccountId}'", "Cpu: ~", "Cpu: {a: 1}", "Cpu: '99999999'"]],
    ['Memory: "2048"', ["Memory: !ImportValue Shared", "Memory: abc", "Memory: !!python/object:os.system ls", "Memory: 0", "Memory: !If [Nope, 1, 2]", "Memory: !Select [9, [1]]", "Memory: !Join [1, 2]", "Memory: !FindInMap [Nope, a, b]", "Memory: '2 GB'", "Memory: !Base64 x"]],
    ["DesiredCount: !If [IsProduction, !Ref ApiDesiredCount, 1]", ["DesiredCount: -1", "DesiredCount: 1.5", "DesiredCount: !GetAtt A.B", "DesiredCount: huge", "DesiredCount: !Ref AWS::AccountId", "DesiredCount: [3]", "DesiredCount: !If [Loop, 1, 2]", "DesiredCount: 100001", "DesiredCount: !Sub '${ApiDesiredCount}'", "DesiredCount: !Unknown 3"]],
    ["TaskDefinition: !Ref ApiTaskDefinition", ["TaskDefinition: !Ref Nothing", "TaskDefinition: arn:aws:ecs:eu-west-1:1:task-definition/x:1", "TaskDefinition: !GetAtt ApiTaskDefinition.TaskDefinitionArn", "TaskDefinition: [a]", "TaskDefinition: ~", "TaskDefinition: !Ref ApiService", "TaskDefinition: {Ref: [1]}", "TaskDefinition: !Sub x", "TaskDefinition: 5", "TaskDefinition: !Ref ApiTaskDefinition\n      TaskDefinition: !Ref WorkerTaskDefinition"]],
    ["CpuArchitecture: ARM64", ["CpuArchitecture: MIPS", "CpuArchitecture: !Ref Environment", "CpuArchitecture: [ARM64]", "CpuArchitecture: 64", "CpuArchitecture: ~"]],
    ["SizeInGiB: 30", ["SizeInGiB: 500", "SizeInGiB: 10", "SizeInGiB: x", "SizeInGiB: !GetAtt A.B", "SizeInGiB: 20.5"]],
    ["- CapacityProvider: FARGATE_SPOT\n          Weight: 1", ["- CapacityProvider: FARGATE_SPOT\n          Weight: -1", "- CapacityProvider: 5\n          Weight: 1", "- Weight: 1", "- CapacityProvider: MyAsg\n          Weight: 1", "- CapacityProvider: FARGATE_SPOT\n          Weight: 1\n          Base: 9999999"]],
    ["Type: application", ["Type: gateway", "Type: !Ref Nope", "Type: [x]", "Type: network", "Type: ~"]],
    ["IsProduction: !Equals [!Ref Environment, production]", ["IsProduction: !Condition IsProduction", "IsProduction: !Equals [1]", "IsProduction: !Not [!Condition Missing]", "IsProduction: !And []", "IsProduction: yes"]],
  ];
  // Every other field the importer reads (and some it does not), with hostile YAML values.
  const keys = ["ServiceName: api", "LaunchType: FARGATE", "AssignPublicIp: DISABLED", "Family: !Sub shop-api-${Environment}", 'WorkerCpu: "512"', "Default: production"];
  const values = ["~", "[]", "{}", "!GetAtt A.B", "!!binary aGk=", "-1", "'x'", "!Ref Nope", "&x y", "!If [C]"];
  for (const key of keys) {
    const [name] = key.split(": ");
    swaps.push([key, values.map((v) => `${name}: ${v}`)]);
  }
  const cases: Array<[string, string]> = [];
  for (const [from, tos] of swaps) {
    if (!templateText.includes(from)) throw new Error(`template has no ${from}`);
    for (const to of tos) cases.push([`cfn ${to.slice(0, 40)}`, templateText.replace(from, to)]);
  }
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
  const raw: Array<[string, string]> = [
    ["cfn billion laughs", `${bomb}\nResources: {}\n`],
    ["cfn empty", ""],
    ["cfn just a string", "hello"],
    ["cfn list", "- a\n- b\n"],
    ["cfn no resources", "AWSTemplateFormatVersion: '2010-09-09'\n"],
    ["cfn resources list", "Resources: [a]\n"],
    ["cfn duplicate keys", "Resources:\n  A:\n    Type: AWS::ECS::Cluster\n  A:\n    Type: AWS::ECS::Cluster\n"],
    ["cfn js tag", "Resources: !!js/function 'function(){}'\n"],
    ["cfn python tag", "Resources: !!python/object/apply:os.system ['ls']\n"],
    ["cfn unknown local tag", "Resources:\n  A: !Custom {Type: x}\n"],
    ["cfn deep nesting", "a: " + "[".repeat(3000) + "]".repeat(3000) + "\n"],
    ["cfn tabs", "Resources:\n\tA: 1\n"],
    ["cfn binary", "\u0000\u0001Resources:\u0002"],
    ["cfn truncated json", JSON.stringify({ Resources: { A: { Type: "AWS::ECS::Service" } } }).slice(0, 20)],
    ["cfn json resource type wrong", JSON.stringify({ Resources: { A: { Type: 5 } } })],
    ["cfn json properties list", JSON.stringify({ Resources: { A: { Type: "AWS::ECS::Service", Properties: [1] } } })],
    ["cfn json only services", JSON.stringify({ Resources: { A: { Type: "AWS::ECS::Service", Properties: { TaskDefinition: { Ref: "A" } } } } })],
    ["cfn self-referencing conditions", "Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  S:\n    Type: AWS::ECS::Service\n    Condition: A\n"],
    ["cfn parameters list", "Parameters: [1]\nResources: {}\n"],
    ["cfn merge keys", "x: &x {Type: AWS::ECS::Cluster}\nResources:\n  A:\n    <<: *x\n"],
    ["cfn huge scalar", `Resources:\n  A:\n    Type: "${"x".repeat(200_000)}"\n`],
    ["cfn __proto__ key", "Resources:\n  __proto__:\n    Type: AWS::ECS::Service\n"],
    ["cfn complex key", "Resources:\n  ? [a, b]\n  : {Type: x}\n"],
    ["cfn deep Fn::If", `Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: ${"!If [C, ".repeat(80)}1${", 2]".repeat(80)}\n`],
    ["cfn many aliases", `a: &a 1\nb: [${Array.from({ length: 2000 }, () => "*a").join(", ")}]\nResources: {}\n`],
  ];
  return [...cases, ...raw].slice(0, 150);
}

function checkOutcome(name: string, out: IacImportOutcome): void {
  if (out.ok) {
    // A success is a valid estimate input, and anything not known is listed with its path.
    expect(parseEstimateInput(out.input).ok, name).toBe(true);
    for (const u of out.unresolved) expect(u.path.length, name).toBeGreaterThan(0);
    return;
  }
  expect(out.errors.length, name).toBeGreaterThan(0);
  for (const e of out.errors) {
    expect(typeof e.path, name).toBe("string");
    expect(e.path.length, name).toBeGreaterThan(0);
    expect(e.message.length, name).toBeGreaterThan(8);
    expect(e.message, name).not.toMatch(/undefined|\[object Object\]|TypeError|Cannot read prop/);
  }
}

describe("300 hostile IaC files: clear errors, no crash", () => {
  const tf = terraformCases();
  const cfn = cloudFormationCases();
  it("has 150 + 150 cases", () => {
    expect(tf).toHaveLength(150);
    expect(cfn).toHaveLength(150);
  });
  it("Terraform plans", () => {
    for (const [name, text] of tf) {
      let out: IacImportOutcome | undefined;
      expect(() => (out = importTerraformPlan(text)), name).not.toThrow();
      checkOutcome(name, out as IacImportOutcome);
    }
  });
  it("CloudFormation templates", () => {
    for (const [name, text] of cfn) {
      let out: IacImportOutcome | undefined;
      expect(() => (out = importCloudFormationTemplate(text, { region: "eu-west-1" })), name).not.toThrow();
      checkOutcome(name, out as IacImportOutcome);
    }
  });
  it("the bombs are refused with a reason", () => {
    const cases = new Map(cfn);
    expect(importCloudFormationTemplate(cases.get("cfn billion laughs") as string)).toMatchObject({ ok: false, errors: [{ path: "(file)", message: expect.stringMatching(/alias|values/) }] });
    expect(importCloudFormationTemplate(cases.get("cfn js tag") as string)).toMatchObject({ ok: false, errors: [{ path: "(file)", message: expect.stringContaining("Unresolved tag") }] });
    expect(importCloudFormationTemplate(cases.get("cfn duplicate keys") as string)).toMatchObject({ ok: false });
  });
});
