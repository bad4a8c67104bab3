/**
 * The MCP server through the SDK's own client, over stdio (the package bin, spawned) and over Streamable HTTP (the
 * real route on 127.0.0.1): the tools and resources it lists, and the answers of estimate, compare_regions,
 * explain and import_kubernetes against the same pipeline as POST /api/estimate.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleEstimate } from "@/app/api/estimate/handler";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimateFromRaw } from "@/lib/pipeline/estimate";
import { decodeShareToken } from "@/lib/share/codec";
import { connectHttp, connectStdio, ROOT, SHARE_BASE, startHttp, textOf, type Session } from "./harness";

const readmeExample = JSON.parse(readFileSync(path.join(ROOT, "examples", "api-web.json"), "utf8")) as Record<string, unknown>;
const manifests = readFileSync(path.join(ROOT, "examples", "k8s", "web-and-report.yaml"), "utf8");

const TOOL_NAMES = ["compare_estimates", "compare_regions", "estimate", "explain", "import_cloudformation", "import_kubernetes", "import_terraform", "rightsize"];

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let http: Awaited<ReturnType<typeof startHttp>>;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  http = await startHttp();
  const [stdio, overHttp] = await Promise.all([connectStdio(), connectHttp(http.url)]);
  sessions.stdio = stdio;
  sessions.http = overHttp;
});

afterAll(async () => {
  await Promise.all(Object.values(sessions).map((s) => s.close()));
  await http.close();
});

describe.each(["stdio", "http"])("MCP over %s", (transport) => {
  const client = () => sessions[transport]!.client;

  it("lists the eight tools, each with an object input schema derived from the zod schemas", async () => {
    const { tools } = await client().listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOL_NAMES);
    for (const t of tools) {
      expect(t.inputSchema.type).toBe("object");
      expect(t.description?.length).toBeGreaterThan(40);
    }
    // estimate's arguments are the published EstimateInput schema: the same properties and required fields.
    const estimate = tools.find((t) => t.name === "estimate")!;
    expect(Object.keys(estimate.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(["version", "region", "catalog", "services", "fargate", "ec2", "network", "eks", "environments"]));
    expect(estimate.inputSchema.required).toEqual(expect.arrayContaining(["version", "region", "services"]));
  });

  it("lists and reads the resources: both JSON Schemas, the catalog summary and the billing rules", async () => {
    const { resources } = await client().listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual([
      "ecs-estimator://catalog/summary.json",
      "ecs-estimator://docs/billing-rules.md",
      "ecs-estimator://schema/estimate-input.v1.json",
      "ecs-estimator://schema/estimate-result.v1.json",
    ]);
    const rules = await client().readResource({ uri: "ecs-estimator://docs/billing-rules.md" });
    expect((rules.contents[0] as { text: string }).text).toBe(readFileSync(path.join(ROOT, "docs", "billing-rules.md"), "utf8"));
    const catalog = JSON.parse(((await client().readResource({ uri: "ecs-estimator://catalog/summary.json" })).contents[0] as { text: string }).text);
    expect(catalog.newest).toBe("2026-12-01");
    expect(catalog.catalogs.find((c: { id: string }) => c.id === "2026-12-01").regions).toHaveLength(36);
    const input = JSON.parse(((await client().readResource({ uri: "ecs-estimator://schema/estimate-input.v1.json" })).contents[0] as { text: string }).text);
    expect(input.$id).toBe("/schema/estimate-input.v1.json");
  });

  it("estimate on the README example equals POST /api/estimate to the cent, names the catalog and gives a share link", async () => {
    const answer = await client().callTool({ name: "estimate", arguments: readmeExample });
    expect(answer.isError).toBeFalsy();
    const s = answer.structuredContent as Structured;
    const api = await handleEstimate(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(readmeExample), headers: { "content-type": "application/json" } }));
    expect(api.status).toBe(200);
    // The whole result, every line at full precision, is the API's.
    expect(s.result).toEqual(await api.json());
    expect(s.resultComplete).toBe(true);
    // Fargate on-demand, the newest catalog (2026-12-01) us-east-1 (AWS feed of 2025-10-27: $0.04048 per vCPU-hour, $0.004445 per GB-hour, 730 h):
    // api 4 tasks x 730 h = 2,920 task-hours: 2,920 x 1 x 0.04048 = 118.2016 + 2,920 x 2 x 0.004445 = 25.9588 -> 144.1604
    // web 3 tasks x 730 h = 2,190 task-hours: 2,190 x 0.5 x 0.04048 = 44.3256 + 2,190 x 1 x 0.004445 = 9.73455 -> 54.06015
    // total 198.22055 -> $198.22, rounded once (docs/billing-rules.md#money-rounding).
    const fargate = s.summary.options.find((o: { id: string }) => o.id === "fargate");
    expect(fargate.monthlyCents).toBe(19822);
    expect(fargate.monthlyUSD).toBeCloseTo(198.22055, 9);
    expect(fargate.recommended).toBe(true);
    const ec2 = s.summary.options.find((o: { id: string }) => o.id === "ec2");
    expect(ec2.plan.instances[0].boundBy).toBeTruthy();
    expect(s.catalog.id).toBe("2026-12-01");
    expect(s.catalog.region).toBe("us-east-1");
    const text = textOf(answer);
    expect(text).toContain("Price catalog 2026-12-01 for us-east-1");
    expect(text).toContain("$198.22  <- recommended");
    expect(text).toMatch(/plan: \d+ x [a-z0-9.]+ \(bound by /);
    expect(s.summary.warnings.map((w: { code: string }) => w.code)).toEqual(["burstable-surplus-credits", "fargate-spot-interruption", "ec2-operations", "derived-rate", "old-price"]);
    // The share link opens the same input on the page.
    expect(s.shareLink.startsWith(`${SHARE_BASE}/?s=v1.`)).toBe(true);
    const decoded = decodeShareToken(decodeURIComponent(new URL(s.shareLink).searchParams.get("s")!));
    expect(decoded.ok && decoded.input.services.map((x) => x.name)).toEqual(["api", "web"]);
  });

  it("bad input is a tool error with the API's field-path messages", async () => {
    const bad = { ...readmeExample, services: [{ ...(readmeExample.services as object[])[0], vcpu: 500 }] };
    const answer = await client().callTool({ name: "estimate", arguments: bad });
    expect(answer.isError).toBe(true);
    const api = await handleEstimate(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(bad), headers: { "content-type": "application/json" } }));
    expect(api.status).toBe(400);
    expect((answer.structuredContent as Structured).errors).toEqual(((await api.json()) as Structured).errors);
    expect(textOf(answer)).toContain("services[0].vcpu: ");
  });

  it("compare_regions ranks the 36 regions of the newest catalog, cheapest first", async () => {
    const { catalog: _dropped, ...newest } = readmeExample;
    void _dropped;
    const answer = await client().callTool({ name: "compare_regions", arguments: newest });
    expect(answer.isError).toBeFalsy();
    const s = answer.structuredContent as Structured;
    expect(s.catalog.id).toBe("2026-12-01");
    expect(s.ranking).toHaveLength(36);
    const totals = s.ranking.filter((r: Structured) => r.cheapest).map((r: Structured) => r.cheapest.monthlyUSD);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => a - b));
    expect(s.ranking[0].rank).toBe(1);
    expect(textOf(answer)).toMatch(/^The workload priced in 36 regions of price catalog 2026-12-01/);
    expect(textOf(answer)).toContain("<- current region");
  });

  it("explain gives the EC2 plan's rules, and a line's rule, formula, AWS source and price date", async () => {
    const plan = await client().callTool({ name: "explain", arguments: { input: readmeExample, option: "ec2" } });
    expect(plan.isError).toBeFalsy();
    const p = plan.structuredContent as Structured;
    expect(p.rules.map((r: { anchor: string }) => r.anchor)).toEqual(expect.arrayContaining(["ec2-packing", "cluster-auto-scaling", "ec2-purchase-options"]));
    expect(textOf(plan)).toContain("binding limit");
    expect(textOf(plan)).toContain("tasks per instance = min(floor(CPU units / task CPU), floor(registered MiB / task MiB), ENI limit)");

    const line = await client().callTool({ name: "explain", arguments: { input: readmeExample, option: "fargate", line: "vCPU" } });
    expect(line.isError).toBeFalsy();
    const l = line.structuredContent as Structured;
    expect(l.line.label).toBe("Fargate vCPU (on-demand, x86_64)");
    // api: 4 tasks x 730 h x 1 vCPU = 2,920 vCPU-hours at $0.04048 = $118.2016
    expect(l.line.quantity).toBe(2920);
    expect(l.line.usd).toBeCloseTo(118.2016, 9);
    expect(l.price).toMatchObject({ rateUSD: 0.04048, usageType: "USE1-Fargate-vCPU-Hours:perCPU", asOf: "2025-10-27" });
    expect(l.price.source.id).toBe("aws-ecs-feed-2025-10-27");
    expect(l.price.source.asOf).toBe("2025-10-27");
    const rule = l.rules.find((r: { anchor: string }) => r.anchor === "fargate-billing-duration");
    expect(rule.formulas).toContain("task-hours = tasks x hoursPerMonth");
    expect(rule.source).toContain("https://aws.amazon.com/fargate/pricing/");
    expect(textOf(line)).toContain("as of 2025-10-27");
  });

  it("import_kubernetes turns the example manifests into an EKS input and prices it like the pipeline", async () => {
    const answer = await client().callTool({ name: "import_kubernetes", arguments: { manifests, region: "eu-west-1" } });
    expect(answer.isError).toBeFalsy();
    const s = answer.structuredContent as Structured;
    expect(s.input.orchestrator).toBe("eks");
    expect(s.input.region).toBe("eu-west-1");
    expect(s.input.services.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["web", "report"]));
    const direct = estimateFromRaw(s.input, (region, id) => loadRegionCatalog(region, id));
    expect(direct.ok && s.result).toEqual(direct.ok ? JSON.parse(JSON.stringify(direct.result)) : null);
    expect(textOf(answer)).toMatch(/^Imported from Kubernetes manifests \(2 services\)/);
    expect(textOf(answer)).toContain("EKS estimate");

    const broken = await client().callTool({ name: "import_kubernetes", arguments: { manifests: "kind: Deployment\nspec: [" } });
    expect(broken.isError).toBe(true);
    expect((broken.structuredContent as Structured).errors[0].path).toMatch(/^manifests/);
  });
});
