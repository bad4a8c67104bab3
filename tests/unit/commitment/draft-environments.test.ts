/**
 * The form carries an input's environments unchanged (it has no editor for them yet), so an imported file or a
 * share link keeps the week the commitment is sized from; an input without them gives a draft and a raw input
 * without them (existing share links stay byte-identical).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inputToDraft } from "@/lib/form/from-input";
import { draftToRaw } from "@/lib/form/to-raw";
import { parseValidInput as parse } from "../../support/inputs";

const root = path.resolve(import.meta.dirname, "../../..");

describe("environments through the form", () => {
  it("round-trip unchanged", () => {
    const input = parse(JSON.parse(readFileSync(path.join(root, "examples", "business-hours-commitment.json"), "utf8")));
    const back = parse(draftToRaw(inputToDraft(input)).raw);
    expect(back.environments).toEqual(input.environments);
    expect(back).toEqual(input);
  });

  it("absent stays absent", () => {
    const input = parse({ version: 1, region: "us-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    const draft = inputToDraft(input);
    expect("environments" in draft).toBe(false);
    expect("environments" in draftToRaw(draft).raw).toBe(false);
  });
});
