import { describe, expect, it } from "vitest";
import { handleEstimate } from "@/app/api/estimate/handler";
import { hostileApiBodies, VALID_INPUT } from "../../support/hostile";

function post(body: string | Uint8Array<ArrayBuffer>, contentType = "application/json"): Request {
  return new Request("http://127.0.0.1/api/estimate", { method: "POST", body, headers: { "content-type": contentType } });
}

describe("hostile API bodies against the route handler (issue 6)", () => {
  it("answers 1,000 generated malformed bodies with a 4xx and a listed error, never a 5xx", async () => {
    const counts: Record<number, number> = {};
    for (const { label, body, contentType } of hostileApiBodies(6, 1000)) {
      const res = await handleEstimate(post(body, contentType));
      counts[res.status] = (counts[res.status] ?? 0) + 1;
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
      const payload = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(payload.errors.length, label).toBeGreaterThan(0);
      expect(JSON.stringify(payload), label).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    }
    expect(counts[413]).toBeGreaterThanOrEqual(2);
    expect(counts[400]).toBeGreaterThan(900);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("still computes correct answers afterwards", async () => {
    const res = await handleEstimate(post(JSON.stringify(VALID_INPUT)));
    expect(res.status).toBe(200);
    const result = (await res.json()) as { options: { id: string; monthlyUSD: number }[] };
    const fargate = result.options.find((o) => o.id === "fargate")!;
    // api: 4 tasks x 730 h x (1 x 0.04048 + 2 x 0.004445) = 2920 x 0.04937 = 144.1604
    // worker (arm64, scheduled): 2 tasks x 24 runs x (730/24) days x max(30 s, 60 s minimum) / 3600
    //   = 2 x 24 x 30.41667 x 60 / 3600 = 24.3333 task-hours x (0.5 x 0.03238 + 1 x 0.00356) = 24.3333 x 0.01975 = 0.480583
    expect(fargate.monthlyUSD).toBeCloseTo(144.1604 + 0.4805833, 4);
  });
});
