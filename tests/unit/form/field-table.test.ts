/**
 * The field table (lib/form/fields.ts) drives both directions of the form: a new optional setting is one row, the
 * table's defaults are the contract's, and the form's text problems come in the form's order.
 */
import { describe, expect, it } from "vitest";
import { EC2_FIELDS } from "@/lib/form/fields";
import { readTable } from "@/lib/form/from-input";
import { defaultsOf } from "@/lib/form/table";
import { draftToRaw, numberReader, writeTable } from "@/lib/form/to-raw";
import { blankServiceDraft } from "@/lib/form/draft";
import type { FieldError } from "@/lib/field-errors";
import { blankDraft, parseValidInput } from "../../support/inputs";

describe("the form's field table", () => {
  it("a new optional EC2 setting is one row (gp3Iops): blank leaves it out, text is read with its problem under its path, an input's value comes back as text", () => {
    const table = EC2_FIELDS;
    const write = (draft: object) => {
      const errors: FieldError[] = [];
      const raw: Record<string, unknown> = {};
      writeTable(table, draft, raw, "ec2", "ec2", { num: numberReader(errors), errors });
      return { ec2: raw.ec2 as Record<string, unknown>, errors };
    };
    const blank = defaultsOf(table);
    expect(blank).not.toHaveProperty("gp3Iops");
    expect(write(blank).ec2).not.toHaveProperty("gp3Iops");
    expect(write({ ...blank, gp3Iops: "  " }).ec2).not.toHaveProperty("gp3Iops");
    expect(write({ ...blank, gp3Iops: "3000" }).ec2.gp3Iops).toBe(3000);
    expect(write({ ...blank, gp3Iops: "3k" }).errors).toEqual([{ path: "ec2.gp3Iops", message: 'must be a number (got "3k")' }]);
    expect(readTable(table, { purchase: "spot", gp3Iops: 4000 }, "", {})).toMatchObject({ purchase: "spot", gp3Iops: "4000" });
    expect(readTable(table, { purchase: "spot" }, "", {})).not.toHaveProperty("gp3Iops");
  });

  it("the EC2 table's defaults are the contract's: a blank form writes the ec2 block the schema would default to", () => {
    const draft = { ...blankDraft("2026-11-26"), ec2: defaultsOf(EC2_FIELDS) };
    const { raw, errors } = draftToRaw(draft);
    expect(errors).toEqual([]);
    const withoutEc2 = { ...raw };
    delete withoutEc2.ec2;
    expect(parseValidInput(raw).ec2).toEqual(parseValidInput(withoutEc2).ec2);
  });

  it("lists the text problems in the form's order: a service's size before its usage, the price book's percent before its overrides", () => {
    const service = { ...blankServiceDraft(1, "k1"), vcpu: "one", hoursPerMonth: "all" };
    const draft = {
      ...blankDraft("2026-11-26"),
      services: [service],
      discounts: { name: "", percent: "x", overrides: [{ key: "o", scope: "service" as const, id: "AmazonECS" as const, percent: "y" }] },
    };
    expect(draftToRaw(draft).errors.map((e) => e.path)).toEqual(["services[0].vcpu", "services[0].usage.hoursPerMonth", "discounts.percent", "discounts.byService.AmazonECS"]);
  });
});
