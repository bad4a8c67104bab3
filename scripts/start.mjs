#!/usr/bin/env node
// `npm start`: build when the production build is missing or older than the sources, then serve it the way the
// container image does: the standalone server (.next/standalone/server.js, `output: "standalone"` in
// next.config.js) with its static files and the price snapshots put next to it.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { placeStandaloneAssets } from "./support/standalone.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildId = path.join(root, ".next", "BUILD_ID");
const standaloneServer = path.join(root, ".next", "standalone", "server.js");

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const inputs = ["app", "components", "lib", "data", "public", "next.config.js", "package.json", "tsconfig.json"];
const sourcesMtime = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
if (!existsSync(buildId) || !existsSync(standaloneServer) || statSync(buildId).mtimeMs < sourcesMtime) {
  console.log("Building the app (production build is missing or older than the sources)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
placeStandaloneAssets(root);
const MAX_HEADER_BYTES = 262_144;
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
console.log(`Serving on http://${host}:${port}`);
// Share links carry the whole input in the URL; allow long ones so the app (not Node's 16 kB default,
// which answers 431 with an empty page) explains an oversized link.
const server = spawn(process.execPath, [`--max-http-header-size=${MAX_HEADER_BYTES}`, standaloneServer], {
  cwd: root,
  env: { ...process.env, NODE_ENV: "production", PORT: port, HOSTNAME: host },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
