/**
 * The open-panel state of a share link rides next to the token (issue 21), so old links keep decoding to the
 * same numbers: the fixtures of tests/fixtures/exports-2026-11-26 made into links, with and without `open`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { shareTokenFromSearch } from "@/lib/share/codec-url";
import { openPanelsFromSearch, openPanelsParam } from "@/lib/share/open-panels";
import { parseImportedEstimate } from "@/lib/export/import";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/exports-2026-11-26");

describe("open panels in a share link", () => {
  it("reads the ids it knows, in page order, and ignores the rest", () => {
    expect(openPanelsFromSearch("?s=v1.abc&open=network,ec2,unknown,network")).toEqual(["ec2", "network"]);
    expect(openPanelsFromSearch("?s=v1.abc")).toEqual([]);
    expect(openPanelsFromSearch("?open=")).toEqual([]);
  });

  it("writes a parameter only when a panel is open", () => {
    expect(openPanelsParam([])).toBe("");
    expect(openPanelsParam(["breakdown", "ec2", "ec2"])).toBe("&open=ec2,breakdown");
  });

  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith(".json")))("%s: the link decodes to the same input with or without open panels", (file) => {
    const imported = parseImportedEstimate(readFileSync(path.join(FIXTURES, file), "utf8"));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const token = encodeShareToken(imported.input);
    const plain = `?s=${token}`;
    const withOpen = `${plain}${openPanelsParam(["ec2", "network", "regions"])}`;
    expect(shareTokenFromSearch(withOpen)).toBe(shareTokenFromSearch(plain));
    const a = decodeShareToken(shareTokenFromSearch(plain) as string);
    const b = decodeShareToken(shareTokenFromSearch(withOpen) as string);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.input).toEqual(a.input);
    expect(openPanelsFromSearch(withOpen)).toEqual(["ec2", "network", "regions"]);
  });
});
