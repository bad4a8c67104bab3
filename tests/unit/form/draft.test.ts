import { describe, expect, it } from "vitest";
import { mergeFieldErrors } from "@/lib/field-errors";
import { draftToRaw, splitInstanceTypes } from "@/lib/form/to-raw";
import { parseNumberText } from "@/lib/number-text";
import { inputToDraft } from "@/lib/form/from-input";
import { parseEstimateInput } from "@/lib/schemas/estimate";

const input = (() => {
  const p = parseEstimateInput({
    version: 1,
    region: "eu-west-1",
    catalog: "2026-11-26",
    services: [
      { name: "api", vcpu: 0.1 + 0.2, memoryGiB: 2, tasks: 3.5, fargateCapacityProviders: { base: 1, fargateWeight: 1, spotWeight: 3 } },
      { name: "batch", vcpu: 2, memoryGiB: 4, os: "linux", tasks: 1, usage: { kind: "scheduled", runsPerDay: 1.5, secondsPerRun: 45, daysPerMonth: 22 } },
      { name: "cron", vcpu: 0.25, memoryGiB: 0.5, tasks: 1, usage: { kind: "scheduled", runsPerDay: 24, secondsPerRun: 30 } },
    ],
    fargate: { savingsPlan: "compute-3y" },
    ec2: { purchase: "spot", instanceTypes: ["m7g.large", "c7g.large"], targetUtilizationPct: 85, minInstances: 3, networkMode: "bridge", eniTrunking: true, rootVolumeGiB: 40 },
  });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
})();

describe("form draft", () => {
  it("input -> draft -> input gives back exactly the same input (floats included)", () => {
    const { raw, errors } = draftToRaw(inputToDraft(input));
    expect(errors).toEqual([]);
    const back = parseEstimateInput(raw);
    expect(back.ok && back.value).toEqual(input);
  });

  it("keeps the default days per month implicit (empty text field)", () => {
    const d = inputToDraft(input);
    expect(d.services[2]?.daysPerMonth).toBe("");
    expect(d.services[1]?.daysPerMonth).toBe("22");
  });

  it("reports unreadable numbers with the schema's path and keeps the rest", () => {
    const d = inputToDraft(input);
    d.services[0]!.vcpu = "abc";
    d.services[1]!.tasks = "";
    d.ec2.minInstances = "0x10";
    const { errors } = draftToRaw(d);
    expect(errors).toEqual([
      { path: "services[0].vcpu", message: 'must be a number (got "abc")' },
      { path: "services[1].tasks", message: "is required" },
      { path: "ec2.minInstances", message: 'must be a number (got "0x10")' },
    ]);
  });

  it("parses plain decimals only", () => {
    expect(parseNumberText(" 1.5 ")).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberText(".5")).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberText("1e3")).toEqual({ ok: true, value: 1000 });
    expect(parseNumberText("1,5").ok).toBe(false);
    expect(parseNumberText("Infinity").ok).toBe(false);
    expect(parseNumberText("1e999").ok).toBe(false);
  });

  it("splits instance type lists on commas and spaces", () => {
    expect(splitInstanceTypes(" m7g.large, c7g.large  r7g.large,,")).toEqual(["m7g.large", "c7g.large", "r7g.large"]);
    expect(splitInstanceTypes("")).toEqual([]);
  });

  it("merges errors one per path, text-reading first", () => {
    expect(
      mergeFieldErrors([{ path: "a", message: "is required" }], [{ path: "a", message: "expected number" }, { path: "b", message: "x" }]),
    ).toEqual([{ path: "a", message: "is required" }, { path: "b", message: "x" }]);
  });
});
