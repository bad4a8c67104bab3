/**
 * MCP server over stdio: `npm run -s mcp`, or the package bin `ecs-cost-estimator-mcp` (bin/mcp.mjs), for an
 * assistant's config (README "Use it from an AI assistant (MCP)"). The tools and resources are lib/mcp; this file
 * only picks the transport. It prices from the bundled files next to it (data/catalog, docs/billing-rules.md),
 * whatever the working directory the client starts it in.
 * Environment: ECS_ESTIMATOR_URL = the estimator page share links open (default http://localhost:3000).
 * Standard output is the protocol: anything else is written to standard error.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { filesMcpEnvironment } from "../lib/mcp/environment";
import { createMcpServer } from "../lib/mcp/server";

/** The repository (or unpacked package) this file belongs to: data/ and docs/ are there. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startStdioServer(): Promise<void> {
  // A stray console.log would corrupt the protocol on stdout.
  console.log = console.error;
  console.info = console.error;
  const env = filesMcpEnvironment({ rootDir: PACKAGE_ROOT, shareBaseUrl: process.env.ECS_ESTIMATOR_URL });
  const server = createMcpServer(env, { onServerError: (where, error) => console.error(`mcp: ${where} failed:`, error instanceof Error ? error.message : error) });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// `tsx bin/mcp.ts` (npm run -s mcp) runs this file directly; bin/mcp.mjs imports it and calls startStdioServer.
const invoked = process.argv[1] ? path.resolve(process.argv[1]) : "";
if (invoked === fileURLToPath(import.meta.url)) {
  startStdioServer().catch((error: unknown) => {
    console.error("mcp: could not start:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
