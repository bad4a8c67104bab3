import { describe, expect, it } from "vitest";
import { decodeShareToken } from "@/lib/share/codec";
import { EstimateInputSchema } from "@/lib/schemas/estimate";
import { hostileShareTokens } from "../../support/hostile";

describe("hostile share links (issue 6)", () => {
  const tokens = hostileShareTokens(20261126, 1200);

  it("decodes 1,200 generated hostile tokens without throwing; every refusal carries a message", () => {
    let refused = 0;
    for (const { label, token } of tokens) {
      let outcome: ReturnType<typeof decodeShareToken>;
      try {
        outcome = decodeShareToken(token);
      } catch (error) {
        throw new Error(`decodeShareToken threw for ${label}: ${String(error)}`);
      }
      if (outcome.ok) {
        // Only a link that really holds a valid input may pass (e.g. a harmless name with markup in it).
        expect(EstimateInputSchema.safeParse(outcome.input).success, label).toBe(true);
      } else {
        refused++;
        expect(outcome.problem.length, label).toBeGreaterThan(10);
      }
    }
    // The generator is built so that the vast majority are invalid; a decoder accepting them would be broken.
    expect(refused).toBeGreaterThan(1000);
  });

  it("never pollutes Object.prototype", () => {
    for (const { token } of tokens) decodeShareToken(token);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });
});
