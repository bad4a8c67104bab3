// The files `next build` leaves out of .next/standalone for the deployer to copy next to server.js (the same
// list as the Dockerfile's runtime stage): the static chunks, public/ if any, and the price snapshots the API
// reads at request time. Used by `npm start` (scripts/start.mjs) and the standalone stage of `npm test`
// (scripts/standalone-check.ts).
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

/** Copies them into <root>/.next/standalone; returns the copied sources relative to root. */
export function placeStandaloneAssets(root) {
  const dir = path.join(root, ".next", "standalone");
  const copies = [
    [path.join(root, ".next", "static"), path.join(dir, ".next", "static")],
    [path.join(root, "public"), path.join(dir, "public")],
    [path.join(root, "data", "catalog"), path.join(dir, "data", "catalog")],
    // The MCP route's billing rules resource and `explain` (lib/mcp) read it at request time.
    [path.join(root, "docs", "billing-rules.md"), path.join(dir, "docs", "billing-rules.md")],
  ];
  const placed = [];
  for (const [from, to] of copies) {
    if (!existsSync(from)) continue;
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
    placed.push(path.relative(root, from));
  }
  return placed;
}
