/**
 * Drives the MCP server the way an assistant does, through the SDK's own Client: over stdio by spawning the
 * package bin (bin/mcp.mjs) from another working directory, and over Streamable HTTP by serving the real route
 * handlers (app/api/mcp/route.ts) on 127.0.0.1 through a small node:http adapter.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { DELETE, GET, POST } from "@/app/api/mcp/route";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const SHARE_BASE = "https://costs.example.test";

export interface Session {
  client: Client;
  close(): Promise<void>;
}

/** node:http request -> the route's Web Request -> its Response written back. */
async function serveRoute(req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}${req.url ?? "/"}`;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const method = req.method ?? "GET";
  let response: Response;
  if (new URL(url).pathname !== "/api/mcp") response = Response.json({ errors: [{ path: "(url)", message: "not found" }] }, { status: 404 });
  else if (method === "POST") {
    // The route stops reading a body above its limit (413); the rest is drained, so the connection stays up to
    // carry the answer (as Next's server does), instead of being torn down with the request stream.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
        req.on("end", () => controller.close());
        req.on("error", (error) => controller.error(error));
      },
      cancel() {
        req.removeAllListeners("data");
        req.resume();
      },
    });
    response = await POST(new Request(url, { method, headers, body, duplex: "half" } as RequestInit));
  } else if (method === "GET") response = GET();
  else if (method === "DELETE") response = DELETE();
  else response = new Response(null, { status: 405 });
  res.statusCode = response.status;
  response.headers.forEach((v, k) => res.setHeader(k, v));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startHttp(): Promise<{ url: URL; server: Server; close(): Promise<void> }> {
  process.env.ECS_ESTIMATOR_URL = SHARE_BASE;
  let port = 0;
  const server = createServer((req, res) => {
    serveRoute(req, res, port).catch((error: unknown) => {
      res.statusCode = 599; // the adapter itself failed: a test must see it, never the route's 5xx
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: new URL(`http://127.0.0.1:${port}/api/mcp`),
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function connectHttp(url: URL): Promise<Session> {
  const client = new Client({ name: "vitest-http", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(url);
  await client.connect(transport);
  return { client, close: () => client.close() };
}

export async function connectStdio(): Promise<Session & { stderr: () => string; pid: () => number | null }> {
  const client = new Client({ name: "vitest-stdio", version: "1.0.0" });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.ECS_ESTIMATOR_URL = SHARE_BASE;
  const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(ROOT, "bin", "mcp.mjs")], cwd: tmpdir(), env, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await client.connect(transport);
  return { client, close: () => client.close(), stderr: () => stderr, pid: () => transport.pid };
}

/** The text of a tool result's first content block. */
export function textOf(result: object): string {
  const content = (result as { content?: unknown }).content as Array<{ type: string; text?: string }> | undefined;
  return content?.find((c) => c.type === "text")?.text ?? "";
}
