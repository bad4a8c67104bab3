/**
 * 200 hostile manifests (tests/support/hostile-manifests.ts): every one is refused with clear errors (a path
 * naming the file or the document, a message in words), none throws. How long the slowest takes is a
 * machine-dependent figure: `npm run bench` reports it against its 1 s target.
 */
import { describe, expect, it } from "vitest";
import { importKubernetesManifests } from "@/lib/import/k8s";
import { hostileManifests, VALID_MANIFEST } from "@/tests/support/hostile-manifests";

const cases = hostileManifests();

describe("hostile Kubernetes manifests", () => {
  it("there are 200 distinct cases, and the manifest they start from imports", () => {
    expect(cases).toHaveLength(200);
    expect(new Set(cases.map((c) => c.label)).size).toBe(200);
    const valid = importKubernetesManifests(VALID_MANIFEST);
    expect(valid.ok).toBe(true);
  });

  it.each(cases.map((c) => [c.label, c] as const))("%s: refused with clear errors", (_label, { text }) => {
    const out = importKubernetesManifests(text);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.length).toBeGreaterThan(0);
    expect(out.errors.length).toBeLessThanOrEqual(100);
    for (const e of out.errors) {
      expect(e.path).toMatch(/^(\(file\)|documents\[\d+\])/);
      expect(e.path.length).toBeLessThan(600);
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.message.length).toBeLessThan(800);
      expect(e.message).not.toMatch(/\[object Object\]|\n\s+at |TypeError|got undefined/);
    }
  });
});
