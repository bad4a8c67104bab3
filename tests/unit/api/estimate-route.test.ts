import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { resultCache, seenBodies } from "@/app/api/estimate/handler";
import { MAX_BODY_BYTES } from "@/app/api/http";
import { EstimateResultSchema } from "@/lib/schemas/estimate";

const URL_ = "http://127.0.0.1/api/estimate";
const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request(URL_, { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit));

const oneService = {
  version: 1,
  region: "us-east-1",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }],
};

async function errorsOf(res: Response): Promise<{ path: string; message: string }[]> {
  const body = (await res.json()) as { errors: { path: string; message: string }[] };
  expect(Array.isArray(body.errors)).toBe(true);
  return body.errors;
}

describe("POST /api/estimate", () => {
  it("200: prices 1 vCPU / 2 GiB x 1 task, always on, on Fargate us-east-1 from the catalog rates", async () => {
    const res = await post(JSON.stringify(oneService));
    expect(res.status).toBe(200);
    const result = EstimateResultSchema.parse(await res.json());
    const fargate = result.options.find((o) => o.id === "fargate");
    // 1 vCPU x 730 h x 0.04048 = 29.5504; 2 GB x 730 h x 0.004445 = 6.4897; total 36.0401 (no storage above 20 GiB)
    expect(fargate?.monthlyUSD).toBeCloseTo(36.0401, 9);
    expect(result.input.catalog ?? result.catalog.id).toBe(result.catalog.id);
    expect(result.hoursPerMonth).toBe(730);
  });

  it("a body that comes again is answered from the bounded result cache with the same bytes and headers; a body seen once and errors are not kept", async () => {
    resultCache.clear();
    seenBodies.clear();
    const body = JSON.stringify(oneService);
    const first = await post(body);
    const firstText = await first.text();
    expect(first.status).toBe(200);
    // Seen once: priced, remembered as seen, its answer not kept.
    expect(resultCache.size).toBe(0);
    expect(seenBodies.size).toBe(1);
    const second = await post(body);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(firstText);
    expect(resultCache.size).toBe(1);
    const third = await post(body);
    expect(await third.text()).toBe(firstText);
    expect([...third.headers]).toEqual([...first.headers]);
    expect([...second.headers]).toEqual([...first.headers]);
    expect(first.headers.get("content-type")).toBe("application/json");
    const bad = JSON.stringify({ ...oneService, region: "mars-north-1" });
    expect((await post(bad)).status).toBe(400);
    expect((await post(bad)).status).toBe(400);
    expect(resultCache.size).toBe(1);
    // A stream of bodies that never come back leaves the answer cache as it was.
    for (let tasks = 2; tasks < 12; tasks++) expect((await post(JSON.stringify({ ...oneService, services: [{ ...oneService.services[0], tasks }] }))).status).toBe(200);
    expect(resultCache.size).toBe(1);
  });

  it("400: invalid JSON names the body", async () => {
    const res = await post("{\"version\": 1,");
    expect(res.status).toBe(400);
    const errors = await errorsOf(res);
    expect(errors[0]?.path).toBe("(body)");
    expect(errors[0]?.message).toMatch(/not valid JSON/);
  });

  it("400: every shape problem with its path", async () => {
    const res = await post(JSON.stringify({ ...oneService, services: [{ name: "", vcpu: "2", memoryGiB: 2, tasks: -3 }], extra: 1 }));
    expect(res.status).toBe(400);
    const paths = (await errorsOf(res)).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["services[0].name", "services[0].vcpu", "services[0].tasks"]));
    expect(paths.some((p) => p === "(root)" || p.includes("extra"))).toBe(true);
  });

  it("400: unknown region and unknown catalog id say what exists", async () => {
    const region = await post(JSON.stringify({ ...oneService, region: "mars-north-1" }));
    expect(region.status).toBe(400);
    const re = await errorsOf(region);
    expect(re[0]?.path).toBe("region");
    expect(re[0]?.message).toMatch(/us-east-1/);

    const cat = await post(JSON.stringify({ ...oneService, catalog: "1999-01-01" }));
    expect(cat.status).toBe(400);
    const ce = await errorsOf(cat);
    expect(ce[0]?.path).toBe("catalog");
    expect(ce[0]?.message).toMatch(/not bundled/);
  });

  it("400: an instance type the region does not have", async () => {
    const res = await post(JSON.stringify({ ...oneService, ec2: { instanceTypes: ["zz9.huge"] } }));
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.path).toBe("ec2.instanceTypes[0]");
  });

  it("400: empty body, non-object JSON, invalid UTF-8", async () => {
    expect((await post("")).status).toBe(400);
    const arr = await post("[1,2,3]");
    expect(arr.status).toBe(400);
    const bad = await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(bad.status).toBe(400);
    expect((await errorsOf(bad))[0]?.message).toMatch(/UTF-8/);
  });

  it("413: Content-Length above 256 kB is refused before reading", async () => {
    const res = await post(JSON.stringify(oneService), { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) });
    expect(res.status).toBe(413);
  });

  it("413: a body larger than 256 kB without (or with a lying) Content-Length is cut off while reading", async () => {
    const big = JSON.stringify({ ...oneService, pad: "x".repeat(MAX_BODY_BYTES) });
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
        controller.close();
      },
    });
    const res = await post(stream, { "content-type": "application/json" });
    expect(res.status).toBe(413);
    const lying = await post(big, { "content-type": "application/json", "content-length": "10" });
    expect([400, 413]).toContain(lying.status);
  });

  it("accepts exactly 256 kB of whitespace-padded JSON (the limit is inclusive)", async () => {
    const json = JSON.stringify(oneService);
    const res = await post(json + " ".repeat(MAX_BODY_BYTES - json.length));
    expect(res.status).toBe(200);
  });

  it("415: a non-JSON content type", async () => {
    const res = await post(JSON.stringify(oneService), { "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect((await errorsOf(res))[0]?.path).toBe("(headers).content-type");
  });

  it("never answers 5xx to hostile bodies", async () => {
    const bodies = [
      "null",
      "true",
      '"str"',
      "1e999",
      '{"__proto__": {"polluted": true}, "version": 1}',
      '{"constructor": {"prototype": {"x": 1}}}',
      "[".repeat(5000) + "]".repeat(5000),
      JSON.stringify({ ...oneService, services: Array.from({ length: 101 }, () => oneService.services[0]) }),
      JSON.stringify({ ...oneService, services: [{ ...oneService.services[0], vcpu: 1e308 }] }),
    ];
    for (const body of bodies) {
      const res = await post(body);
      expect(res.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.status, body.slice(0, 40)).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
