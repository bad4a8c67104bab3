/** docs/kubernetes-import.md is what lib/import cites: every `kubernetes-import.md#<anchor>` in the code exists there. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DAEMONSET_NODES, DEFAULT_JOB_RUN_SECONDS } from "@/lib/import/k8s";
import { MAX_ALIAS_COUNT, MAX_DOCUMENTS, MAX_NESTING } from "@/lib/import/limits";

const root = path.resolve(import.meta.dirname, "../../..");
const page = readFileSync(path.join(root, "docs/kubernetes-import.md"), "utf8");
const anchors = new Set([...page.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => (m[1] as string).trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-")));

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(root, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

describe("docs/kubernetes-import.md", () => {
  it("has every anchor the code cites", () => {
    const missing: string[] = [];
    for (const file of [...files("lib"), ...files("components"), ...files("app"), ...files("bin")]) {
      for (const m of readFileSync(path.join(root, file), "utf8").matchAll(/kubernetes-import\.md#([a-z0-9-]+)/g)) if (!anchors.has(m[1] as string)) missing.push(`${file} #${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it("states the defaults and limits the code uses", () => {
    expect(page).toContain(`default **${DEFAULT_DAEMONSET_NODES}**`);
    expect(page).toContain(`${DEFAULT_JOB_RUN_SECONDS} s per\n  pod`);
    expect(page).toContain(`at most **${MAX_DOCUMENTS} documents**`);
    expect(page).toContain(`at most **${MAX_NESTING} levels**`);
    expect(page).toContain(`at most **${MAX_ALIAS_COUNT}** nodes`);
  });
});
