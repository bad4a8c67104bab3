import { describe, expect, it } from "vitest";
import { BoundedCache } from "@/lib/pipeline/bounded-cache";

const byLength = (k: string, v: string) => k.length + v.length;

describe("BoundedCache", () => {
  it("evicts the least recently used entry beyond maxEntries (a get refreshes an entry)", () => {
    const c = new BoundedCache<string>(2, 1000, byLength);
    c.set("a", "1");
    c.set("b", "2");
    expect(c.get("a")).toBe("1"); // a is now newer than b
    c.set("c", "3");
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe("1");
    expect(c.get("c")).toBe("3");
    expect(c.size).toBe(2);
  });

  it("keeps the total weight within maxWeight, evicting oldest first", () => {
    // weights: "k1"+"xxxx" = 6, "k2"+"yyyy" = 6, "k3"+"zzzzzz" = 8; budget 14 holds the two newest only (6 + 8)
    const c = new BoundedCache<string>(100, 14, byLength);
    c.set("k1", "xxxx");
    c.set("k2", "yyyy");
    expect(c.totalWeight).toBe(12);
    c.set("k3", "zzzzzz");
    expect(c.get("k1")).toBeUndefined();
    expect(c.get("k2")).toBe("yyyy");
    expect(c.totalWeight).toBe(14);
  });

  it("does not store an entry heavier than the whole budget, and replacing a key updates its weight", () => {
    const c = new BoundedCache<string>(10, 10, byLength);
    expect(c.set("big", "12345678")).toBe(false); // 3 + 8 = 11 > 10
    expect(c.size).toBe(0);
    c.set("k", "abc"); // 4
    c.set("k", "abcdefg"); // 8 replaces 4
    expect(c.totalWeight).toBe(8);
    expect(c.size).toBe(1);
    expect(c.set("k", "123456789xx")).toBe(false); // 12 > 10: the old entry is dropped too, never a stale answer
    expect(c.get("k")).toBeUndefined();
    expect(c.totalWeight).toBe(0);
  });

  it("never exceeds either bound under many random inserts", () => {
    const c = new BoundedCache<string>(50, 2000, byLength);
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      c.set(`key-${Math.floor(rnd() * 300)}`, "v".repeat(Math.floor(rnd() * 120)));
      expect(c.size).toBeLessThanOrEqual(50);
      expect(c.totalWeight).toBeLessThanOrEqual(2000);
    }
  });

  it("rejects bounds that are not positive", () => {
    expect(() => new BoundedCache<string>(0, 10, byLength)).toThrow(/maxEntries/);
    expect(() => new BoundedCache<string>(1, 0, byLength)).toThrow(/maxWeight/);
  });
});
