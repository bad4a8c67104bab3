import { describe, expect, it } from "vitest";
import { formatPct, formatQuantity, formatRate, formatUSD, formatUSDShort, isoDate } from "@/lib/format";

describe("display formatting", () => {
  it("rounds money to cents only for display and never prints NaN or -$0.00", () => {
    expect(formatUSD(29.5504)).toBe("$29.55");
    expect(formatUSD(1234.565)).toBe("$1,234.57");
    expect(formatUSD(-0.001)).toBe("$0.00");
    expect(formatUSD(Number.NaN)).toBe("—");
    expect(formatUSD(null)).toBe("—");
  });

  it("shows every catalog digit of a rate", () => {
    expect(formatRate(0.04048)).toBe("$0.04048");
    expect(formatRate(0.004445)).toBe("$0.004445");
    expect(formatRate(0.01288561)).toBe("$0.01288561");
    expect(formatRate(0.000111)).toBe("$0.000111");
    expect(formatRate(0.08)).toBe("$0.08");
    expect(formatRate(1.536)).toBe("$1.536");
    expect(formatRate(0)).toBe("$0");
  });

  it("formats quantities, percentages, axis money and UTC dates", () => {
    expect(formatQuantity(2920)).toBe("2,920");
    expect(formatQuantity(0.5)).toBe("0.5");
    expect(formatPct(81.4)).toBe("81%");
    expect(formatUSDShort(12_500)).toBe("$12.5k");
    expect(formatUSDShort(950.4)).toBe("$950");
    expect(isoDate(new Date("2026-11-26T23:30:00-05:00"))).toBe("2026-11-27");
  });
});
