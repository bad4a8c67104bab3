import { describe, expect, it } from "vitest";
import { GET as inputSchema } from "@/app/schema/estimate-input.v1.json/route";
import { GET as resultSchema } from "@/app/schema/estimate-result.v1.json/route";
import { OPTION_IDS } from "@/lib/schemas/estimate";
import { REASON_CODES, WARNING_CODES } from "@/lib/schemas/messages";

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

  it("lists the option ids and the message codes as enums", async () => {
    type Node = { enum?: string[]; items?: Node; anyOf?: Node[]; properties?: Record<string, Node> };
    const s = (await resultSchema().json()) as { properties: Record<string, Node> };
    const enumOf = (n: Node | undefined): string[] | undefined => n?.enum ?? n?.anyOf?.map(enumOf).find((e) => e !== undefined);
    const option = s.properties.options?.items?.properties ?? {};
    // Eight ids: fargate, fargate-spot, fargate-mix, fargate-spot-interruptible, fargate-savings-plan, ec2,
    // ecs-managed-instances, eks-auto-mode.
    expect(enumOf(option.id)).toEqual([...OPTION_IDS]);
    expect(OPTION_IDS).toHaveLength(8);
    expect(enumOf(option.reasonCode)).toEqual([...REASON_CODES]);
    expect(enumOf(s.properties.warningCodes?.items)).toEqual([...WARNING_CODES]);
    const recommendation = s.properties.recommendation;
    expect(enumOf(recommendation?.anyOf?.find((n) => n.properties)?.properties?.optionId)).toEqual([...OPTION_IDS]);
  });
});
