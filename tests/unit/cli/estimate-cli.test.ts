/** The estimate CLI, run in-process through main(argv, io), plus one real subprocess run through npm. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { EstimateResultSchema } from "@/lib/schemas/estimate";
import { runCli } from "../../support/cli";

const root = path.resolve(import.meta.dirname, "../../..");

const run = (argv: string[], stdin = "") => runCli(main, argv, stdin);

const tmp = mkdtempSync(path.join(os.tmpdir(), "estimate-cli-"));
function file(name: string, content: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

const apiWeb = path.join(root, "examples", "api-web.json");

describe("estimate CLI", () => {
  const examples = readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".json"));

  it("ships at least 8 examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples)("examples/%s runs and prints a valid EstimateResult", async (name) => {
    const { code, stdout, stderr } = await run([path.join("examples", name)]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const parsed = EstimateResultSchema.safeParse(JSON.parse(stdout));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.recommendation).not.toBeNull();
  });

  it("--format table prints a readable summary", async () => {
    const { code, stdout } = await run([apiWeb, "--format", "table"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Fargate (on-demand)");
    expect(stdout).toContain("<- recommended");
    expect(stdout).toContain("EC2 plan:");
    expect(stdout).toMatch(/\$\d[\d,]*\.\d{2}/);
  });

  it("reads standard input with -", async () => {
    const { code, stdout } = await run(["-"], JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }));
    expect(code).toBe(0);
    // 1 vCPU x 730 x 0.04048 + 2 GB x 730 x 0.004445 = 29.5504 + 6.4897 = 36.0401
    expect(JSON.parse(stdout).options[0].monthlyUSD).toBeCloseTo(36.0401, 9);
  });

  it("accepts an exported EstimateResult and estimates its input again", async () => {
    const first = await run([apiWeb]);
    const again = await run([file("export.json", first.stdout)]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it("exits 2 listing every invalid field with its path", async () => {
    const bad = file("bad.json", JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: -1, memoryGiB: "x", tasks: 1 }], ec2: { networkMode: "nat" } }));
    const { code, stdout, stderr } = await run([bad]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("3 problems");
    expect(stderr).toContain("services[0].vcpu: must be >= 0.125");
    expect(stderr).toContain("services[0].memoryGiB:");
    expect(stderr).toContain("ec2.networkMode:");
  });

  it("exits 2 for invalid JSON, a missing file, an unknown region or instance type, and bad flags", async () => {
    const notJson = await run([file("broken.json", "{ version: 1,")]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("is not valid JSON");
    const missing = await run([path.join(tmp, "nope.json")]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain("no such file");
    const region = await run(["-"], JSON.stringify({ version: 1, region: "xx-north-9", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }));
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/region: Region "xx-north-9" is not in price catalog/);
    const catalogId = await run(["-"], JSON.stringify({ version: 1, region: "us-east-1", catalog: "2020-01-01", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }));
    expect(catalogId.code).toBe(2);
    expect(catalogId.stderr).toContain("catalog: Price catalog \"2020-01-01\" is not bundled");
    const type = await run(["-"], JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }], ec2: { instanceTypes: ["zz9.huge"] } }));
    expect(type.code).toBe(2);
    expect(type.stderr).toContain("ec2.instanceTypes[0]: zz9.huge is not in the us-east-1 price catalog");
    expect((await run([])).code).toBe(2);
    expect((await run([apiWeb, "--format", "xml"])).stderr).toContain("--format: expected json or table");
    expect((await run([apiWeb, "--budget", "lots"])).code).toBe(2);
    expect((await run([apiWeb, "--frobnicate"])).stderr).toContain("unknown option --frobnicate");
    expect((await run(["-"], "")).stderr).toContain("is not valid JSON");
  });

  it("exits 3 above the budget and 0 within it", async () => {
    const first = JSON.parse((await run([apiWeb])).stdout);
    const recommended = first.recommendation.monthlyUSD as number;
    const over = await run([apiWeb, "--budget", String(Math.floor(recommended) - 1)]);
    expect(over.code).toBe(3);
    expect(over.stderr).toContain("over budget");
    expect(over.stdout.length).toBeGreaterThan(0); // the estimate is still printed
    const within = await run([apiWeb, "--budget=" + String(Math.ceil(recommended) + 1)]);
    expect(within.code).toBe(0);
    expect(within.stderr).toBe("");
  });

  it("--catalog-dir points at another data directory", async () => {
    const ok = await run([apiWeb, "--catalog-dir", path.join(root, "data")]);
    expect(ok.code).toBe(0);
    const empty = await run([apiWeb, "--catalog-dir", tmp]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("missing");
  });

  it("works as a real process through npm run -s estimate (stdin, exit codes)", () => {
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
    const out = execFileSync("npm", ["run", "-s", "estimate", "--", "examples/api-web.json"], { cwd: root, env, encoding: "utf8" });
    expect(EstimateResultSchema.safeParse(JSON.parse(out)).success).toBe(true);
    const bad = spawnSync("npm", ["run", "-s", "estimate", "--", "-"], { cwd: root, env, input: '{"version":1}', encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("region:");
    const budget = spawnSync("npm", ["run", "-s", "estimate", "--", "examples/api-web.json", "--budget", "1"], { cwd: root, env, encoding: "utf8" });
    expect(budget.status).toBe(3);
  });
});
