/** `npm run -s estimate -- --k8s FILE`: manifests -> estimate (or --emit-input), notes on stderr, exit 2 on bad YAML. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { EstimateInputSchema, EstimateResultSchema } from "@/lib/schemas/estimate";
import { hostileManifests } from "@/tests/support/hostile-manifests";
import { runCli } from "../../support/cli";

const root = path.resolve(import.meta.dirname, "../../..");
const example = "examples/k8s/web-and-report.yaml";

const run = (argv: string[], stdin = "") => runCli(main, argv, stdin);

describe("estimate --k8s", () => {
  it("prices the example's Deployment and CronJob as two EKS services, with the import's notes on stderr", async () => {
    const out = await run(["--k8s", example]);
    expect(out.code).toBe(0);
    const result = EstimateResultSchema.parse(JSON.parse(out.stdout));
    expect(result.input.orchestrator).toBe("eks");
    expect(result.input.services.map((s) => [s.name, s.tasks, s.usage.kind])).toEqual([
      ["web", 3, "continuous"],
      ["report", 1, "scheduled"],
    ]);
    expect(out.stderr).toMatch(/^note: documents\[1\] \(Service\/web\): skipped/m);
  });

  it("--format table and --budget work as for a JSON input", async () => {
    const table = await run(["--k8s", example, "--format", "table"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/web: pod requests .* billed as 1 vCPU \/ 2 GiB/);
    const over = await run(["--k8s", example, "--budget", "1"]);
    expect(over.code).toBe(3);
    expect(over.stderr).toMatch(/over budget/);
  });

  it("--emit-input prints the converted input in the requested region and catalog", async () => {
    const out = await run(["--k8s", example, "--emit-input", "--region", "eu-west-1", "--catalog", "2026-12-01", "--daemonset-nodes", "4", "--job-seconds", "60"]);
    expect(out.code).toBe(0);
    const input = EstimateInputSchema.parse(JSON.parse(out.stdout));
    expect(input).toMatchObject({ region: "eu-west-1", catalog: "2026-12-01", orchestrator: "eks" });
  });

  it("reads standard input with -", async () => {
    const out = await run(["--k8s", "-", "--emit-input"], "kind: Pod\nmetadata: {name: solo}\nspec: {containers: [{name: a, resources: {requests: {cpu: 250m, memory: 512Mi}}}]}\n");
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).services[0]).toMatchObject({ name: "solo", vcpu: 0.25, memoryGiB: 0.5, tasks: 1 });
  });

  it("bad YAML: exit 2, every problem with its document and field on stderr, nothing on stdout", async () => {
    const out = await run(["--k8s", "-"], "kind: CronJob\nmetadata: {name: r}\nspec:\n  schedule: '0 0 * * 7'\n  jobTemplate: {spec: {template: {spec: {containers: [{name: a}]}}}}\n");
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toContain("standard input: invalid Kubernetes manifests (1 problem):\n  documents[0] (CronJob/r).spec.schedule: day of week field \"7\"");
  });

  it.each(hostileManifests().filter((_, i) => i % 20 === 0).map((c) => [c.label, c.text] as const))("hostile %s: exit 2 with the problems listed", async (_label, text) => {
    const out = await run(["--k8s", "-"], text);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/invalid Kubernetes manifests \(\d+ problems?\):\n {2}(\(file\)|documents\[\d+\])/);
  });

  it("refuses the import options without --k8s, and bad option values", async () => {
    expect((await run(["examples/api-web.json", "--region", "eu-west-1"])).stderr).toMatch(/--region applies only to --k8s, --terraform and --cloudformation/);
    expect((await run(["--k8s", example, "--daemonset-nodes", "-2"])).code).toBe(2);
    expect((await run(["--k8s", example, "--job-seconds", "x"])).stderr).toMatch(/--job-seconds: expected a whole number >= 1/);
    expect((await run(["--k8s", "no-such.yaml"])).stderr).toMatch(/cannot read no-such.yaml: no such file/);
  });

  it("runs through npm as the README shows", () => {
    const out = spawnSync("npm", ["run", "-s", "estimate", "--", "--k8s", example, "--emit-input"], { cwd: root, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).services).toHaveLength(2);
  }, 60_000);
});
