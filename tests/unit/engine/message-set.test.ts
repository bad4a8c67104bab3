import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MessageSet, sameJson } from "../../../lib/engine/messages";
import { bare, message, type WarningMessage } from "../../../lib/schemas/messages";

// The set compares messages by code, then by their whole serialized form: same order and the same
// de-duplication as keying every message by JSON.stringify (what it did before issue 23).
const spot = bare("fargate-spot-interruption");
const ops = bare("ec2-operations");
const nodes = message("ec2-spot-interruption", { hosts: "nodes" });
const instances = message("ec2-spot-interruption", { hosts: "instances" });
const codes = (set: MessageSet) => [...set].map((m) => JSON.stringify(m));

describe("MessageSet", () => {
  it("keeps the first of equal messages, in the order first added", () => {
    const set = new MessageSet();
    for (const m of [spot, nodes, ops, message("ec2-spot-interruption", { hosts: "nodes" }), instances, bare("fargate-spot-interruption")]) set.add(m);
    expect(codes(set)).toEqual([spot, nodes, ops, instances].map((m) => JSON.stringify(m)));
    expect(set.has(message("ec2-spot-interruption", { hosts: "instances" }))).toBe(true);
    expect(set.has(message("ec2-spot-interruption", { hosts: "pods" } as never))).toBe(false);
  });

  it("replace puts the new message where the old one was", () => {
    const set = new MessageSet();
    [spot, nodes, ops].forEach((m) => set.add(m));
    set.replace(nodes, instances);
    expect(codes(set)).toEqual([spot, instances, ops].map((m) => JSON.stringify(m)));
  });

  it("replace keeps an equal message already earlier and drops the old one", () => {
    const set = new MessageSet();
    [instances, spot, nodes].forEach((m) => set.add(m));
    set.replace(nodes, instances);
    expect(codes(set)).toEqual([instances, spot].map((m) => JSON.stringify(m)));
  });

  it("replace moves an equal message found later up to the old one's place", () => {
    const set = new MessageSet();
    [nodes, spot, instances].forEach((m) => set.add(m));
    set.replace(nodes, instances);
    expect(codes(set)).toEqual([instances, spot].map((m) => JSON.stringify(m)));
  });

  it("replace of a message not in the set adds the new one at the end (once)", () => {
    const set = new MessageSet();
    [spot, instances].forEach((m) => set.add(m));
    set.replace(nodes, instances);
    set.replace(nodes, ops);
    expect(codes(set)).toEqual([spot, instances, ops].map((m) => JSON.stringify(m as WarningMessage)));
  });
});

describe("sameJson: JSON.stringify(a) === JSON.stringify(b) without the strings", () => {
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom(0, -0, 1, 0.1 + 0.2, NaN, Infinity, -Infinity, null, undefined, true, false, "", "a", "b"),
      fc.array(tie("v"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("a", "b", "c"), tie("v"), { maxKeys: 3 }),
    ),
  })).v;
  it("agrees with comparing the serialized texts, on equal, near-equal and unrelated values", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        const copy = JSON.parse(JSON.stringify({ a }) ?? "{}").a;
        expect(sameJson(a, copy)).toBe(JSON.stringify(a) === JSON.stringify(copy));
      }),
      { numRuns: 5000 },
    );
    // Key order matters to JSON, and so here; dropped keys do not.
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, x: undefined, b: 2 }, { a: 1, b: 2, y: () => 0 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson({ n: NaN }, { n: null })).toBe(true);
    expect(sameJson({ n: 0 }, { n: -0 })).toBe(true);
    expect(sameJson({ n: 1 }, { n: "1" })).toBe(false);
  });
});
