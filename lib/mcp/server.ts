/**
 * The MCP server: the tools of ./tools.ts and the resources below behind the SDK's protocol handling, for any
 * transport (stdio in bin/mcp.ts, Streamable HTTP in app/api/mcp).
 *
 * Built on the SDK's low-level `Server` rather than `McpServer.registerTool`: McpServer validates arguments with its
 * own zod pass and words the failures its own way, while this server must answer bad input with the API's
 * field-path messages (`services[0].vcpu: must be <= 192`). So tools/list advertises the JSON Schemas derived from
 * lib/schemas, and tools/call runs the same readers as the API. Every failure of the input is a tool error
 * (isError, with the field errors in structured content); an unknown tool or resource is a protocol error
 * (InvalidParams); a server fault is said without internals. Nothing a client sends can crash the process.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ErrorCode, ListResourcesRequestSchema, ListToolsRequestSchema, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { estimateInputJsonSchema, estimateResultJsonSchema } from "../export/json-schema";
import { withFieldErrorCodes, type FieldError } from "../field-errors";
import { toFieldErrors } from "../schemas/estimate";
import { z } from "../security/zod";
import type { McpEnvironment } from "./environment";
import { MAX_MCP_MESSAGE_BYTES } from "./limits";
import { bundledCatalogs, findTool, TOOLS } from "./tools";

export const SERVER_NAME = "ecs-cost-estimator";
export const SERVER_VERSION = "0.1.0";

export const RESOURCE_URIS = {
  inputSchema: "ecs-estimator://schema/estimate-input.v1.json",
  resultSchema: "ecs-estimator://schema/estimate-result.v1.json",
  catalog: "ecs-estimator://catalog/summary.json",
  billingRules: "ecs-estimator://docs/billing-rules.md",
} as const;

interface ResourceDefinition {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
  read(env: McpEnvironment): string;
}

function catalogSummary(env: McpEnvironment): Record<string, unknown> {
  const list = env.catalogList();
  return {
    newest: list.newest,
    catalogs: list.catalogs.map((c) => {
      const index = env.catalogIndex(c.id);
      const dates = [...new Set(index.regions.flatMap((r) => r.sources.map((s) => s.asOf)))].sort();
      return {
        id: c.id,
        createdAt: c.createdAt,
        note: c.note,
        sourcesAsOf: { oldest: dates[0] ?? null, newest: dates[dates.length - 1] ?? null },
        regions: index.regions.map((r) => ({ region: r.region, location: r.location, fargate: r.fargate, ec2InstanceTypes: r.ec2InstanceTypes, sources: r.sources })),
      };
    }),
  };
}

export const RESOURCES: ReadonlyArray<ResourceDefinition> = [
  {
    uri: RESOURCE_URIS.inputSchema,
    name: "estimate-input.v1.json",
    title: "EstimateInput JSON Schema",
    description: "What the estimate and compare_regions tools take (the body of POST /api/estimate), as JSON Schema 2020-12 generated from the zod schema.",
    mimeType: "application/schema+json",
    read: () => JSON.stringify(estimateInputJsonSchema(), null, 1),
  },
  {
    uri: RESOURCE_URIS.resultSchema,
    name: "estimate-result.v1.json",
    title: "EstimateResult JSON Schema",
    description: "The full result in the estimate tool's structured content (the answer of POST /api/estimate), as JSON Schema 2020-12.",
    mimeType: "application/schema+json",
    read: () => JSON.stringify(estimateResultJsonSchema(), null, 1),
  },
  {
    uri: RESOURCE_URIS.catalog,
    name: "catalog-summary.json",
    title: "Bundled price catalogs",
    description: "The dated AWS price snapshots this server prices with: ids, the newest, and per region what it has and the dates of its sources.",
    mimeType: "application/json",
    read: (env) => JSON.stringify(catalogSummary(env), null, 1),
  },
  {
    uri: RESOURCE_URIS.billingRules,
    name: "billing-rules.md",
    title: "Billing and sizing rules",
    description: "Every rule the estimator applies, with its formula, AWS source and where the code implements it; explain quotes its sections by anchor.",
    mimeType: "text/markdown",
    read: (env) => env.billingRules(),
  },
];

/** A tool error the client can show: the problem and every field error, also as structured content. */
export function toolErrorResult(what: string, errors: ReadonlyArray<FieldError>, env: McpEnvironment): CallToolResult {
  const shown = errors.slice(0, 50);
  const more = errors.length > shown.length ? `\n  … and ${errors.length - shown.length} more` : "";
  const text = `${what} (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n${shown.map((e) => `  ${e.path}: ${e.message.slice(0, 2_000)}`).join("\n")}${more}\n(${bundledCatalogs(env)})`;
  return { isError: true, content: [{ type: "text", text }], structuredContent: { errors: withFieldErrorCodes(400, shown) } };
}

