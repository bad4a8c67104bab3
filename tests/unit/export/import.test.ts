import { describe, expect, it } from "vitest";
import { parseImportedEstimate, MAX_IMPORT_BYTES } from "@/lib/export/import";
import { handMadeResult } from "./fixture";

describe("JSON import", () => {
  it("accepts an exported EstimateResult and restores its input", () => {
    const result = handMadeResult();
    const out = parseImportedEstimate(JSON.stringify(result));
    expect(out).toEqual({ ok: true, kind: "result", input: result.input });
  });

  it("accepts a bare EstimateInput and fills defaults", () => {
    const out = parseImportedEstimate(JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }));
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.kind).toBe("input");
      expect(out.input.services[0]?.usage).toEqual({ kind: "continuous", hoursPerMonth: 730 });
    }
  });

  it("lists every problem with its path (prefixed with input. for a result file)", () => {
    const result = handMadeResult() as unknown as { input: { services: Record<string, unknown>[] } };
    result.input.services[0]!.vcpu = "one";
    result.input.services[0]!.tasks = -1;
    const out = parseImportedEstimate(JSON.stringify(result));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors.map((e) => e.path)).toEqual(["input.services[0].vcpu", "input.services[0].tasks"]);
      expect(out.errors[1]?.message).toBe("must be >= 0");
    }
  });

  it("explains non-JSON, empty, non-object and oversized files", () => {
    const bad = (text: string) => {
      const out = parseImportedEstimate(text);
      if (out.ok) throw new Error("expected failure");
      return out.errors[0]!;
    };
    expect(bad("{not json").message).toMatch(/^is not valid JSON/);
    expect(bad("   ").message).toBe("is empty");
    expect(bad("[1,2]")).toEqual({ path: "(root)", message: "must be a JSON object: an estimate input or an exported estimate result" });
    expect(bad(" ".repeat(MAX_IMPORT_BYTES + 1)).message).toMatch(/too large/);
  });

  it("ignores a UTF-8 byte order mark", () => {
    expect(parseImportedEstimate("\ufeff" + JSON.stringify(handMadeResult())).ok).toBe(true);
  });
});
