/**
 * The rules page is what source comments cite: every `docs/billing-rules.md#<anchor>` in the code must exist on
 * the page, and no source comment may point outside the repository (to the research folder beside it), which a clone lacks.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const page = readFileSync(path.join(root, "docs/billing-rules.md"), "utf8");

/** GitHub's heading slugs plus explicit <a id="..."> anchors. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add((m[1] as string).trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-"));
  }
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) out.add(m[1] as string);
  return out;
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  return readdirSync(abs).flatMap((name) => {
    const rel = path.join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|js|mjs|md)$/.test(name) ? [rel] : [];
  });
}

const CODE_DIRS = ["lib", "bin", "app", "components", "scripts", "tests/unit"];
/** Directories this check already covers fully; lib/catalog and scripts/ move over with the catalog rebuild. */
// Built from parts so that this guard's own source does not name the folder it looks for.
const OUTSIDE_CITATION = new RegExp(`\\.\\./${["sha", "red"].join("")}|rules §`);
const NO_OUTSIDE_CITATIONS = ["lib", "bin", "app", "components", "scripts"];

describe("docs/billing-rules.md", () => {
  const known = anchors(page);

  it("has the anchors other modules and the catalog docs cite", () => {
    for (const a of ["fargate-task-sizes", "ephemeral-storage", "windows-on-fargate", "arm-graviton", "fargate-spot", "savings-plans", "ec2-registered-capacity", "eni-trunking", "gp3-root-volume", "money-rounding", "month"]) {
      expect(known.has(a), a).toBe(true);
    }
  });

  it("every anchor cited in the code exists", () => {
    const missing: string[] = [];
    for (const file of CODE_DIRS.flatMap(sourceFiles)) {
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (!line.includes("billing-rules.md")) return;
          for (const m of line.matchAll(/#([a-z][a-z0-9-]*)/g)) if (!known.has(m[1] as string)) missing.push(`${file}:${i + 1} #${m[1]}`);
        });
    }
    expect(missing).toEqual([]);
  });

  it("no source comment cites a path outside the repository", () => {
    const outside = NO_OUTSIDE_CITATIONS.flatMap(sourceFiles).filter((file) => OUTSIDE_CITATION.test(readFileSync(path.join(root, file), "utf8")));
    expect(outside).toEqual([]);
  });
});
