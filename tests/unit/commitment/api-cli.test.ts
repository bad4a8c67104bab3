/**
 * POST /api/commitment and `npm run -s estimate -- FILE --savings-plan`, on examples/business-hours-commitment.json
 * (the hand-computed case of golden.test.ts: 1 year $0.07899/h, 3 years $0.05431/h).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/commitment/route";
import { main } from "@/bin/estimate";
import type { CommitmentResult } from "@/lib/commitment";
import { runCli } from "../../support/cli";

const root = path.resolve(import.meta.dirname, "../../..");
const examplePath = path.join(root, "examples", "business-hours-commitment.json");
const example = readFileSync(examplePath, "utf8");

const post = (body: string, query = "", headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request(`http://127.0.0.1/api/commitment${query}`, { method: "POST", body, headers }));

const run = (argv: string[]) => runCli(main, argv);

describe("POST /api/commitment", () => {
  it("200: sizes the Fargate commitment by default", async () => {
    const res = await post(example);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CommitmentResult;
    expect(body.option.id).toBe("fargate");
    expect(body.catalog).toEqual({ id: "2026-12-01", region: "us-east-1" });
    expect(body.plans.map((p) => [p.term, p.recommended?.commitmentUSDPerHour])).toEqual([
      ["1y", 0.07899],
      ["3y", 0.05431],
    ]);
    expect(body.usage.hourlyOnDemandUSD).toHaveLength(168);
  });

  it("200: ?option=ec2 says why it is not available on the bundled prices", async () => {
    const res = await post(example, "?option=ec2");
    expect(res.status).toBe(200);
    const body = (await res.json()) as CommitmentResult;
    expect(body.available).toBe(false);
    expect(body.reason).toMatch(/No EC2 Savings Plans rates/);
  });

  it("400: an unknown option names the query parameter", async () => {
    const res = await post(example, "?option=lambda");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ path: "(query).option", code: "invalid", message: 'must be one of fargate, ec2 (got "lambda")' }] });
  });

  it("4xx with the estimate endpoint's checks: bad JSON, bad fields, wrong content type", async () => {
    const badJson = await post("{");
    expect(badJson.status).toBe(400);
    const badField = await post(JSON.stringify({ ...JSON.parse(example), environments: [{ name: "x", multiplier: -1 }] }));
    expect(badField.status).toBe(400);
    expect(((await badField.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain("environments[0].multiplier");
    const text = await post(example, "", { "content-type": "text/plain" });
    expect(text.status).toBe(415);
  });
});

describe("estimate CLI --savings-plan", () => {
  it("json: the commitment sizing", async () => {
    const { code, stdout } = await run([examplePath, "--savings-plan"]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as CommitmentResult;
    expect(body.plans[0]?.recommended?.commitmentUSDPerHour).toBe(0.07899);
  });

  it("table: commitment, coverage, spill-over, unused, net saving and break-even per term", async () => {
    const { code, stdout } = await run([examplePath, "--savings-plan", "--format", "table"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Commitment\s+\$0\.07899\/h\s+\$0\.47395\/h\s+\$0\.05431\/h\s+\$0\.32584\/h/);
    // 1y net saving: 3.31758 x 730 / 168 = $14.4157...; 3y: 7.464567 x 730 / 168 = $32.4355...
    expect(stdout).toMatch(/Net saving per month\s+\$14\.42\s+-\$145\.19\s+\$32\.44\s+-\$37\.07/);
    expect(stdout).toContain("break-even: 80% utilization = 134.4 fully used hours");
    expect(stdout).toMatch(/On-demand spill-over per month/);
    expect(stdout).toMatch(/Unused commitment per month/);
  });

  it("exit 2 for a bad option, or an option without --savings-plan", async () => {
    const bad = await run([examplePath, "--savings-plan", "--savings-plan-option", "lambda"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--savings-plan-option: must be one of fargate, ec2");
    const alone = await run([examplePath, "--savings-plan-option", "ec2"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--savings-plan-option needs --savings-plan");
  });

  it("without --savings-plan the output is the estimate, unchanged", async () => {
    const { stdout } = await run([examplePath]);
    expect(JSON.parse(stdout)).toHaveProperty("options");
    expect(JSON.parse(stdout)).not.toHaveProperty("plans");
  });
});
