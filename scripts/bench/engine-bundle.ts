/**
 * The engine compiled the way the server runs it. `next build` bundles lib/ without function-name wrappers;
 * tsx (how `npm run bench` runs TypeScript) compiles with esbuild's `keepNames`, which wraps every named function
 * made at run time in an Object.defineProperty call and makes the same engine 1.3-1.8x slower
 * (docs/performance.md#after-the-index-the-rest-of-the-engine-2026-12-07). So the engine's targets are measured
 * on lib/ bundled with esbuild like the production build (`keepNames: false`), loaded into this process; the
 * bench reports the tsx figure beside it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import type { compareRegions } from "../../lib/regions/compare";
import type { costCurve } from "../../lib/engine/curve";
import type { estimate } from "../../lib/engine/estimate";

export interface EngineEntry {
  estimate: typeof estimate;
  costCurve: typeof costCurve;
  compareRegions: typeof compareRegions;
}

/** lib/'s engine entry points from a bundle of the tree at `root` (this checkout by default). */
export function bundledEngine(root = process.cwd(), keepNames = false): EngineEntry {
  const dir = mkdtempSync(path.join(os.tmpdir(), "engine-bundle-"));
  const entry = path.join(dir, "entry.ts");
  writeFileSync(
    entry,
    [
      `export { estimate } from ${JSON.stringify(path.join(root, "lib/engine/estimate"))};`,
      `export { costCurve } from ${JSON.stringify(path.join(root, "lib/engine/curve"))};`,
      `export { compareRegions } from ${JSON.stringify(path.join(root, "lib/regions/compare"))};`,
    ].join("\n"),
  );
  const out = path.join(dir, "engine.cjs");
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: out,
    keepNames,
    logLevel: "warning",
    nodePaths: [path.join(root, "node_modules")],
    alias: { "@": root },
  });
  return createRequire(path.join(root, "package.json"))(out) as EngineEntry;
}
