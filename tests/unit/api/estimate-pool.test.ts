/**
 * POST /api/estimate's worker threads (app/api/estimate/estimate-pool.ts). The real worker runs in the built
 * server (the standalone check and the browser suite post estimates to it); here: how many workers a server
 * starts, and that a worker that cannot run costs the client nothing: every answer is computed on the request
 * thread instead, the same bytes, and after 3 failures no more workers are tried.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { computeEstimateAnswer } from "@/app/api/estimate/answer";
import { estimateWorkerCount, MAX_ESTIMATE_WORKERS } from "@/app/api/estimate/estimate-pool";

describe("how many estimate workers", () => {
  it("one per core beyond the first, at most 4; ESTIMATE_WORKERS overrides (0 = none), anything else is ignored", () => {
    expect(estimateWorkerCount(undefined, 1)).toBe(0);
    expect(estimateWorkerCount(undefined, 2)).toBe(1);
    expect(estimateWorkerCount(undefined, 16)).toBe(MAX_ESTIMATE_WORKERS);
    expect(estimateWorkerCount("0", 8)).toBe(0);
    expect(estimateWorkerCount(" 2 ", 1)).toBe(2);
    expect(estimateWorkerCount("99", 2)).toBe(MAX_ESTIMATE_WORKERS);
    expect(estimateWorkerCount("two", 2)).toBe(1);
    expect(estimateWorkerCount("-1", 2)).toBe(1);
  });
});

describe("a worker that cannot run", () => {
  const runtime = process.env.NEXT_RUNTIME;
  afterAll(() => {
    if (runtime === undefined) delete process.env.NEXT_RUNTIME;
    else process.env.NEXT_RUNTIME = runtime;
  });

  it("every body is still answered, on the request thread, with the bytes computeEstimateAnswer gives", async () => {
    // As in the server, but here the worker script is TypeScript no bundler compiled: Node cannot start it.
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.ESTIMATE_WORKERS = "1";
    vi.resetModules();
    const { POST } = await import("@/app/api/estimate/route");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const bodies = [1, 2, 3, 4, 5].map((tasks) => JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: `w${tasks}`, vcpu: 1, memoryGiB: 2, tasks }] }));
    bodies.push("{ not json", JSON.stringify({ version: 1, region: "mars-1", services: [] }));
    try {
      for (const body of bodies) {
        const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body, headers: { "content-type": "application/json" } }));
        const expected = computeEstimateAnswer(body);
        if (expected.kind === "ok") {
          expect(res.status).toBe(200);
          expect(await res.text()).toBe(expected.json);
        } else {
          expect(res.status).toBe(400);
          expect(expected.kind).toBe("invalid");
        }
      }
      // The failures were logged, and the pool gave up after 3 (no endless restarts).
      const said = errors.mock.calls.map((c) => String(c[0]));
      expect(said.some((m) => m.includes("worker thread"))).toBe(true);
      expect(said.filter((m) => m.includes("worker thread")).length).toBeLessThanOrEqual(6);
    } finally {
      errors.mockRestore();
      delete process.env.ESTIMATE_WORKERS;
    }
  });
});
