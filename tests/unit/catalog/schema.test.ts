/**
 * Catalog schema and loader: valid files load; corrupted or schema-drifted files fail naming the file and
 * the field; unknown catalog ids / regions give a message listing what exists.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CatalogLookupError } from "@/lib/catalog/errors";
import { clearCatalogCache, listBundledCatalogIds, loadCatalogIndex, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { parseCatalogList, parseJsonText, parseRegionCatalog } from "@/lib/catalog/parse";
import { CatalogFileError } from "@/lib/catalog/schema";
import { stableJson } from "@/lib/catalog/stable-json";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const FILE = path.join(ROOT, "data", "catalog", "2026-11-26", "us-east-1.json");
const fresh = () => JSON.parse(readFileSync(FILE, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemOf(fn: () => unknown): CatalogFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CatalogFileError) return err;
    throw err;
  }
  throw new Error("expected a CatalogFileError");
}

describe("parseRegionCatalog", () => {
  it("accepts the bundled us-east-1 file", () => {
    const c = parseRegionCatalog(fresh(), "us-east-1.json");
    expect(c.region).toBe("us-east-1");
    expect(c.billingPrefix).toBe("USE1");
  });

  it("drifted field name: names the file and the field path", () => {
    const j = fresh();
    j.fargate.linuxX86.vcpuHours = j.fargate.linuxX86.vcpuHour;
    delete j.fargate.linuxX86.vcpuHour;
    const e = problemOf(() => parseRegionCatalog(j, "catalog/2026-11-26/us-east-1.json"));
    expect(e.file).toBe("catalog/2026-11-26/us-east-1.json");
    expect(e.message).toContain("Price catalog file catalog/2026-11-26/us-east-1.json is invalid");
    const paths = e.problems.map((p) => p.path);
    expect(paths).toContain("fargate.linuxX86.vcpuHour");
    expect(paths).toContain("fargate.linuxX86");
    expect(e.message).toMatch(/vcpuHours/);
  });

  it("wrong types and values deep inside EC2 rows are reported with their index", () => {
    const j = fresh();
    j.ec2.instanceTypes[5].onDemandUSD = "0.096";
    j.ec2.instanceTypes[7].vcpu = -2;
    j.fargate.spotX86.gbHour.asOf = "29/09/2026";
    const e = problemOf(() => parseRegionCatalog(j, "x.json"));
    const paths = e.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["ec2.instanceTypes[5].onDemandUSD", "ec2.instanceTypes[7].vcpu", "fargate.spotX86.gbHour.asOf"]));
    expect(e.problems.find((p) => p.path === "fargate.spotX86.gbHour.asOf")?.message).toContain("YYYY-MM-DD");
  });

  it("a derived rate without a note, and a rate pointing at an undeclared source, are rejected", () => {
    const j = fresh();
    delete j.fargate.ephemeralStorageGbHour.note;
    j.fargate.ephemeralStorageGbHour.derived = true;
    expect(problemOf(() => parseRegionCatalog(j, "a.json")).problems).toContainEqual({
      path: "fargate.ephemeralStorageGbHour.note",
      message: "a derived rate must say how it was derived in note",
    });
    const k = fresh();
    k.fargate.linuxX86.gbHour.source = "nowhere";
    expect(problemOf(() => parseRegionCatalog(k, "b.json")).problems).toContainEqual({ path: "fargate.linuxX86.gbHour.source", message: 'refers to unknown source "nowhere"' });
  });

  it("a zero or missing rate is never accepted silently: unavailable needs a reason", () => {
    const j = fresh();
    j.fargate.linuxArm = { available: false };
    const e = problemOf(() => parseRegionCatalog(j, "c.json"));
    expect(e.problems.some((p) => p.path.startsWith("fargate.linuxArm"))).toBe(true);
    const k = fresh();
    k.fargate.linuxX86.vcpuHour.usd = -1;
    expect(problemOf(() => parseRegionCatalog(k, "d.json")).problems.map((p) => p.path)).toContain("fargate.linuxX86.vcpuHour.usd");
  });

  it("a file for another region or snapshot is refused", () => {
    const e = problemOf(() => parseRegionCatalog(fresh(), "eu-west-1.json", { region: "eu-west-1", catalogId: "2026-12-01" }));
    expect(e.problems.map((p) => p.path)).toEqual(["region", "catalogId"]);
  });

  it("not JSON: names the file", () => {
    const e = problemOf(() => parseJsonText('{"schemaVersion": 1,', "catalog/x/us-east-1.json"));
    expect(e.message).toContain("catalog/x/us-east-1.json");
    expect(e.problems[0]!.message).toContain("not valid JSON");
  });

  it("catalog list: newest must be listed", () => {
    const e = problemOf(() => parseCatalogList({ schemaVersion: 1, newest: "2027-01-01", catalogs: [{ id: "2026-11-26", createdAt: "2026-11-26", note: "x" }] }, "catalog/index.json"));
    expect(e.problems).toEqual([{ path: "newest", message: '"2027-01-01" is not in catalogs' }]);
  });
});

describe("stableJson", () => {
  it("sorts keys at every level, drops undefined, writes flat rows on one line, ends with a newline", () => {
    const text = stableJson({ b: 1, a: { d: [{ z: 1, y: null }], c: undefined } });
    expect(text).toBe('{\n "a": {\n  "d": [\n   {"y":null,"z":1}\n  ]\n },\n "b": 1\n}\n');
    expect(JSON.parse(text)).toEqual({ a: { d: [{ y: null, z: 1 }] }, b: 1 });
    expect(() => stableJson({ x: Number.NaN })).toThrow(/non-finite/);
  });
});

describe("fs-loader", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), "ecs-loader-")), "data");
    cpSync(path.join(ROOT, "data"), dataDir, { recursive: true });
    clearCatalogCache();
  });
  afterEach(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it("loads the newest snapshot by default and caches it; the older snapshot stays loadable", () => {
    expect(listBundledCatalogIds(dataDir)).toEqual(["2026-11-26", "2026-12-01"]);
    const a = loadRegionCatalog("eu-west-1", undefined, { dataDir });
    expect(a.catalogId).toBe("2026-12-01");
    expect(a.schemaVersion).toBe(2);
    expect(loadRegionCatalog("eu-west-1", "2026-12-01", { dataDir })).toBe(a);
    expect(loadCatalogIndex(undefined, { dataDir }).regions).toHaveLength(36);
    // schema 1 (2026-11-26) is upgraded in memory: same rates, the new slots say they are not in that snapshot
    const old = loadRegionCatalog("eu-west-1", "2026-11-26", { dataDir });
    expect(old.schemaVersion).toBe(2);
    expect(old.catalogId).toBe("2026-11-26");
    expect(loadCatalogIndex("2026-11-26", { dataDir }).regions).toHaveLength(22);
    expect(old.network.albHour).toEqual({ available: false, reason: "Load balancer rates are not in price snapshot 2026-11-26; use a newer snapshot" });
  });

  it("unknown region: typed error listing the regions", () => {
    let err: unknown;
    try {
      loadRegionCatalog("eu-west-9", undefined, { dataDir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CatalogLookupError);
    const e = err as CatalogLookupError;
    expect(e.kind).toBe("unknown-region");
    expect(e.message).toBe(`Region "eu-west-9" is not in price catalog 2026-12-01. Regions with prices: ${e.available.join(", ")}.`);
    expect(e.available).toContain("us-east-1");
    expect(e.available).toHaveLength(36);
  });

  it("unknown catalog id: typed error listing the ids and the newest", () => {
    expect(() => loadRegionCatalog("us-east-1", "2020-01-01", { dataDir })).toThrow('Price catalog "2020-01-01" is not bundled. Available catalogs: 2026-11-26, 2026-12-01 (newest: 2026-12-01).');
  });

  it("a corrupted region file fails loudly with the file and field (both schema versions)", () => {
    const v1 = path.join(dataDir, "catalog", "2026-11-26", "eu-west-2.json");
    const j1 = JSON.parse(readFileSync(v1, "utf8")) as { ec2: { instanceTypes: { trunkBranchEnis: unknown }[] } };
    j1.ec2.instanceTypes[2]!.trunkBranchEnis = "9";
    writeFileSync(v1, JSON.stringify(j1));
    expect(() => loadRegionCatalog("eu-west-2", "2026-11-26", { dataDir })).toThrow(/catalog\/2026-11-26\/eu-west-2\.json is invalid:\n {2}ec2\.instanceTypes\[2\]\.trunkBranchEnis:/);
    const file = path.join(dataDir, "catalog", "2026-12-01", "eu-west-2.json");
    const j = JSON.parse(readFileSync(file, "utf8")) as { ec2: { instanceTypes: { memoryMiB: unknown }[] } };
    j.ec2.instanceTypes[3]!.memoryMiB = null;
    writeFileSync(file, JSON.stringify(j));
    expect(() => loadRegionCatalog("eu-west-2", undefined, { dataDir })).toThrow(/catalog\/2026-12-01\/eu-west-2\.json is invalid:\n {2}ec2\.instanceTypes\[3\]\.memoryMiB:/);
    writeFileSync(path.join(dataDir, "catalog", "2026-12-01", "eu-west-3.json"), "{ truncated");
    expect(() => loadRegionCatalog("eu-west-3", undefined, { dataDir })).toThrow(/eu-west-3\.json is invalid:\n {2}\(root\): not valid JSON/);
  });

  it("a missing file says how to rebuild", () => {
    rmSync(path.join(dataDir, "catalog", "2026-12-01", "sa-east-1.json"));
    expect(() => loadRegionCatalog("sa-east-1", undefined, { dataDir })).toThrow(/sa-east-1\.json is missing .*npm run prices:build/);
  });
});
