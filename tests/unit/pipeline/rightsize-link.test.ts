import { describe, expect, it } from "vitest";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { applySizeHref, readRightsizeLink, rightsizeHref } from "@/lib/pipeline/rightsize-link";
import { input } from "../engine/fixtures";

const estimate = { ...input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }, { name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 2 }] }), catalog: "2026-11-26" };
const token = encodeShareToken(estimate);
const search = (s: string) => s.slice(s.indexOf("?"));

describe("links between the estimator and right-sizing", () => {
  it("opens the named service of the estimate with its fields", () => {
    const link = readRightsizeLink(search(rightsizeHref(token, 1)), ["2026-11-26"], "2026-11-26");
    expect(link).toMatchObject({ kind: "ok", serviceProblem: null, catalogNote: null, base: { serviceIndex: 1 } });
    expect(link.kind === "ok" && link.fields).toEqual({ name: "worker", vcpu: "0.5", memoryGiB: "1", architecture: "x86_64", os: "linux", ephemeralStorageGiB: "20", tasks: "2", region: "us-east-1" });
  });

  it("falls back to service 0 and the newest snapshot, saying why", () => {
    const old = encodeShareToken({ ...estimate, catalog: "2020-01-01" });
    const link = readRightsizeLink(`?s=${encodeURIComponent(old)}&service=7`, ["2026-11-26"], "2026-11-26");
    expect(link).toMatchObject({
      kind: "ok",
      base: { serviceIndex: 0, input: { catalog: "2026-11-26" } },
      serviceProblem: 'The link names service "7", but the estimate has 2 service(s) (0 to 1); showing service 0.',
      catalogNote: "The estimate was made with price catalog 2020-01-01, which this app does not bundle; prices below use the newest catalog 2026-11-26.",
    });
  });

  it("no link, or a damaged one", () => {
    expect(readRightsizeLink("", ["2026-11-26"], "2026-11-26")).toEqual({ kind: "none" });
    expect(readRightsizeLink("?s=v1.%%%", ["2026-11-26"], "2026-11-26")).toMatchObject({ kind: "invalid" });
  });

  it("Apply opens the estimator with only that service resized", () => {
    const href = applySizeHref(estimate, 1, { vcpu: 0.25, memoryGiB: 0.5 });
    const decoded = decodeShareToken(decodeURIComponent(href.slice("/?s=".length)));
    expect(decoded.ok && decoded.input.services.map((s) => [s.name, s.vcpu, s.memoryGiB])).toEqual([
      ["api", 1, 2],
      ["worker", 0.25, 0.5],
    ]);
  });
});
