/**
 * POST /api/mcp: the MCP server (lib/mcp) over Streamable HTTP, for a team's self-hosted instance. Stateless: each
 * POST carries one JSON-RPC message (or batch) and gets its answer as JSON (no session, no SSE stream), so any
 * copy behind a load balancer can answer any request.
 *
 * The same rules as the other routes (../http.ts): the body is read with a size limit (413 above
 * MAX_MCP_MESSAGE_BYTES, by Content-Length and by the bytes read), must be JSON (415 another content type, 400
 * not UTF-8 or not JSON), and nothing a client sends gets a 5xx or a stack trace. Errors are JSON-RPC error
 * objects (what an MCP client reads) carrying the field errors in `error.data.errors` ([{ path, message }]).
 * Bad tool arguments are tool results with isError, as over stdio. GET and DELETE (an SSE stream, a session to
 * end) are 405: this server keeps no session.
 *
 * Browsers: a request from a page of another origin (its Origin header names another host than the request's) is
 * 403, and no CORS header is ever sent. Every tool only reads the bundled prices and holds no state or secret, so
 * a page that reached the server anyway (DNS rebinding) could compute estimates and nothing else.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { withFieldErrorCodes, type FieldError } from "@/lib/field-errors";
import { filesMcpEnvironment, type McpEnvironment } from "@/lib/mcp/environment";
import { MAX_MCP_MESSAGE_BYTES } from "@/lib/mcp/limits";
import { createMcpServer } from "@/lib/mcp/server";
import { HEADERS, isJsonContentType, readLimited, TooLarge } from "../http";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A JSON-RPC error response (id null: the request could not be read), with the API's field errors. */
export function jsonRpcError(status: number, code: number, message: string, errors: FieldError[], extraHeaders: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message, data: { errors: withFieldErrorCodes(status, errors) } } }, { status, headers: { ...HEADERS, ...extraHeaders } });
}

/** Where share links point: ECS_ESTIMATOR_URL when the public address differs from the request's, else the request's origin. */
function environmentFor(req: Request): McpEnvironment {
  return filesMcpEnvironment({ shareBaseUrl: process.env.ECS_ESTIMATOR_URL || new URL(req.url).origin });
}

/** A browser page of another origin must not reach the server (DNS rebinding); clients outside a browser send no Origin. */
function foreignOrigin(req: Request): string | null {
  const origin = req.headers.get("origin");
  if (origin === null || origin === "null") return origin === "null" ? "null" : null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return origin;
  }
  const own = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  return host === own ? null : origin;
}

export async function handleMcpPost(req: Request): Promise<Response> {
  try {
    const foreign = foreignOrigin(req);
    if (foreign !== null) return jsonRpcError(403, ErrorCode.InvalidRequest, "Forbidden origin", [{ path: "(headers).origin", message: `${foreign.slice(0, 100)} is not this server's origin` }]);
    const type = req.headers.get("content-type");
    if (!isJsonContentType(type) || type === null) {
      return jsonRpcError(415, ErrorCode.InvalidRequest, "Unsupported Media Type", [{ path: "(headers).content-type", message: `must be application/json (got ${(type ?? "nothing").slice(0, 100)})` }]);
    }
    const declared = req.headers.get("content-length");
    if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > MAX_MCP_MESSAGE_BYTES) {
      return jsonRpcError(413, ErrorCode.InvalidRequest, "Payload Too Large", [{ path: "(body)", message: `is ${declared} bytes; the limit is ${MAX_MCP_MESSAGE_BYTES} bytes (6 MiB)` }]);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(req, MAX_MCP_MESSAGE_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) return jsonRpcError(413, ErrorCode.InvalidRequest, "Payload Too Large", [{ path: "(body)", message: `is larger than the limit of ${MAX_MCP_MESSAGE_BYTES} bytes (6 MiB)` }]);
      return jsonRpcError(400, ErrorCode.ParseError, "Parse error", [{ path: "(body)", message: "could not be read" }]);
    }
    if (bytes.byteLength === 0) return jsonRpcError(400, ErrorCode.ParseError, "Parse error", [{ path: "(body)", message: "is empty; send a JSON-RPC message" }]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8.decode(bytes));
    } catch (error) {
      const detail = error instanceof TypeError ? "it is not valid UTF-8" : error instanceof Error ? error.message.slice(0, 200) : "parse error";
      return jsonRpcError(400, ErrorCode.ParseError, "Parse error", [{ path: "(body)", message: `is not valid JSON (${detail})` }]);
    }
    const server = createMcpServer(environmentFor(req), {
      onServerError: (where, error) => console.error(`POST /api/mcp ${where} failed:`, error instanceof Error ? error.message : error),
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    try {
      await server.connect(transport);
      const response = await transport.handleRequest(req, { parsedBody: parsed });
      const headers = new Headers(response.headers);
      for (const [k, v] of Object.entries(HEADERS)) headers.set(k, v);
      // The body is complete (JSON mode): read it before the server closes.
      const body = response.status === 202 ? null : await response.text();
      return new Response(body, { status: response.status, headers });
    } finally {
      await server.close().catch(() => undefined);
    }
  } catch (error) {
    console.error("POST /api/mcp failed:", error instanceof Error ? error.message : error);
    return jsonRpcError(500, ErrorCode.InternalError, "Internal error", [{ path: "(server)", message: "the request could not be answered because of a server error; the input was not the problem" }]);
  }
}

/** GET (a server-sent event stream) and DELETE (end a session): this server is stateless. */
export function handleMcpMethodNotAllowed(): Response {
  return jsonRpcError(405, ErrorCode.InvalidRequest, "Method Not Allowed", [{ path: "(method)", message: "POST a JSON-RPC message: this MCP server is stateless (no SSE stream, no session)" }], { allow: "POST" });
}
