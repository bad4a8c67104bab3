/**
 * The tools not driven in transports.test.ts, in-process through the SDK client (InMemoryTransport): compare,
 * right-sizing, the Terraform and CloudFormation imports, explain by share link and by topic, and the bound on
 * answer size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { filesMcpEnvironment } from "@/lib/mcp/environment";
import { MAX_STRUCTURED_RESULT_CHARS } from "@/lib/mcp/limits";
import { createMcpServer } from "@/lib/mcp/server";
import { boundedResult } from "@/lib/mcp/summaries";
import { estimateFromRaw } from "@/lib/pipeline/estimate";
import type { EstimateInputRaw } from "@/lib/schemas/estimate";
import { encodeShareToken } from "@/lib/share/codec";
import { ROOT, textOf } from "./harness";

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = (...p: string[]) => readFileSync(path.join(ROOT, ...p), "utf8");
const example = JSON.parse(read("examples", "api-web.json")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let client: Client;

beforeAll(async () => {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer(filesMcpEnvironment({ rootDir: ROOT, shareBaseUrl: "https://costs.example.test/" }));
  await server.connect(serverSide);
  client = new Client({ name: "vitest-in-memory", version: "1.0.0" });
  await client.connect(clientSide);
});

afterAll(async () => {
  await client.close();
});

const call = async (name: string, args: Record<string, unknown>) => {
  const result = await client.callTool({ name, arguments: args });
  return { result, s: result.structuredContent as Structured, text: textOf(result) };
};

describe("compare_estimates", () => {
  it("prices both sides and splits the change; a share link and an input compare like POST /api/compare", async () => {
    const grown = { ...example, services: example.services.map((s: Structured) => (s.name === "api" ? { ...s, tasks: 6 } : s)) };
    const { result, s, text } = await call("compare_estimates", { old: `https://costs.example.test/?s=${encodeShareToken(example as EstimateInputRaw)}`, new: grown, maxIncrease: 50 });
    expect(result.isError).toBeFalsy();
    expect(s.old.kind).toBe("share-link");
    expect(s.new.kind).toBe("input");
    // api on Fargate: 2 more tasks x 730 h x (1 x 0.04048 + 2 x 0.004445) = 1,460 x 0.04937 = 72.0802 -> +$72.08
    expect(s.recommended.deltaCents).toBe(7208);
    expect(s.threshold.exceeded).toBe(true);
    expect(s.catalog).toEqual({ old: "2026-12-01", new: "2026-12-01", repricing: "2026-12-01" });
    expect(text).toContain("Price catalogs: old 2026-12-01");
    expect(s.shareLinks.new).toMatch(/^https:\/\/costs\.example\.test\/\?s=v1\./);
  });

  it("names the side and field of a problem", async () => {
    const { result, s } = await call("compare_estimates", { old: example, new: { ...example, region: "nowhere" } });
    expect(result.isError).toBe(true);
    expect(s.errors[0].path).toBe("new.region");
  });
});

describe("rightsize", () => {
  it("takes the current size from the file's reservation and recommends a Fargate size", async () => {
    const { result, s, text } = await call("rightsize", { usage: read("examples", "usage", "steady-web-container-insights.csv"), region: "us-east-1", catalog: "2026-11-26" });
    expect(result.isError, text).toBeFalsy();
    expect(s.current).toMatchObject({ vcpu: 1, memoryGiB: 2 });
    expect(s.recommended.validFargateSize).toBe(true);
    expect(s.warnings).toContain("Current vCPU taken from the file's CpuReserved: 1 vCPU.");
    expect(s.catalog.id).toBe("2026-11-26");
    expect(text).toMatch(/^Right-sizing service in us-east-1: /);
  });

  it("right-sizes a service of an estimate and links the estimate with the new size applied", async () => {
    const { result, s } = await call("rightsize", { usage: read("examples", "usage", "steady-web-container-insights.csv"), input: example, service: "web" });
    expect(result.isError).toBeFalsy();
    expect(s.service).toBe("web");
    const token = decodeURIComponent(new URL(s.shareLinks.recommended).searchParams.get("s")!);
    const { decodeShareToken } = await import("@/lib/share/codec");
    const decoded = decodeShareToken(token);
    expect(decoded.ok && decoded.input.services[1]).toMatchObject({ name: "web", vcpu: s.recommended.vcpu, memoryGiB: s.recommended.memoryGiB });
    const bad = await call("rightsize", { usage: "x", input: example, service: "nope", region: "us-east-1" });
    expect(bad.result.isError).toBe(true);
  });
});

describe("infrastructure code", () => {
  it("import_terraform turns the example plan into an input and prices it like the pipeline", async () => {
    const { result, s, text } = await call("import_terraform", { plan: read("examples", "terraform", "plan.json") });
    expect(result.isError, text).toBeFalsy();
    expect(s.input.region).toBe("eu-west-1");
    const direct = estimateFromRaw(s.input, (r, c) => loadRegionCatalog(r, c));
    expect(direct.ok && JSON.parse(JSON.stringify(direct.result))).toEqual(s.result);
    expect(text).toMatch(/^Imported \d+ services? from a Terraform plan: /);
  });

  it("import_cloudformation reads the example template", async () => {
    const { result, s, text } = await call("import_cloudformation", { template: read("examples", "cloudformation", "shop.yaml"), region: "eu-central-1" });
    expect(result.isError, text).toBeFalsy();
    expect(s.input.region).toBe("eu-central-1");
    expect(s.services.length).toBeGreaterThan(0);
    const bad = await call("import_cloudformation", { template: "{" });
    expect(bad.result.isError).toBe(true);
    expect(bad.s.errors[0].path).toMatch(/^template/);
  });
});

describe("explain", () => {
  it("reads a share link and defaults to the recommended option", async () => {
    const { result, s } = await call("explain", { input: encodeShareToken(example as EstimateInputRaw) });
    expect(result.isError).toBeFalsy();
    expect(s.option.id).toBe("fargate");
    expect(s.rules[0].anchor).toBe("fargate-task-sizes");
  });

  it("answers a topic from the document", async () => {
    const { result, s, text } = await call("explain", { topic: "ENI limits" });
    expect(result.isError).toBeFalsy();
    expect(s.rules[0].anchor).toBe("eni-trunking");
    expect(text).toContain("tasks <= max ENIs - 1");
  });

  it("lists the options or lines there are when one is wrong", async () => {
    const { s } = await call("explain", { input: example, option: "fargate", line: "no such words" });
    expect(s.errors[0]).toEqual({ path: "line", code: "invalid", message: expect.stringContaining("0: Fargate vCPU (on-demand, x86_64) (api)") });
  });
});

describe("answer size", () => {
  it("keeps totals and drops the lines of a result above the limit", () => {
    const outcome = estimateFromRaw(JSON.parse(read("examples", "environments.json")), (r, c) => loadRegionCatalog(r, c));
    if (!outcome.ok) throw new Error("example invalid");
    const big = { ...outcome.result, warnings: [...outcome.result.warnings, "x".repeat(MAX_STRUCTURED_RESULT_CHARS)] };
    const bounded = boundedResult(big);
    expect(bounded.complete).toBe(false);
    expect(bounded.result.options.every((o) => o.lines.length === 0)).toBe(true);
    expect(bounded.result.options.map((o) => o.monthlyUSD)).toEqual(big.options.map((o) => o.monthlyUSD));
    expect(boundedResult(outcome.result).complete).toBe(true);
  });

  it("a 100-service estimate stays within the bounds", async () => {
    const services = Array.from({ length: 100 }, (_, i) => ({ name: `svc-${i}`, vcpu: [0.25, 0.5, 1, 2][i % 4], memoryGiB: [0.5, 1, 3, 8][i % 4], tasks: 1 + (i % 5) }));
    const { result, s, text } = await call("estimate", { version: 1, region: "us-east-1", services });
    expect(result.isError).toBeFalsy();
    expect(text.length).toBeLessThanOrEqual(12_000);
    expect(JSON.stringify(s.result).length).toBeLessThanOrEqual(MAX_STRUCTURED_RESULT_CHARS);
  });
});
