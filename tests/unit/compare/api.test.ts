/** POST /api/compare: the same report as the CLI; every bad request a 4xx naming the side and field. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/compare/route";
import { encodeShareToken } from "@/lib/share/codec";

const root = path.resolve(import.meta.dirname, "../../..");
const oldInput = JSON.parse(readFileSync(path.join(root, "tests/unit/compare/fixtures/trainer-old.json"), "utf8"));
const newInput = JSON.parse(readFileSync(path.join(root, "tests/unit/compare/fixtures/trainer-new.json"), "utf8"));

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://127.0.0.1/api/compare", { method: "POST", body, headers }));

describe("POST /api/compare", () => {
  it("200: the golden comparison (see compare.test.ts for the arithmetic) with the verdict", async () => {
    const res = await post(JSON.stringify({ old: `/?s=${encodeShareToken(oldInput)}`, new: newInput, maxIncreasePct: 10 }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.old.kind).toBe("share-link");
    expect(body.recommended).toMatchObject({ oldCents: 2_584_216, newCents: 3_463_019, priceDeltaCents: -852_707, inputDeltaCents: 1_731_510 });
    expect(body.threshold.exceeded).toBe(true);
  });

  it("400s name the side and the field", async () => {
    const cases: Array<[string, string]> = [
      ["{", "(body)"],
      ["[]", "(root)"],
      [JSON.stringify({ old: oldInput }), "new"],
      [JSON.stringify({ old: oldInput, new: 5 }), "new"],
      [JSON.stringify({ old: oldInput, new: newInput, maxIncrease: -1 }), "maxIncrease"],
      [JSON.stringify({ old: oldInput, new: newInput, extra: 1 }), "extra"],
      [JSON.stringify({ old: { ...oldInput, region: "xx-nowhere-9" }, new: newInput }), "old.region"],
      [JSON.stringify({ old: "v1.%%%", new: newInput }), "old"],
    ];
    for (const [body, pathName] of cases) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      const { errors } = await res.json();
      expect(errors.map((e: { path: string }) => e.path), body).toContain(pathName);
    }
  });

  it("415 for a non-JSON content type", async () => {
    expect((await post("x", { "content-type": "text/plain" })).status).toBe(415);
  });
});
