/**
 * POST /api/estimate/regions and `estimate FILE --all-regions`: the whole snapshot (36 regions of 2026-12-01),
 * the same 4xx as POST /api/estimate, and hostile values of the new fields (requestsPerSecond, fromRequests)
 * answered with 400 and their paths in both routes.
 */
import { describe, expect, it } from "vitest";
import { POST as estimatePOST } from "@/app/api/estimate/route";
import { POST } from "@/app/api/estimate/regions/route";
import { MAX_BODY_BYTES } from "@/app/api/http";
import { main } from "@/bin/estimate";
import type { RegionComparison } from "@/lib/regions/compare";
import { runCli } from "../../support/cli";

const URL_ = "http://127.0.0.1/api/estimate/regions";
const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }, route = POST) =>
  route(new Request(URL_, { method: "POST", body, headers }));

const web = { version: 1, region: "eu-west-1", catalog: "2026-12-01", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2, requestsPerSecond: 10 }] };

async function errorsOf(res: Response): Promise<{ path: string; message: string }[]> {
  return ((await res.json()) as { errors: { path: string; message: string }[] }).errors;
}

describe("POST /api/estimate/regions", () => {
  it("200: every region of the snapshot, cheapest first, with the current region and the catalog", async () => {
    const res = await post(JSON.stringify(web));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as RegionComparison;
    expect(body.currentRegion).toBe("eu-west-1");
    expect(body.catalog).toBe("2026-12-01");
    expect(body.regions).toHaveLength(36);
    const totals = body.regions.filter((r) => r.cheapest).map((r) => r.cheapest!.monthlyUSD);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const current = body.regions.find((r) => r.current)!;
    expect(current.region).toBe("eu-west-1");
    // eu-west-1 Fargate: 2 tasks x 730 h x (0.04048 + 2 x 0.004445) = 72.0802; / (10 x 3600 x 730 / 1e6 = 26.28) = 2.7428...
    expect(current.cheapest).toMatchObject({ optionId: "fargate" });
    expect(current.cheapest?.monthlyUSD).toBeCloseTo(72.0802, 9);
    expect(current.cheapest?.costPer1MRequests).toBeCloseTo(72.0802 / 26.28, 9);
    expect(Object.keys(body).sort()).toEqual(["catalog", "currentRegion", "regions"]);
  });

  it("400/413/415 as POST /api/estimate: invalid JSON, unknown region, unknown snapshot, unknown instance type, size, content type", async () => {
    const bad = await post("{\"version\": 1,");
    expect(bad.status).toBe(400);
    expect((await errorsOf(bad))[0]?.path).toBe("(body)");
    const region = await post(JSON.stringify({ ...web, region: "mars-north-1" }));
    expect(region.status).toBe(400);
    expect((await errorsOf(region))[0]).toMatchObject({ path: "region" });
    const snapshot = await post(JSON.stringify({ ...web, catalog: "1999-01-01" }));
    expect(snapshot.status).toBe(400);
    expect((await errorsOf(snapshot))[0]).toMatchObject({ path: "catalog" });
    const typo = await post(JSON.stringify({ ...web, ec2: { instanceTypes: ["m5.lage"] } }));
    expect(typo.status).toBe(400);
    expect((await errorsOf(typo))[0]).toMatchObject({ path: "ec2.instanceTypes[0]" });
    const big = await post(JSON.stringify({ ...web, pad: "x".repeat(MAX_BODY_BYTES) }));
    expect(big.status).toBe(413);
    const type = await post(JSON.stringify(web), { "content-type": "text/plain" });
    expect(type.status).toBe(415);
    expect((await errorsOf(type))[0]?.path).toBe("(headers).content-type");
    const empty = await post("");
    expect(empty.status).toBe(400);
  });

  const lb = (extra: Record<string, unknown>) => ({ ...web, network: { loadBalancers: [{ name: "public", type: "alb", ...extra }] } });
  const hostile: Array<[string, unknown, string]> = [
    ["requestsPerSecond as text", { ...web, services: [{ ...web.services[0], requestsPerSecond: "10" }] }, "services[0].requestsPerSecond"],
    ["negative requestsPerSecond", { ...web, services: [{ ...web.services[0], requestsPerSecond: -1 }] }, "services[0].requestsPerSecond"],
    ["requestsPerSecond null", { ...web, services: [{ ...web.services[0], requestsPerSecond: null }] }, "services[0].requestsPerSecond"],
    ["requestsPerSecond above the limit", { ...web, services: [{ ...web.services[0], requestsPerSecond: 1e12 }] }, "services[0].requestsPerSecond"],
    ["fromRequests with typed new connections", lb({ newConnectionsPerSecond: 5, fromRequests: {} }), "network.loadBalancers[0].newConnectionsPerSecond"],
    ["fromRequests.bytesPerRequest with typed processed GB", lb({ processedGBPerHour: 1, fromRequests: { bytesPerRequest: 1000 } }), "network.loadBalancers[0].processedGBPerHour"],
    ["fromRequests naming an unknown service", lb({ fromRequests: { services: ["nope"] } }), "network.loadBalancers[0].fromRequests.services[0]"],
    ["fromRequests naming a service twice", lb({ fromRequests: { services: ["api", "api"] } }), "network.loadBalancers[0].fromRequests.services[1]"],
    ["fromRequests with an empty services list", lb({ fromRequests: { services: [] } }), "network.loadBalancers[0].fromRequests.services"],
    ["fromRequests.services not a list", lb({ fromRequests: { services: "api" } }), "network.loadBalancers[0].fromRequests.services"],
    ["negative bytesPerRequest", lb({ fromRequests: { bytesPerRequest: -5 } }), "network.loadBalancers[0].fromRequests.bytesPerRequest"],
    ["requestsPerConnection below 1", lb({ fromRequests: { requestsPerConnection: 0.5 } }), "network.loadBalancers[0].fromRequests.requestsPerConnection"],
    ["an unknown key in fromRequests", lb({ fromRequests: { keepAlive: true } }), "network.loadBalancers[0].fromRequests"],
    ["fromRequests as a string", lb({ fromRequests: "yes" }), "network.loadBalancers[0].fromRequests"],
    [
      "fromRequests when no service gives requests",
      { ...lb({ fromRequests: {} }), services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] },
      "network.loadBalancers[0].fromRequests",
    ],
    [
      "fromRequests naming a service without requests",
      { ...lb({ fromRequests: { services: ["worker"] } }), services: [...web.services, { name: "worker", vcpu: 1, memoryGiB: 2, tasks: 1 }] },
      "network.loadBalancers[0].fromRequests.services[0]",
    ],
  ];

  it.each(hostile)("400 names the field, in both routes: %s", async (_what, body, expected) => {
    for (const route of [POST, estimatePOST]) {
      const res = await post(JSON.stringify(body), { "content-type": "application/json" }, route);
      expect(res.status).toBe(400);
      const errors = await errorsOf(res);
      expect(errors.map((e) => e.path)).toContain(expected);
      for (const e of errors) expect(e.message.length).toBeGreaterThan(3);
    }
  });
});

