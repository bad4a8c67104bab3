/**
 * A wrong value at every path of the environments subtree: the API answers 400 naming a path inside it (or 200
 * when the value happens to be valid there), never a 5xx; a share link carrying it is refused with the same paths.
 */
import { describe, expect, it } from "vitest";
import { handleEstimate } from "@/app/api/estimate/handler";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";

const ENVIRONMENTS = [
  { name: "prod", multiplier: 1, schedule: { kind: "always" }, taskProfile: [{ days: ["mon"], fromHour: 0, toHour: 8, tasksFactor: 0.5 }], interruptible: false },
  { name: "dev", multiplier: 0.5, schedule: { kind: "business-hours", timeZone: "Europe/Berlin", days: ["mon", "fri"], startHour: 8, endHour: 20 }, taskProfile: null, interruptible: true },
  { name: "qa", schedule: { kind: "weekly", timeZone: "UTC", hours: { tue: [[9, 12]] } } },
];
const VALID = { version: 1, region: "us-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }], environments: ENVIRONMENTS };
const WRONG: unknown[] = [null, true, -1, 1e308, 1.3, "1", "", "x".repeat(5000), [], {}, "<script>alert(1)</script>", 24.1];

type Path = (string | number)[];
function paths(value: unknown, prefix: Path): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}
function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}
const dotted = (path: Path) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

describe("hostile environment fields", () => {
  it("the API names the broken field and never answers 5xx", async () => {
    let refused = 0;
    for (const path of paths(ENVIRONMENTS, ["environments"])) {
      for (const wrong of WRONG) {
        const body = JSON.stringify(setAt(VALID, path, wrong));
        const res = await handleEstimate(new Request("http://127.0.0.1/api/estimate", { method: "POST", body, headers: { "content-type": "application/json" } }));
        const label = `${dotted(path)} = ${JSON.stringify(wrong).slice(0, 30)}`;
        expect([200, 400], label).toContain(res.status);
        if (res.status === 400) {
          refused++;
          const { errors } = (await res.json()) as { errors: { path: string }[] };
          expect(errors.length, label).toBeGreaterThan(0);
          expect(errors.some((e) => e.path.startsWith("environments")), label).toBe(true);
        }
      }
    }
    expect(refused).toBeGreaterThan(300);
  }, 120_000);

  it("share links carrying them are refused with the field's path", () => {
    for (const [path, wrong] of [[["environments", 1, "schedule", "timeZone"], "Atlantis/Capital"], [["environments", 0, "taskProfile", 0, "tasksFactor"], -1], [["environments", 2, "schedule", "hours", "tue", 0], [12, 9]]] as const) {
      const out = decodeShareToken(encodeShareToken(setAt(VALID, [...path], wrong) as never));
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.errors.map((e) => e.path)).toContain(dotted([...path]));
    }
  });
});
