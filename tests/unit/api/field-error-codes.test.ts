/**
 * The API names each field error's kind in `code`, beside its message (lib/field-errors.ts FIELD_ERROR_CODES;
 * README "API"): `{ path, code, message }`.
 */
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { FIELD_ERROR_CODES } from "@/lib/field-errors";

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body, headers }));

async function errorsOf(res: Response): Promise<Array<Record<string, unknown>>> {
  return ((await res.json()) as { errors: Array<Record<string, unknown>> }).errors;
}

describe("field errors carry a code beside the message", () => {
  it("a value that breaks the schema: invalid, keys path, code, message", async () => {
    const res = await post(JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: "api", vcpu: -1, memoryGiB: 2, tasks: 1 }] }));
    expect(res.status).toBe(400);
    const errors = await errorsOf(res);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(Object.keys(e)).toEqual(["path", "code", "message"]);
      expect(e.code).toBe("invalid");
    }
  });

  it("a region the catalogs do not have: invalid", async () => {
    const errors = await errorsOf(await post(JSON.stringify({ version: 1, region: "mars-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] })));
    expect(errors.map((e) => e.code)).toEqual(errors.map(() => "invalid"));
  });

  it("the body itself: invalid-json, empty-body, unsupported-media-type, too-large", async () => {
    const json = await post('{"version":1,');
    expect(json.status).toBe(400);
    expect((await errorsOf(json)).map((e) => e.code)).toEqual(["invalid-json"]);
    const empty = await post("");
    expect(empty.status).toBe(400);
    expect((await errorsOf(empty)).map((e) => e.code)).toEqual(["empty-body"]);
    const type = await post("{}", { "content-type": "text/plain" });
    expect(type.status).toBe(415);
    expect((await errorsOf(type)).map((e) => e.code)).toEqual(["unsupported-media-type"]);
    const big = await post(`{"pad":"${"x".repeat(256 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect((await errorsOf(big)).map((e) => e.code)).toEqual(["too-large"]);
  });

  it("every code sent is one of the documented set", () => {
    expect(FIELD_ERROR_CODES).toEqual(["invalid", "empty-body", "unreadable-body", "invalid-json", "too-large", "unsupported-media-type", "server-error"]);
  });
});