/** What the tools answer when the server itself failed (a missing or broken price file): no internals. */
const SERVER_FAULT = "the answer could not be computed because of a server error (a price or rules file); the input was not the problem";

/**
 * tools/call and resources/read are registered with their params left `unknown` and read here, so malformed params
 * (a tool name that is a number, arguments that are a string) get InvalidParams naming the field, as the API would,
 * instead of the SDK's InternalError with a dump of schema issues.
 */
const LooseCallToolRequestSchema = z.object({ method: z.literal("tools/call"), params: z.unknown() });
const LooseReadResourceRequestSchema = z.object({ method: z.literal("resources/read"), params: z.unknown() });
const CallToolParamsSchema = z.looseObject({
  name: z.string("must be a string: the tool's name").max(200, "must be at most 200 characters"),
  arguments: z.record(z.string(), z.unknown(), "must be an object: the tool's arguments").optional(),
});
const ReadResourceParamsSchema = z.looseObject({ uri: z.string("must be a string: the resource's URI").max(2_000, "must be at most 2,000 characters") });

function readParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const parsed = schema.safeParse(params ?? {});
  if (parsed.success) return parsed.data;
  const errors = toFieldErrors(parsed.error).map((e) => ({ path: e.path === "(root)" ? "params" : `params.${e.path}`, message: e.message }));
  throw new McpError(ErrorCode.InvalidParams, `Invalid params: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, { errors: withFieldErrorCodes(400, errors) });
}

export interface ServerOptions {
  /** Called with a server-side failure (never the client's input), for the host's log. */
  onServerError?: (where: string, error: unknown) => void;
}

export function createMcpServer(env: McpEnvironment, options: ServerOptions = {}): Server {
  const server = new Server(
    { name: SERVER_NAME, title: "ECS Cost Estimator", version: SERVER_VERSION },
    {
      capabilities: { tools: {}, resources: {} },
      instructions:
        "Prices container workloads on AWS (Fargate, Fargate Spot, ECS on EC2, ECS Managed Instances, EKS) from a bundled, dated price catalog, offline and deterministic. Start with estimate (an EstimateInput; its JSON Schema is the tool's input schema and a resource), then explain an option or line, compare_regions, compare_estimates or rightsize. Amounts are USD per month; every answer names its price catalog snapshot and gives a share link to the same estimate on the page.",
    },
  );
  const fault = (where: string, error: unknown) => options.onServerError?.(where, error);

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: TOOLS.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema as { type: "object"; [k: string]: unknown }, annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true } })),
  }));

  server.setRequestHandler(LooseCallToolRequestSchema, (request): CallToolResult => {
    const { name, arguments: args } = readParams(CallToolParamsSchema, request.params);
    const tool = findTool(name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool ${JSON.stringify(String(name).slice(0, 100))}; the tools are ${TOOLS.map((t) => t.name).join(", ")}`);
    try {
      const answer = tool.run(args ?? {}, env);
      if (!answer.ok) return toolErrorResult(answer.what, answer.errors, env);
      return { content: [{ type: "text", text: answer.text }], structuredContent: answer.structured };
    } catch (error) {
      fault(`tools/call ${tool.name}`, error);
      return { isError: true, content: [{ type: "text", text: SERVER_FAULT }], structuredContent: { errors: [{ path: "(server)", message: SERVER_FAULT }] } };
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: RESOURCES.map(({ uri, name, title, description, mimeType }) => ({ uri, name, title, description, mimeType })),
  }));

  server.setRequestHandler(LooseReadResourceRequestSchema, (request) => {
    const { uri } = readParams(ReadResourceParamsSchema, request.params);
    const resource = RESOURCES.find((r) => r.uri === uri);
    if (!resource) throw new McpError(ErrorCode.InvalidParams, `Unknown resource ${JSON.stringify(uri.slice(0, 200))}; the resources are ${RESOURCES.map((r) => r.uri).join(", ")}`);
    let text: string;
    try {
      text = resource.read(env);
    } catch (error) {
      fault(`resources/read ${resource.uri}`, error);
      throw new McpError(ErrorCode.InternalError, "the resource could not be read because of a server error");
    }
    return { contents: [{ uri: resource.uri, mimeType: resource.mimeType, text }] };
  });

  return server;
}

export { MAX_MCP_MESSAGE_BYTES };
