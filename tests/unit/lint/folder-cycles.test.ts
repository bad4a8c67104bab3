/**
 * lib/ has no folder-level import cycle: the folders of lib/ (and its top-level files, as one node "(root)") form a
 * directed graph by their imports, read with TypeScript's own pre-processor (static imports, re-exports, dynamic
 * import() and type imports alike), and that graph must have no cycle. A cycle means two folders each need the
 * other, so neither can be read, tested or moved on its own; the ESLint zones (eslint.config.mjs) say which
 * direction is allowed, this test says no direction runs both ways.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const LIB = path.join(ROOT, "lib");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function folderOf(file: string): string {
  const parts = path.relative(LIB, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : "(root)";
}

/** The lib/ file (or folder index) an import specifier names, or null for packages and files outside lib/. */
function resolveInLib(fromFile: string, spec: string): string | null {
  let target: string;
  if (spec.startsWith("@/")) target = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) target = path.resolve(path.dirname(fromFile), spec);
  else return null;
  if (!target.startsWith(LIB + path.sep)) return null;
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, `${target}.js`, path.join(target, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(ROOT, fromFile)} imports "${spec}", which does not exist`);
}

/** folder -> folders it imports, each edge with one file:specifier that makes it. */
export function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(LIB)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const ref of ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles) {
      const target = resolveInLib(file, ref.fileName);
      if (!target) continue;
      const to = folderOf(target);
      if (to !== from && !edges.has(to)) edges.set(to, `${path.relative(ROOT, file)} imports "${ref.fileName}"`);
    }
  }
  return graph;
}

/** Every cycle's folders in order (depth-first search over the graph; one cycle per back edge). */
export function findCycles(graph: Map<string, Map<string, string>>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe("lib/ folder-level imports", () => {
  it("have no cycle", () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(10); // the walk found lib/'s folders
    const explained = findCycles(graph).map((cycle) =>
      cycle
        .slice(1)
        .map((to, i) => `${cycle[i]} -> ${to} (${graph.get(cycle[i]!)!.get(to)})`)
        .join("; "),
    );
    expect(explained).toEqual([]);
  });

  it("the form model (lib/form) stands on the contract and lib/'s root files only, and the link codec does not use it", () => {
    const graph = folderGraph();
    expect([...(graph.get("form")?.keys() ?? [])].sort()).toEqual(["(root)", "schemas"]);
    expect(graph.get("share")?.has("form")).toBe(false);
    expect(graph.get("pipeline")?.has("form")).toBe(true); // the kit's road: draft -> raw -> estimate
  });

  it("the cycle finder reports a cycle when there is one", () => {
    const graph = new Map([
      ["share", new Map([["rightsize", "lib/share/a.ts"]])],
      ["rightsize", new Map([["share", "lib/rightsize/b.ts"]])],
      ["engine", new Map<string, string>()],
    ]);
    expect(findCycles(graph)).toEqual([["rightsize", "share", "rightsize"]]);
  });
});
