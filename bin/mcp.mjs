#!/usr/bin/env node
// The package bin `ecs-cost-estimator-mcp`: starts the MCP stdio server (bin/mcp.ts) through tsx, which the
// project already depends on, so an assistant's config needs only `node /path/to/bin/mcp.mjs` (or the linked bin).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
await import("tsx");
const mod = await import("./mcp.ts");
// tsx compiles the .ts file as CommonJS (the package is not "type": "module"): its exports may sit on default.
const startStdioServer = mod.startStdioServer ?? mod.default?.startStdioServer;
await startStdioServer();