describe("estimate FILE --all-regions", () => {
  const run = (argv: string[], stdin: string) => runCli(main, argv, stdin);

  it("JSON: the API's body", async () => {
    const { code, stdout } = await run(["-", "--all-regions"], JSON.stringify(web));
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as RegionComparison;
    expect(body.regions).toHaveLength(36);
    expect(body.currentRegion).toBe("eu-west-1");
  });

  it("table: region, location, cheapest option, monthly, difference, per 1M requests, unavailable; then the reasons", async () => {
    const input = { version: 1, region: "us-east-1", catalog: "2026-12-01", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2, requestsPerSecond: 10 }], ec2: { instanceTypes: ["m5.large"] } };
    const { code, stdout } = await run(["-", "--all-regions", "--format", "table"], JSON.stringify(input));
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("ECS cost in every region - price catalog 2026-12-01, current region us-east-1, cheapest option per region, sorted");
    expect(lines[2]).toMatch(/^Region\s+Location\s+Cheapest option\s+Monthly\s+Difference\s+Per 1M req\s+Unavailable$/);
    // us-east-1: Fargate 72.0802 -> $72.08, 72.0802 / 26.28 = 2.7428 -> $2.74; sa-east-1: EC2 116.25, +44.1698 = +$44.17 (+61%)
    const row = (region: string) => lines.find((l) => l.startsWith(`${region} `))!;
    expect(row("us-east-1")).toMatch(/^us-east-1 \*\s+US East \(N\. Virginia\)\s+Fargate \(on-demand\)\s+\$72\.08\s+current region\s+\$2\.74\s+-$/);
    expect(row("sa-east-1")).toMatch(/^sa-east-1\s+South America \(Sao Paulo\)\s+ECS on EC2 \(on-demand\)\s+\$116\.25\s+\+\$44\.17 \(\+61%\)\s+\$4\.42\s+-$/);
    // ap-east-2 sells no m5.large and has no Fargate Spot rate: the table says so and why.
    expect(row("ap-east-2")).toMatch(/listed EC2 types not sold; Fargate Spot; ECS on EC2 \(on-demand\); ECS Managed Instances \(on-demand\)$/);
    expect(stdout).toMatch(/Why unavailable:\n/);
    expect(stdout).toContain("  ap-east-2: ec2.instanceTypes: m5.large is not sold in ap-east-2 (price catalog 2026-12-01)");
    // sorted: the monthly column never goes down
    const monthly = lines.slice(4).filter((l) => /^[a-z]{2}-/.test(l)).map((l) => Number(/\$([\d,]+\.\d\d)/.exec(l)![1]!.replace(/,/g, "")));
    expect(monthly.length).toBe(36);
    expect(monthly).toEqual([...monthly].sort((a, b) => a - b));
  });

  it("exit 2 with paths for bad input; --budget is refused with --all-regions", async () => {
    const bad = await run(["-", "--all-regions"], JSON.stringify({ ...web, region: "mars-north-1" }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/region: /);
    const budget = await run(["-", "--all-regions", "--budget", "5"], JSON.stringify(web));
    expect(budget.code).toBe(2);
    expect(budget.stderr).toMatch(/--budget applies to one region/);
  });
});
