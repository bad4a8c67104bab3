import { describe, expect, it } from "vitest";
import { GET as inputSchema } from "@/app/schema/estimate-input.v1.json/route";
import { GET as resultSchema } from "@/app/schema/estimate-result.v1.json/route";

type Schema = { $schema: string; $id: string; type: string; required?: string[]; properties: Record<string, { required?: string[]; items?: Schema }> };

describe("JSON Schema routes", () => {
  it("publishes the input schema from the zod schema (defaults optional, fixed field names)", async () => {
    const res = inputSchema();
    expect(res.headers.get("content-type")).toMatch(/schema\+json/);
    const s = (await res.json()) as Schema;
    expect(s.$schema).toMatch(/2020-12/);
    expect(s.$id).toBe("/schema/estimate-input.v1.json");
    expect(s.required).toEqual(expect.arrayContaining(["version", "region", "services"]));
    expect(s.required).not.toContain("ec2"); // has a default
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(["version", "region", "catalog", "services", "fargate", "ec2"]));
  });

  it("publishes the result schema", async () => {
    const s = (await resultSchema().json()) as Schema;
    expect(s.$id).toBe("/schema/estimate-result.v1.json");
    expect(s.required).toEqual(expect.arrayContaining(["version", "input", "catalog", "hoursPerMonth", "options", "recommendation", "warnings"]));
  });
});
