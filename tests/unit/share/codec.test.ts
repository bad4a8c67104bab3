import { describe, expect, it } from "vitest";
import LZString from "lz-string";
import {
  decodeShareToken,
  encodeShareToken,
  MAX_SHARE_TOKEN_CHARS,
  shareTokenFromSearch,
  shareUrl,
} from "@/lib/share/codec";
import { parseEstimateInput, type EstimateInput } from "@/lib/schemas/estimate";

function sampleInput(name = "api"): EstimateInput {
  const parsed = parseEstimateInput({
    version: 1,
    region: "us-east-1",
    catalog: "2026-11-26",
    services: [
      { name, vcpu: 1, memoryGiB: 2, tasks: 4 },
      { name: "worker", vcpu: 0.5, memoryGiB: 1, architecture: "arm64", tasks: 2, usage: { kind: "scheduled", runsPerDay: 24, secondsPerRun: 45 } },
    ],
    ec2: { targetUtilizationPct: 90, minInstances: 2 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe("share codec", () => {
  it("round-trips an input exactly (numbers, defaults, catalog id)", () => {
    const input = sampleInput();
    const out = decodeShareToken(encodeShareToken(input));
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.input).toEqual(input);
  });

  it("keeps an XSS string as plain data", () => {
    const name = `<img src=x onerror="alert(1)">`;
    const out = decodeShareToken(encodeShareToken(sampleInput(name)));
    expect(out.ok && out.input.services[0]?.name).toBe(name);
  });

  it("refuses a wrong version", () => {
    const token = "v2." + LZString.compressToEncodedURIComponent(JSON.stringify(sampleInput()));
    const out = decodeShareToken(token);
    expect(out).toMatchObject({ ok: false, kind: "wrong-version" });
  });

  it("refuses a token without a version prefix", () => {
    expect(decodeShareToken("hello")).toMatchObject({ ok: false, kind: "malformed" });
    expect(decodeShareToken("")).toMatchObject({ ok: false, kind: "malformed" });
  });

  it("refuses a truncated token", () => {
    const token = encodeShareToken(sampleInput());
    const out = decodeShareToken(token.slice(0, Math.floor(token.length / 2)));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(["truncated", "invalid"]).toContain(out.kind);
  });

  it("refuses an oversized token before decompressing it", () => {
    const out = decodeShareToken("v1." + "A".repeat(MAX_SHARE_TOKEN_CHARS));
    expect(out).toMatchObject({ ok: false, kind: "oversized" });
  });

  it("refuses characters outside the lz-string URI alphabet (tampered)", () => {
    const out = decodeShareToken(encodeShareToken(sampleInput()) + "<script>");
    expect(out).toMatchObject({ ok: false, kind: "tampered" });
  });

  it("lists every schema problem of a tampered but decodable token with its path", () => {
    const bad = { ...sampleInput(), services: [{ name: "", vcpu: -1, memoryGiB: 2, tasks: 1 }] };
    const out = decodeShareToken(encodeShareToken(bad as never));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.kind).toBe("invalid");
      const paths = out.errors.map((e) => e.path);
      expect(paths).toContain("services[0].name");
      expect(paths).toContain("services[0].vcpu");
    }
  });

  it("never throws on random strings", () => {
    let seed = 7;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    for (let i = 0; i < 500; i++) {
      let body = "";
      const len = (i * 37) % 400;
      for (let j = 0; j < len; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        body += alphabet[seed % alphabet.length];
      }
      const out = decodeShareToken("v1." + body);
      expect(typeof out.ok).toBe("boolean");
    }
  });

  it("reads the token back from a query string even though '+' becomes a space", () => {
    const input = sampleInput();
    const url = new URL(shareUrl("http://127.0.0.1:3123", "/", input));
    const token = shareTokenFromSearch(url.search);
    expect(token).toBe(encodeShareToken(input));
    expect(shareTokenFromSearch("?x=1")).toBeNull();
  });
});
