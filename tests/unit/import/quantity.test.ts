/** Kubernetes quantities (lib/import/quantity.ts), with the examples of the Kubernetes documentation. */
import { describe, expect, it } from "vitest";
import { parseBytes, parseCpuMillicores, parseQuantity } from "@/lib/import/quantity";

const millicores = (raw: unknown) => {
  const out = parseCpuMillicores(raw);
  if (!out.ok) throw new Error(out.message);
  return out.millicores;
};
const bytes = (raw: unknown) => {
  const out = parseBytes(raw);
  if (!out.ok) throw new Error(out.message);
  return out.bytes;
};

describe("CPU quantities", () => {
  it.each([
    ["250m", 250],
    ["0.5", 500],
    ["1", 1000],
    ["2", 2000],
    ["1.5", 1500],
    [".5", 500],
    ["1.", 1000],
    ["+1", 1000],
    ["0", 0],
    ["-0", 0],
    [0.5, 500],
    [2, 2000],
    // "0.1m" is below the 3-decimal precision of a quantity: Kubernetes rounds it up to 1m.
    ["0.1m", 1],
    ["0.0001", 1],
    // 0.1 * 1000 is 100.00000000000001 in binary floating point: still 100m, not 101m.
    ["0.1", 100],
    ["1e-1", 100],
    ["2e0", 2000],
    ["1k", 1_000_000],
  ] as const)("%s -> %d millicores", (raw, expected) => {
    expect(millicores(raw)).toBe(expected);
  });

  it.each(["abc", "1Ki cpu", "-1", "-250m", "NaN", "Infinity", "", "1e", "1.2.3", "250 m", "1e1.5", "1KI", "m", "0x10"])("refuses %j with the expected form in the message", (raw) => {
    const out = parseCpuMillicores(raw);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/quantity|negative/);
  });

  it.each([Number.NaN, Infinity, -Infinity, -1, null, true, [], {}])("refuses the YAML value %j", (raw) => {
    expect(parseCpuMillicores(raw).ok).toBe(false);
  });

  it("refuses magnitudes Kubernetes cannot hold (above 2^63-1)", () => {
    expect(parseQuantity("1e400").ok).toBe(false);
    expect(parseQuantity("99999999999Ei").ok).toBe(false);
  });
});

describe("memory quantities", () => {
  // The Kubernetes documentation's example: these all mean about the same amount of memory.
  it.each([
    ["128974848", 128_974_848],
    ["129e6", 129_000_000],
    ["129M", 129_000_000],
    ["128974848000m", 128_974_848],
    ["123Mi", 123 * 2 ** 20], // = 128,974,848
    [128974848, 128_974_848],
    [129e6, 129_000_000],
  ] as const)("%s -> %d bytes", (raw, expected) => {
    expect(bytes(raw)).toBe(expected);
  });

  it.each([
    ["512Mi", 512 * 2 ** 20],
    ["1Gi", 2 ** 30],
    ["1G", 1e9],
    ["1.5Gi", 1.5 * 2 ** 30],
    ["64Ki", 65_536],
    ["1Ti", 2 ** 40],
  ] as const)("%s -> %d bytes", (raw, expected) => {
    expect(bytes(raw)).toBe(expected);
  });

  it("refuses a tiny 'm' amount as the classic typo for Mi, and says so", () => {
    const out = parseBytes("500m");
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain('"500Mi"');
  });

  it.each(["1 Gi", "1gi", "1Gb", "-1Gi", "abc", ""])("refuses %j", (raw) => {
    expect(parseBytes(raw).ok).toBe(false);
  });
});
