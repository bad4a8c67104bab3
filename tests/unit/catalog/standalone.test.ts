/**
 * The repository stands on its own: a clone with nothing beside it builds, tests and runs. No source, script,
 * config or test may read or cite a path outside the repository (the research folder the project started from
 * lives next to it on the developers' machines only). The frozen snapshot 2026-11-26 keeps the origin strings it
 * was built with: they are data, not paths anything reads.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
// Built from parts so that this guard's own source does not name the folder it looks for.
const FOLDER = ["sha", "red"].join("");
const OUTSIDE = new RegExp(`\\.\\./${FOLDER}\\b|${FOLDER}/(?:pricing-sources|docs)\\b`);
const FROZEN = [/^data\/catalog\/2026-11-26\//, /^tests\/fixtures\/exports-2026-11-26\//, /^tests\/fixtures\/api-answers\/[a-z-]*2026-11-26/];

describe("the repository stands on its own", () => {
  it("no tracked file outside the frozen snapshot refers to the research folder beside the repository", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter((f) => f !== "" && !FROZEN.some((re) => re.test(f)) && !f.endsWith(".gz") && f !== "tests/unit/catalog/standalone.test.ts");
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      return OUTSIDE.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
