import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogLookupError, unknownCatalogError, unknownRegionError } from "@/lib/catalog/errors";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine/estimate";
import { estimateFromDraft, estimateFromRaw, estimateWithLoader, inputFromDraft, readEstimateFile } from "@/lib/pipeline/estimate";
import { chooseCatalog, fetchRegionCatalog, regionCatalogUrl } from "@/lib/pipeline/region-catalog";
import { resolveCurrentSize, rightsizeFromForm, rightsizeWithLoader } from "@/lib/pipeline/rightsize";
import { DEFAULT_SETTINGS } from "@/lib/rightsize/recommend";
import { DEFAULT_RIGHTSIZE_FIELDS, rightsizeInputFromFields, withCurrentSize, withTaskDefinition } from "@/lib/rightsize/form";
import { MAX_TASK_DEFINITION_BYTES, readTaskDefinitionFile, taskDefinitionFields } from "@/lib/rightsize/task-definition";
import { analyzeUsageText } from "@/lib/rightsize/usage";
import { inputToDraft } from "@/lib/form/from-input";
import { fixtureCatalog, input } from "../engine/fixtures";

const catalog = fixtureCatalog();
const loader = (region: string, catalogId: string | undefined) => {
  if (region !== "us-east-1") throw unknownRegionError(region, "2026-11-26", ["us-east-1"]);
  if (catalogId !== undefined && catalogId !== "2026-11-26") throw unknownCatalogError(catalogId, ["2026-11-26"], "2026-11-26");
  return catalog;
};
const raw = { version: 1, region: "us-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] };

describe("estimate pipeline", () => {
  it("raw input -> the same result as the engine, and every failure as field errors", () => {
    const out = estimateFromRaw(raw, loader);
    expect(out.ok && out.result).toEqual(estimate(input({ services: raw.services }), catalog));
    // 1 vCPU x 730 h x 0.04048 + 2 GiB x 730 h x 0.004445 = 29.5504 + 6.4897 = 36.0401
    expect(out.ok && out.result.options[0]?.monthlyUSD).toBeCloseTo(36.0401, 9);

    expect(estimateFromRaw({ ...raw, services: [{ name: "api", vcpu: 500, memoryGiB: 2, tasks: 1 }] }, loader)).toEqual({
      ok: false,
      errors: [{ path: "services[0].vcpu", message: "must be <= 192 (largest EC2 task size)" }],
    });
    const region = estimateFromRaw({ ...raw, region: "eu-west-9" }, loader);
    expect(region.ok ? null : region.errors[0]?.path).toBe("region");
    const snapshot = estimateFromRaw({ ...raw, catalog: "2020-01-01" }, loader);
    expect(snapshot.ok ? null : snapshot.errors[0]).toMatchObject({ path: "catalog", message: expect.stringContaining("is not bundled") });
    const unknownType = estimateFromRaw({ ...raw, ec2: { instanceTypes: ["zz9.huge"] } }, loader);
    expect(unknownType.ok ? null : unknownType.errors[0]?.path).toBe("ec2.instanceTypes[0]");
  });

  it("a broken price file is the server's problem: rethrown, not reported as the caller's input", () => {
    const broken = () => {
      throw new CatalogLookupError("missing-file", "catalog/2026-11-26/us-east-1.json is missing", []);
    };
    expect(() => estimateWithLoader(input({ services: raw.services }), broken)).toThrow(/is missing/);
  });

  it("files go through the Import JSON reader: an exported result is re-estimated from its input", () => {
    const result = estimate(input({ services: raw.services }), catalog);
    const file = readEstimateFile(JSON.stringify(result));
    expect(file).toMatchObject({ ok: true, kind: "result" });
    expect(file.ok && file.input).toEqual(result.input);
    expect(readEstimateFile("{")).toMatchObject({ ok: false, errors: [{ path: "(file)" }] });
  });

  it("the form draft: text problems and schema problems, one message per field", () => {
    const draft = inputToDraft(input({ services: raw.services }));
    const good = estimateFromDraft(draft, catalog);
    expect(good.ok && good.result.options[0]?.monthlyUSD).toBeCloseTo(36.0401, 9);
    const bad = inputFromDraft({ ...draft, services: [{ ...draft.services[0]!, vcpu: "1,5", tasks: "-1" }] });
    expect(bad).toEqual({
      ok: false,
      errors: [
        { path: "services[0].vcpu", message: 'must be a number (got "1,5")' },
        { path: "services[0].tasks", message: "must be >= 0" },
      ],
    });
  });
});

describe("a region's prices in the browser", () => {
  it("fetches the static route and reports the route's own explanation", async () => {
    expect(regionCatalogUrl("2026-11-26", "us-east-1")).toBe("/api/catalog/2026-11-26/us-east-1");
    const parse = (json: unknown, label: string, expect_: { region: string; catalogId: string }) => ({ json, label, ...expect_ }) as never;
    const ok = await fetchRegionCatalog(async () => ({ ok: true, status: 200, json: async () => ({ x: 1 }) }), parse, "2026-11-26", "us-east-1");
    expect(ok).toEqual({ json: { x: 1 }, label: "2026-11-26/us-east-1", region: "us-east-1", catalogId: "2026-11-26" });
    await expect(
      fetchRegionCatalog(async () => ({ ok: false, status: 404, json: async () => ({ message: 'Region "xx-east-9" is not in price catalog' }) }), parse, "2026-11-26", "xx-east-9"),
    ).rejects.toThrow('Region "xx-east-9" is not in price catalog');
    await expect(
      fetchRegionCatalog(async () => ({ ok: false, status: 500, json: async () => Promise.reject(new Error("not json")) }), parse, "2026-11-26", "us-east-1"),
    ).rejects.toThrow("HTTP 500");
  });

  it("a link's snapshot is used when bundled; otherwise the newest is offered", () => {
    expect(chooseCatalog("2026-11-26", ["2026-11-26", "2026-12-01"], "2026-12-01")).toEqual({ bundled: true, catalogId: "2026-11-26" });
    expect(chooseCatalog(undefined, ["2026-11-26", "2026-12-01"], "2026-12-01")).toEqual({ bundled: true, catalogId: "2026-12-01" });
    expect(chooseCatalog("2020-01-01", ["2026-11-26"], "2026-11-26")).toEqual({ bundled: false, requested: "2020-01-01", newest: "2026-11-26" });
  });
});

describe("right-sizing pipeline", () => {
  const root = path.resolve(__dirname, "../../..");
  const underprovisioned = analyzeUsageText(readFileSync(path.join(root, "examples/usage/underprovisioned-api-container-insights.csv"), "utf8"));
  if (!underprovisioned.ok) throw new Error(underprovisioned.error);
  const usage = underprovisioned.summary;

  it("takes the current size from the file's CpuReserved/MemoryReserved unless one was given", () => {
    // CpuReserved 512 units / 1024 = 0.5 vCPU; MemoryReserved 1024 MiB / 1024 = 1 GiB.
    expect(resolveCurrentSize(usage, { vcpu: null, memoryGiB: null })).toEqual({
      vcpu: 0.5,
      memoryGiB: 1,
      fromFile: { vcpu: true, memoryGiB: true },
      notes: ["Current vCPU taken from the file's CpuReserved: 0.5 vCPU.", "Current memory taken from the file's MemoryReserved: 1 GiB."],
    });
    expect(resolveCurrentSize(usage, { vcpu: 2, memoryGiB: null })).toMatchObject({ vcpu: 2, memoryGiB: 1, fromFile: { vcpu: false, memoryGiB: true } });
    expect(resolveCurrentSize({ reserved: { cpuUnits: null, memoryMiB: null } }, { vcpu: null, memoryGiB: null })).toMatchObject({ vcpu: null, memoryGiB: null, notes: [] });
  });

  it("the underprovisioned example, as the page runs it: 0.5 vCPU / 1 GiB from the file -> under-provisioned, 1 vCPU / 2 GiB", () => {
    const real = loadRegionCatalog("us-east-1", "2026-11-26");
    const fields = withCurrentSize(DEFAULT_RIGHTSIZE_FIELDS, resolveCurrentSize(usage, { vcpu: null, memoryGiB: null }));
    expect(fields).toMatchObject({ vcpu: "0.5", memoryGiB: "1" });
    const out = rightsizeFromForm(fields, null, "2026-11-26", usage, real, DEFAULT_SETTINGS);
    if (!out.ok || !out.result) throw new Error("expected a recommendation");
    expect(out.result.current).toMatchObject({ vcpu: 0.5, memoryGiB: 1 });
    expect(out.result.finding).toBe("under-provisioned");
    expect(out.result.recommended).toMatchObject({ vcpu: 1, memoryGiB: 2, validFargateSize: true });
    // The CLI takes the same road and agrees.
    const cli = rightsizeWithLoader(usage, out.input, 0, () => real, DEFAULT_SETTINGS);
    expect(cli.ok && cli.result.recommended).toEqual(out.result.recommended);
  });

  it("form problems land on their field without parsing paths by regex; other services' problems stay general", () => {
    const out = rightsizeInputFromFields({ ...DEFAULT_RIGHTSIZE_FIELDS, vcpu: "abc", memoryGiB: "30000", tasks: "" }, null, "2026-11-26");
    expect(out).toEqual({
      ok: false,
      byField: { vcpu: 'must be a number (got "abc")', tasks: "is required", memoryGiB: "must be <= 24576 GiB" },
      other: [],
    });
    const base = { input: input({ services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }, { name: "b", vcpu: 1, memoryGiB: 2, tasks: 1 }] }), serviceIndex: 1 };
    const dup = rightsizeInputFromFields({ ...DEFAULT_RIGHTSIZE_FIELDS, name: "a" }, base, "2026-11-26");
    expect(dup).toEqual({ ok: false, byField: { name: 'must be unique: "a" is also the name of services[0]' }, other: [] });
  });

  it("task definition files: one size limit, then the same conversion and form fields on both pages", async () => {
    const tooBig = await readTaskDefinitionFile({ bytes: MAX_TASK_DEFINITION_BYTES + 1, text: () => "" });
    expect(tooBig).toEqual({
      ok: false,
      errors: [{ path: "(file)", message: `is too large (${MAX_TASK_DEFINITION_BYTES + 1} bytes; a task definition file is at most 1048576 bytes, 1 MiB)` }],
    });
    const td = JSON.stringify({ family: "api", cpu: "512", memory: "1 GB", containerDefinitions: [{ name: "app" }] });
    const ok = await readTaskDefinitionFile({ bytes: td.length, text: async () => td });
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    // 512 units / 1024 = 0.5 vCPU; "1 GB" = 1024 MiB = 1 GiB.
    expect(taskDefinitionFields(ok.service)).toEqual({ name: "api", vcpu: "0.5", memoryGiB: "1", architecture: "x86_64", os: "linux", ephemeralStorageGiB: "20" });
    expect(withTaskDefinition(DEFAULT_RIGHTSIZE_FIELDS, taskDefinitionFields(ok.service))).toMatchObject({ name: "api", vcpu: "0.5", tasks: "1", region: "us-east-1" });
    const unreadable = await readTaskDefinitionFile({ bytes: 10, text: () => Promise.reject(new Error("permission denied")) });
    expect(unreadable).toEqual({ ok: false, errors: [{ path: "(file)", message: "could not be read: permission denied" }] });
  });
});
