/**
 * The MCP tools: the same pipeline as the page, POST /api/* and the CLIs, with the same checks and field-path
 * messages. Framework-free: each tool is a name, a JSON Schema derived from the zod schemas of lib/schemas (never
 * copied), and a function from arguments to an answer (a compact text + structured content) or field errors.
 * ./server.ts puts them behind the SDK's protocol handling; bin/mcp.ts and app/api/mcp are transports only.
 */
import { checkThresholds, compareSides, readCompareSideValue, renderCompareMarkdown } from "../compare";
import { estimateInputJsonSchema } from "../export/json-schema";
import { childPath, type FieldError } from "../field-errors";
import { importCloudFormationTemplate } from "../import/cloudformation";
import type { IacImportOutcome } from "../import/iac-common";
import { DEFAULT_DAEMONSET_NODES, DEFAULT_JOB_RUN_SECONDS, importKubernetesManifests } from "../import/k8s";
import { importTerraformPlan } from "../import/terraform";
import { formatCents, toCents } from "../money";
import { catalogLookupFieldError, estimateWithLoader, loadInputCatalog, type PipelineOutcome } from "../pipeline/estimate";
import { rightsizeWithLoader } from "../pipeline/rightsize";
import { compareRegionsForInput } from "../regions/pipeline";
import { applySize, oneServiceInput } from "../rightsize/apply";
import { resolveCurrentSize } from "../rightsize/current-size";
import { PERCENTILES } from "../rightsize/percentile";
import { DEFAULT_SETTINGS, MAX_HEADROOM_PCT, type RightsizeSettings } from "../rightsize/recommend";
import { analyzeUsageText } from "../rightsize/usage";
import {
  ArchitectureSchema,
  CatalogIdSchema,
  EstimateInputSchema,
  OperatingSystemSchema,
  parseEstimateInput,
  RegionCodeSchema,
  toFieldErrors,
  type EstimateInput,
  type EstimateResult,
} from "../schemas/estimate";
import { z } from "../security/zod";
import { decodeShareToken, MAX_SHARE_TOKEN_CHARS } from "../share/codec";
import { shareTokenFromText } from "../compare/read";
import { FARGATE_INCLUDED_STORAGE_GIB } from "../units";
import type { McpEnvironment } from "./environment";
import { withEveryLineRate } from "../engine/lines";
import { explainedRule, lineAnchors, linePrice, optionAnchors, selectLine, type ExplainedRule } from "./explain";
import { MAX_COMPARE_SIDE_CHARS, MAX_IAC_CHARS, MAX_STRUCTURED_RESULT_CHARS, MAX_INPUT_JSON_CHARS, MAX_MANIFEST_CHARS, MAX_USAGE_TEXT_CHARS } from "./limits";
import { findSections, rulesDocument } from "./rules-doc";
import { bounded, boundedResult, catalogNote, catalogSentence, estimateText, planText, regionsText, shareLink, summarizeEstimate } from "./summaries";

export type ToolAnswer = { ok: true; text: string; structured: Record<string, unknown> } | { ok: false; errors: FieldError[]; what: string };

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  /** JSON Schema (type "object") of the arguments, derived from zod. */
  inputSchema: Record<string, unknown>;
  run(args: Record<string, unknown>, env: McpEnvironment): ToolAnswer;
}

// ------------------------------------------------------------------ argument schemas (derived from lib/schemas)

const ShareLinkSchema = z
  .string()
  .max(MAX_SHARE_TOKEN_CHARS + 2_000)
  .describe("A share link of the estimator page (https://…/?s=v1.…) or its v1.… token");
/** An estimate as an EstimateInput object or a share link: what explain and rightsize take. */
const InputOrLinkSchema = z.union([EstimateInputSchema, ShareLinkSchema]);
/** A comparison side, as POST /api/compare takes it: a share link, an EstimateInput, or a JSON export (EstimateResult). */
const CompareSideSchema = z.union([ShareLinkSchema, EstimateInputSchema, z.looseObject({ version: z.literal(1), input: EstimateInputSchema }).describe("A JSON export (EstimateResult): its input is used")]);

const SERVICE_REF = "must be a service index (a whole number >= 0) or a service name";
const LINE_REF = "must be a line index (a whole number >= 0) or words of its label";

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  void _drop;
  return rest;
}

/** The published EstimateInput schema (lib/export/json-schema.ts) as a tool's arguments: the same body as POST /api/estimate. */
function estimateInputArguments(): Record<string, unknown> {
  const { $id: _id, $schema: _schema, ...rest } = estimateInputJsonSchema();
  void _id;
  void _schema;
  return rest;
}

/**
 * Each tool's arguments: the schema advertised (rich, derived) and the shape checked first (the estimate parts are
 * `unknown` there and read by the same readers as the API, so their messages are the API's).
 */
function argumentsOf<T extends z.ZodRawShape>(shape: T, estimateKeys: ReadonlyArray<keyof T & string>) {
  const advertised = z.strictObject(shape);
  // The estimate keys' values are read from the raw arguments by readInput / readCompareSideValue, never from here.
  const names = Object.keys(shape).join(", ");
  const unknownKeys = (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `has unknown argument${(issue.keys?.length ?? 0) === 1 ? "" : "s"} ${(issue.keys ?? []).map((k) => JSON.stringify(k.slice(0, 64))).join(", ")}; the arguments are ${names}` : undefined;
  const check = z.strictObject({ ...shape, ...Object.fromEntries(estimateKeys.map((k) => [k, z.unknown().optional()])) }, { error: unknownKeys }) as unknown as z.ZodType<z.output<typeof advertised>>;
  return { advertised, check, jsonSchema: jsonSchemaOf(advertised) };
}

function checkArgs<T>(schema: z.ZodType<T>, args: Record<string, unknown>): { ok: true; value: T } | { ok: false; errors: FieldError[] } {
  const parsed = schema.safeParse(args);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}

const prefixed = (errors: ReadonlyArray<FieldError>, prefix: string): FieldError[] =>
  errors.map((e) => ({ path: e.path === "(root)" || e.path === "(file)" ? prefix : childPath(prefix, e.path), message: e.message }));

/** An EstimateInput given as an object (parsed as POST /api/estimate does) or as a share link. */
function readInput(value: unknown, path: string): { ok: true; input: EstimateInput } | { ok: false; errors: FieldError[] } {
  if (typeof value === "string") {
    const token = shareTokenFromText(value);
    if (token === null) return { ok: false, errors: [{ path, message: "is neither an estimate input (object) nor a share link (…/?s=v1.… or v1.…)" }] };
    const decoded = decodeShareToken(token);
    if (!decoded.ok) return { ok: false, errors: [{ path, message: decoded.problem }, ...prefixed(decoded.errors, path)] };
    return { ok: true, input: decoded.input };
  }
  const size = jsonLength(value);
  if (size > MAX_INPUT_JSON_CHARS) return { ok: false, errors: [{ path, message: `is ${size} characters of JSON; the limit is ${MAX_INPUT_JSON_CHARS} (256 kB, as POST /api/estimate)` }] };
  const parsed = parseEstimateInput(value);
  return parsed.ok ? { ok: true, input: parsed.value } : { ok: false, errors: prefixed(parsed.errors, path) };
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Runs a step that reads price files: an unknown region or snapshot is the caller's problem (a field error, as the
 * API says it); a missing or broken price file is the server's and is rethrown for the server to report.
 */
function pricing<T extends { ok: true }>(step: () => T | { ok: false; errors: FieldError[] }): T | { ok: false; errors: FieldError[] } {
  try {
    return step();
  } catch (error) {
    const fieldError = catalogLookupFieldError(error);
    if (fieldError) return { ok: false, errors: [fieldError] };
    throw error;
  }
}

// ------------------------------------------------------------------ answers shared by several tools

function estimateAnswer(outcome: Extract<PipelineOutcome, { ok: true }>, env: McpEnvironment, extra: { text?: string[]; structured?: Record<string, unknown> } = {}): ToolAnswer {
  const { result, input } = outcome;
  const note = catalogNote(result);
  const link = shareLink(env.shareBaseUrl, input);
  const summary = summarizeEstimate(result);
  const full = boundedResult(result);
  const lead = extra.text && extra.text.length > 0 ? `${extra.text.join("\n")}\n\n` : "";
  const tail = full.complete ? "" : `\n\nThe full result (${full.fullChars} characters of JSON) is above the answer limit (${MAX_STRUCTURED_RESULT_CHARS}): the structured content keeps the totals without cost lines; open the share link or POST the input to /api/estimate for every line.`;
  return {
    ok: true,
    text: bounded(lead + estimateText(summary, note, link) + tail),
    structured: { catalog: note, summary, shareLink: link, ...extra.structured, result: full.result, resultComplete: full.complete },
  };
}

function bundledCatalogs(env: McpEnvironment): string {
  try {
    const list = env.catalogList();
    return `bundled price catalogs: ${list.catalogs.map((c) => c.id).join(", ")} (newest ${list.newest})`;
  } catch {
    return "the bundled price catalogs could not be listed";
  }
}

// ------------------------------------------------------------------ estimate

const estimateTool: ToolDefinition = {
  name: "estimate",
  title: "Estimate the monthly AWS bill of container services",
  description:
    "Prices an EstimateInput (the body of POST /api/estimate: region, services with vCPU, memory, tasks and usage, optional network, EKS and EC2 settings) on Fargate, Fargate Spot, ECS on EC2, ECS Managed Instances or EKS from the bundled, dated AWS price catalog; no AWS account needed. Returns the options with monthly totals, the recommendation, each instance plan with its binding limit, warnings by code, the catalog snapshot and a share link; the full EstimateResult is in the structured content.",
  inputSchema: estimateInputArguments(),
  run(args, env) {
    const read = readInput(args, "(root)");
    if (!read.ok) return { ok: false, errors: read.errors.map((e) => ({ ...e, path: e.path.replace(/^\(root\)\./, "") })), what: "invalid estimate input" };
    const outcome = pricing(() => estimateWithLoader(read.input, env.loadCatalog));
    if (!outcome.ok) return { ok: false, errors: outcome.errors, what: "invalid estimate input" };
    return estimateAnswer(outcome, env);
  },
};

// ------------------------------------------------------------------ compare_regions

const compareRegionsTool: ToolDefinition = {
  name: "compare_regions",
  title: "Rank every AWS region for a workload",
  description:
    "The same EstimateInput priced in every region of its price catalog snapshot (36 regions in the newest), cheapest first: each region's cheapest option, its monthly total and the difference to the input's own region. The same answer as POST /api/estimate/regions.",
  inputSchema: estimateInputArguments(),
  run(args, env) {
    const read = readInput(args, "(root)");
    if (!read.ok) return { ok: false, errors: read.errors.map((e) => ({ ...e, path: e.path.replace(/^\(root\)\./, "") })), what: "invalid estimate input" };
    const outcome = pricing(() => compareRegionsForInput(read.input, env.regions));
    if (!outcome.ok) return { ok: false, errors: outcome.errors, what: "invalid estimate input" };
    const { regions, currentRegion, catalog } = outcome.comparison;
    const link = shareLink(env.shareBaseUrl, read.input);
    const index = env.catalogIndex(catalog);
    const dates = [...new Set(index.regions.flatMap((r) => r.sources.map((s) => s.asOf)))].sort();
    const text = `${regionsText(outcome.comparison, link)}\nPrice catalog ${catalog} (created ${index.createdAt}; USD; sources dated ${dates[0]} to ${dates[dates.length - 1]}).`;
    return {
      ok: true,
      text,
      structured: {
        catalog: { id: catalog, createdAt: index.createdAt, regions: index.regions.length, sourcesAsOf: { oldest: dates[0] ?? null, newest: dates[dates.length - 1] ?? null } },
        currentRegion,
        ranking: regions.map((r, i) => ({ rank: r.cheapest ? i + 1 : null, region: r.region, location: r.location, cheapest: r.cheapest, monthlyCents: r.cheapest ? toCents(r.cheapest.monthlyUSD) : null, differencePct: r.differencePct })),
        regions,
        shareLink: link,
      },
    };
  },
};

// ------------------------------------------------------------------ compare_estimates

const compareArgs = argumentsOf(
  {
    old: CompareSideSchema.describe("The estimate before: a share link, an EstimateInput or a JSON export"),
    new: CompareSideSchema.describe("The estimate after: a share link, an EstimateInput or a JSON export"),
    maxIncrease: z.number("must be a number >= 0").min(0, "must be a number >= 0").optional().describe("USD per month: the verdict says exceeded when the recommended total grows by more"),
    maxIncreasePct: z.number("must be a number >= 0").min(0, "must be a number >= 0").optional().describe("Percent: the verdict says exceeded when the recommended total grows by more"),
  },
  ["old", "new"],
);

const compareEstimatesTool: ToolDefinition = {
  name: "compare_estimates",
  title: "Compare two estimates",
  description:
    "Two estimates (share links, EstimateInputs or JSON exports) priced and compared per option, service and line in displayed cents, the change split into what the input changed and what the prices changed; optional limits give a pass/exceeded verdict (as a CI budget check). The same answer as POST /api/compare.",
  inputSchema: compareArgs.jsonSchema,
  run(args, env) {
    const checked = checkArgs(compareArgs.check, args);
    if (!checked.ok) return { ok: false, errors: checked.errors, what: "invalid comparison request" };
    const errors: FieldError[] = [];
    const sides = (["old", "new"] as const).map((label) => {
      const value = args[label];
      if (value === undefined) {
        errors.push({ path: label, message: "is missing: a share link, a JSON export or an estimate input" });
        return null;
      }
      if (jsonLength(value) > MAX_COMPARE_SIDE_CHARS) {
        errors.push({ path: label, message: `is too large (at most ${MAX_COMPARE_SIDE_CHARS} characters)` });
        return null;
      }
      const side = readCompareSideValue(value, label);
      if (!side.ok) {
        errors.push(...side.errors);
        return null;
      }
      return side.side;
    });
    if (errors.length > 0 || !sides[0] || !sides[1]) return { ok: false, errors, what: "invalid comparison request" };
    const outcome = pricing(() => compareSides(sides[0]!, sides[1]!, env.loadCatalog));
    if (!outcome.ok) return { ok: false, errors: outcome.errors, what: "the estimates cannot be compared" };
    const threshold = checkThresholds(outcome.report, { maxIncreaseUSD: checked.value.maxIncrease ?? null, maxIncreasePct: checked.value.maxIncreasePct ?? null });
    const report = outcome.report;
    const catalogs = `Price catalogs: old ${report.old.catalogId} (${report.old.region}, sources to ${report.old.catalogSourcesAsOf ?? "n/a"}), new ${report.new.catalogId} (${report.new.region}, sources to ${report.new.catalogSourcesAsOf ?? "n/a"}).`;
    const links = { old: shareLink(env.shareBaseUrl, sides[0].input), new: shareLink(env.shareBaseUrl, sides[1].input) };
    const text = `${renderCompareMarkdown(report, threshold)}\n${catalogs}\nOpen them on the page: old ${links.old ?? "(too large for a link)"}, new ${links.new ?? "(too large for a link)"}`;
    return { ok: true, text: bounded(text), structured: { catalog: { old: report.old.catalogId, new: report.new.catalogId, repricing: report.repricing.catalogId }, ...report, threshold, shareLinks: links } };
  },
};

// ------------------------------------------------------------------ rightsize

const rightsizeArgs = argumentsOf(
  {
    usage: z.string("must be text: the utilization export").describe("The utilization export as text: Container Insights CSV/JSON (CpuUtilized, MemoryUtilized), service metrics CSV (CPUUtilization, MemoryUtilization %), GetMetricData JSON, or performance log events (JSON lines)"),
    input: InputOrLinkSchema.optional().describe("The estimate the service belongs to (EstimateInput or share link); without it a one-service estimate is built from the fields below"),
    service: z.union([z.number().int(SERVICE_REF).min(0, SERVICE_REF), z.string().max(64, SERVICE_REF)], SERVICE_REF).optional().describe("With input: the service to right-size, by index or name (default 0)"),
    vcpu: EstimateInputSchema.shape.services.element.shape.vcpu.optional().describe("Current task vCPU (default: the input's service, else the file's CpuReserved)"),
    memoryGiB: EstimateInputSchema.shape.services.element.shape.memoryGiB.optional().describe("Current task memory in GiB (default: the input's service, else the file's MemoryReserved)"),
    region: RegionCodeSchema.optional().describe("Without input: the region (default us-east-1)"),
    catalog: CatalogIdSchema.optional().describe("Without input: the price catalog snapshot (default: the newest)"),
    tasks: EstimateInputSchema.shape.services.element.shape.tasks.optional().describe("Without input: running tasks (default 1)"),
    architecture: ArchitectureSchema.optional(),
    os: OperatingSystemSchema.optional(),
    cpuPercentile: z.enum(PERCENTILES, `must be one of ${PERCENTILES.join(", ")}`).optional().describe(`Default ${DEFAULT_SETTINGS.cpuPercentile}`),
    memoryPercentile: z.enum(PERCENTILES, `must be one of ${PERCENTILES.join(", ")}`).optional().describe(`Default ${DEFAULT_SETTINGS.memoryPercentile}`),
    headroomPct: z.number(`must be a number from 0 to ${MAX_HEADROOM_PCT} (percent)`).min(0, `must be a number from 0 to ${MAX_HEADROOM_PCT} (percent)`).max(MAX_HEADROOM_PCT, `must be a number from 0 to ${MAX_HEADROOM_PCT} (percent)`).optional().describe(`Percent added above the percentile (default ${DEFAULT_SETTINGS.headroomPct})`),
  },
  ["input"],
);

const rightsizeTool: ToolDefinition = {
  name: "rightsize",
  title: "Right-size a service from its CloudWatch utilization",
  description:
    "Reads a CloudWatch utilization export (text), recommends a task size (percentile + headroom, snapped to a valid Fargate size) and prices the current and recommended sizes on every option. With an estimate (input or share link) it right-sizes one of its services and returns a share link to the estimate with the new size applied.",
  inputSchema: rightsizeArgs.jsonSchema,
  run(args, env) {
    const checked = checkArgs(rightsizeArgs.check, args);
    if (!checked.ok) return { ok: false, errors: checked.errors, what: "invalid right-sizing request" };
    const a = checked.value;
    if (a.usage.length > MAX_USAGE_TEXT_CHARS) return { ok: false, errors: [{ path: "usage", message: `is ${a.usage.length} characters; the limit is ${MAX_USAGE_TEXT_CHARS}` }], what: "invalid right-sizing request" };
    const analyzed = analyzeUsageText(a.usage);
    if (!analyzed.ok) return { ok: false, errors: [{ path: "usage", message: analyzed.error }], what: "unusable utilization data" };
    const usage = analyzed.summary;
    const settings: RightsizeSettings = {
      cpuPercentile: a.cpuPercentile ?? DEFAULT_SETTINGS.cpuPercentile,
      memoryPercentile: a.memoryPercentile ?? DEFAULT_SETTINGS.memoryPercentile,
      headroomPct: a.headroomPct ?? DEFAULT_SETTINGS.headroomPct,
    };
    let input: EstimateInput;
    let index = 0;
    const notes: string[] = [];
    if (args.input !== undefined) {
      const withoutInput = (["region", "catalog", "tasks", "architecture", "os"] as const).filter((k) => a[k] !== undefined);
      if (withoutInput.length > 0) return { ok: false, errors: withoutInput.map((k) => ({ path: k, message: "applies only without input (the estimate says its own)" })), what: "invalid right-sizing request" };
      const read = readInput(args.input, "input");
      if (!read.ok) return { ok: false, errors: read.errors, what: "invalid estimate input" };
      input = read.input;
      if (typeof a.service === "string") {
        index = input.services.findIndex((s) => s.name === a.service);
        if (index < 0) return { ok: false, errors: [{ path: "service", message: `no service is named ${JSON.stringify(a.service.slice(0, 64))}; the services are ${input.services.map((s) => s.name).join(", ")}` }], what: "invalid right-sizing request" };
      } else if (a.service !== undefined) {
        index = a.service;
        if (!input.services[index]) return { ok: false, errors: [{ path: "service", message: `the estimate has ${input.services.length} service(s) (0 to ${input.services.length - 1})` }], what: "invalid right-sizing request" };
      }
      if (a.vcpu !== undefined || a.memoryGiB !== undefined) input = applySize(input, index, { vcpu: a.vcpu ?? input.services[index]!.vcpu, memoryGiB: a.memoryGiB ?? input.services[index]!.memoryGiB });
    } else {
      if (a.service !== undefined) return { ok: false, errors: [{ path: "service", message: "applies only with input" }], what: "invalid right-sizing request" };
      const size = resolveCurrentSize(usage, { vcpu: a.vcpu ?? null, memoryGiB: a.memoryGiB ?? null });
      notes.push(...size.notes);
      const missing: FieldError[] = [];
      if (size.vcpu === null) missing.push({ path: "vcpu", message: "is required: the file has no CpuReserved and no input was given" });
      if (size.memoryGiB === null) missing.push({ path: "memoryGiB", message: "is required: the file has no MemoryReserved and no input was given" });
      if (missing.length > 0) return { ok: false, errors: missing, what: "invalid right-sizing request" };
      const built = oneServiceInput(a.region ?? "us-east-1", a.catalog, {
        name: "service",
        vcpu: size.vcpu as number,
        memoryGiB: size.memoryGiB as number,
        architecture: a.architecture ?? "x86_64",
        os: a.os ?? "linux",
        ephemeralStorageGiB: FARGATE_INCLUDED_STORAGE_GIB,
        tasks: a.tasks ?? 1,
      });
      if (!built.ok) return { ok: false, errors: built.errors.map((e) => ({ path: e.path.replace(/^services\[0\]\./, ""), message: e.message })), what: "invalid right-sizing request" };
      input = built.input;
    }
    const outcome = pricing(() => rightsizeWithLoader(usage, input, index, env.loadCatalog, settings));
    if (!outcome.ok) return { ok: false, errors: outcome.errors, what: "cannot right-size" };
    const { estimates, ...brief } = outcome.result;
    const note = catalogNote(estimates.current);
    const applied = applySize(input, index, brief.recommended);
    const links = { current: shareLink(env.shareBaseUrl, input), recommended: shareLink(env.shareBaseUrl, applied) };
    const warnings = [...notes, ...usage.warnings, ...brief.warnings];
    const rows = brief.options.map((o) => `- ${o.id}: ${o.label}: ${formatCents(o.currentUSD === null ? null : toCents(o.currentUSD))} now, ${formatCents(o.recommendedUSD === null ? null : toCents(o.recommendedUSD))} recommended${o.reason ? ` (${o.reason})` : ""}`);
    const text = [
      `Right-sizing ${brief.service} in ${brief.region}: ${brief.finding}. ${catalogSentence(note)}`,
      `Current ${brief.current.vcpu} vCPU / ${brief.current.memoryGiB} GiB; observed CPU ${brief.observed.cpu ? `${brief.observed.cpu.percentile} ${brief.observed.cpu.atPercentile.toFixed(3)} vCPU` : "n/a"}, memory ${brief.observed.memory ? `${brief.observed.memory.percentile} ${brief.observed.memory.atPercentile.toFixed(3)} GiB` : "n/a"} (${usage.samples} samples, ${usage.formatLabel}); headroom ${settings.headroomPct}%.`,
      `Recommended ${brief.recommended.vcpu} vCPU / ${brief.recommended.memoryGiB} GiB${brief.recommended.validFargateSize ? " (a valid Fargate size)" : ""}; ${brief.monthlySavingsUSD === null ? "savings on Fargate n/a" : `${formatCents(toCents(brief.monthlySavingsUSD))}/month less on Fargate on-demand`}.`,
      brief.why,
      "",
      "Per option (USD per month):",
      ...rows,
      ...(warnings.length > 0 ? ["", "Warnings:", ...warnings.map((w) => `- ${w}`)] : []),
      "",
      `Rules: docs/billing-rules.md#rightsize-method, #rightsize-samples. Estimate with the recommended size: ${links.recommended ?? "(too large for a link)"}`,
    ].join("\n");
    return { ok: true, text: bounded(text), structured: { catalog: note, ...brief, warnings, usage: { format: usage.format, formatLabel: usage.formatLabel, rows: usage.rows, samples: usage.samples, timeRange: usage.timeRange, reserved: usage.reserved }, shareLinks: links } };
  },
};

// ------------------------------------------------------------------ imports

const k8sArgs = argumentsOf(
  {
    manifests: z.string("must be text: Kubernetes manifests as YAML or JSON").describe("Kubernetes manifests as YAML or JSON text (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Pods; several documents separated by ---)"),
    region: RegionCodeSchema.optional().describe("Default us-east-1"),
    catalog: CatalogIdSchema.optional().describe("Price catalog snapshot (default: the newest)"),
    daemonSetNodes: z.number("must be a whole number >= 0").int("must be a whole number >= 0").min(0, "must be a whole number >= 0").max(100_000, "must be at most 100,000").optional().describe(`Nodes each DaemonSet runs on (default ${DEFAULT_DAEMONSET_NODES})`),
    jobRunSeconds: z.number("must be a whole number >= 1").int("must be a whole number >= 1").min(1, "must be a whole number >= 1").max(31 * 86_400, "must be at most 2,678,400 (31 days)").optional().describe(`Run time of a Job pod without activeDeadlineSeconds (default ${DEFAULT_JOB_RUN_SECONDS})`),
  },
  [],
);

function importedEstimate(raw: unknown, env: McpEnvironment, what: string, report: string[], extra: Record<string, unknown>): ToolAnswer {
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) return { ok: false, errors: prefixed(parsed.errors, "(imported input)"), what };
  const outcome = pricing(() => estimateWithLoader(parsed.value, env.loadCatalog));
  if (!outcome.ok) return { ok: false, errors: outcome.errors, what };
  return estimateAnswer(outcome, env, { text: report, structured: { input: parsed.value, ...extra } });
}

const importKubernetesTool: ToolDefinition = {
  name: "import_kubernetes",
  title: "Price Kubernetes manifests on EKS",
  description:
    "Kubernetes manifests (YAML or JSON text) -> the EstimateInput (orchestrator eks: pods on Fargate, Fargate Spot or a managed node group) and its estimate, with notes on what the import assumed. The same conversion as POST /api/import/k8s and the CLI's --k8s.",
  inputSchema: k8sArgs.jsonSchema,
  run(args, env) {
    const checked = checkArgs(k8sArgs.check, args);
    if (!checked.ok) return { ok: false, errors: checked.errors, what: "invalid import request" };
    const { manifests, ...options } = checked.value;
    if (manifests.length > MAX_MANIFEST_CHARS) return { ok: false, errors: [{ path: "manifests", message: `is ${manifests.length} characters; the limit is ${MAX_MANIFEST_CHARS} (1 MiB, as POST /api/import/k8s)` }], what: "invalid import request" };
    const imported = importKubernetesManifests(manifests, options);
    if (!imported.ok) return { ok: false, errors: prefixed(imported.errors, "manifests"), what: "invalid Kubernetes manifests" };
    const report = [`Imported from Kubernetes manifests (${imported.input.services.length} service${imported.input.services.length === 1 ? "" : "s"}).`, ...imported.notes.map((n) => `note: ${n}`)];
    return importedEstimate(imported.input, env, "the imported input is not valid", report, { notes: imported.notes });
  },
};

function iacTool(kind: "terraform" | "cloudformation"): ToolDefinition {
  const key = kind === "terraform" ? "plan" : "template";
  const args = argumentsOf(
    {
      [key]: z
        .string(`must be text: ${kind === "terraform" ? "the plan's JSON" : "the template"}`)
        .describe(kind === "terraform" ? "The JSON text of `terraform show -json plan.tfplan`" : "A CloudFormation template (JSON or YAML text) or `cdk synth` output"),
      region: RegionCodeSchema.optional().describe(kind === "terraform" ? "Overrides the provider's region (required when the plan does not state it)" : "The stack's region (default us-east-1)"),
    },
    [],
  );
  const label = kind === "terraform" ? "a Terraform plan" : "a CloudFormation template";
  return {
    name: `import_${kind}`,
    title: kind === "terraform" ? "Price a Terraform plan's ECS services" : "Price a CloudFormation template's ECS services",
    description: `${kind === "terraform" ? "A Terraform plan (terraform show -json)" : "A CloudFormation or CDK template"} -> the EstimateInput of its ECS services (task definitions, capacity providers, load balancers, NAT gateways) and its estimate, with what could not be known from the file. The same conversion as POST /api/import/iac?kind=${kind}.`,
    inputSchema: args.jsonSchema,
    run(raw, env) {
      const checked = checkArgs(args.check, raw);
      if (!checked.ok) return { ok: false, errors: checked.errors, what: "invalid import request" };
      const text = (checked.value as Record<string, unknown>)[key] as string;
      const region = (checked.value as { region?: string }).region;
      if (text.length > MAX_IAC_CHARS) return { ok: false, errors: [{ path: key, message: `is ${text.length} characters; the limit is ${MAX_IAC_CHARS} (5 MB, as POST /api/import/iac)` }], what: "invalid import request" };
      const options = region ? { region } : {};
      const out: IacImportOutcome = kind === "terraform" ? importTerraformPlan(text, options) : importCloudFormationTemplate(text, options);
      if (!out.ok) return { ok: false, errors: prefixed(out.errors, key), what: `cannot import ${label}` };
      const report = [
        `Imported ${out.services.length} service${out.services.length === 1 ? "" : "s"} from ${label}: ${out.services.map((s) => `${s.name} (from ${s.source})`).join(", ")}.`,
        ...(out.unresolved.length > 0 ? ["Not known from the file (reported, not guessed):", ...out.unresolved.map((e) => `- ${e.path}: ${e.message}`)] : []),
        ...out.notes.map((n) => `note: ${n}`),
      ];
      return importedEstimate(out.input, env, "the imported input is not valid", report, { services: out.services, notes: out.notes, unresolved: out.unresolved });
    },
  };
}

// ------------------------------------------------------------------ explain

const explainArgs = argumentsOf(
  {
    input: InputOrLinkSchema.optional().describe("The estimate (EstimateInput or share link) whose option and line to explain"),
    option: z.string("must be an option id such as fargate or ec2").max(100, "must be at most 100 characters").optional().describe("An option id of that estimate (fargate, fargate-spot, ec2, ecs-managed-instances, …; default: the recommended option)"),
    line: z.union([z.number().int(LINE_REF).min(0, LINE_REF), z.string().max(200, "must be at most 200 characters")], LINE_REF).optional().describe("A cost line of the option: its 0-based index, or words of its label (\"EC2 instance\", \"memory\"); default: the option as a whole"),
    topic: z.string("must be text: a rule's anchor or words of its heading").max(200, "must be at most 200 characters").optional().describe("Without input: a rule's anchor (ec2-packing) or words of its heading (\"Fargate Spot\")"),
  },
  ["input"],
);

function rulesFor(anchors: ReadonlyArray<string>, env: McpEnvironment): ExplainedRule[] {
  const doc = rulesDocument(env.billingRules());
  return [...new Set(anchors)].map((a) => explainedRule(doc, a)).filter((r): r is ExplainedRule => r !== null);
}

function ruleText(r: ExplainedRule): string {
  const out = [`## ${r.heading} (${r.reference})`, r.text];
  if (r.formulas.length > 0) out.push(`Formula: ${r.formulas.join("; ")}`);
  out.push(`AWS source: ${r.source ?? "none stated (our rule; see the text)"}`);
  if (r.code) out.push(`Code: ${r.code}`);
  return out.join("\n");
}

const explainTool: ToolDefinition = {
  name: "explain",
  title: "Explain an option or cost line: its rule, formula, AWS source and price date",
  description:
    "For an estimate (input or share link), an option id and optionally one of its cost lines: the billing rules behind it from docs/billing-rules.md (text, formula, AWS source), and for a line its quantity, unit, rate, AWS usage type and the dated catalog source of the price. For an EC2-backed option without a line: its instance plan and binding limits. With only a topic: that rule's section.",
  inputSchema: explainArgs.jsonSchema,
  run(args, env) {
    const checked = checkArgs(explainArgs.check, args);
    if (!checked.ok) return { ok: false, errors: checked.errors, what: "invalid explain request" };
    const a = checked.value;
    if (args.input === undefined) {
      if (a.topic === undefined) return { ok: false, errors: [{ path: "input", message: "is missing: give an estimate (input or share link) with an option, or a topic" }], what: "invalid explain request" };
      const doc = rulesDocument(env.billingRules());
      const found = findSections(doc, a.topic).slice(0, 3);
      if (found.length === 0) {
        return { ok: false, errors: [{ path: "topic", message: `no rule matches ${JSON.stringify(a.topic.slice(0, 80))}; the anchors are ${doc.sections.map((s) => s.anchor).join(", ")}` }], what: "unknown topic" };
      }
      const rules = rulesFor(found.map((s) => s.anchor), env);
      return { ok: true, text: bounded(`${rules.map(ruleText).join("\n\n")}\n\nPrices are not in the rules: every rate comes from the dated price catalog (${bundledCatalogs(env)}).`), structured: { catalog: env.catalogList(), rules } };
    }
    if (a.topic !== undefined) return { ok: false, errors: [{ path: "topic", message: "applies only without input (with an estimate, name an option and a line)" }], what: "invalid explain request" };
    const read = readInput(args.input, "input");
    if (!read.ok) return { ok: false, errors: read.errors, what: "invalid estimate input" };
    const loaded = pricing(() => loadInputCatalog(read.input, env.loadCatalog));
    if (!loaded.ok) return { ok: false, errors: loaded.errors, what: "invalid estimate input" };
    // Every line keeps its catalog rate here, so the answer can name each line's price source and date.
    const outcome = pricing(() => withEveryLineRate(() => estimateWithLoader(read.input, () => loaded.catalog)));
    if (!outcome.ok) return { ok: false, errors: outcome.errors, what: "invalid estimate input" };
    const result: EstimateResult = outcome.result;
    const note = catalogNote(result);
    const ids = result.options.map((o) => o.id).join(", ");
    const optionId = a.option ?? result.recommendation?.optionId;
    if (optionId === undefined) return { ok: false, errors: [{ path: "option", message: `is required (no option is recommended); the options are ${ids}` }], what: "invalid explain request" };
    const option = result.options.find((o) => o.id === optionId);
    if (!option) return { ok: false, errors: [{ path: "option", message: `this estimate has no option ${JSON.stringify(optionId.slice(0, 100))}; its options are ${ids}` }], what: "invalid explain request" };
    const link = shareLink(env.shareBaseUrl, read.input);
    const summary = summarizeEstimate(result);
    const optionSummary = summary.options.find((o) => o.id === option.id)!;
    const head = `${option.label} (${option.id}): ${option.available ? `${formatCents(optionSummary.monthlyCents)}/month` : `unavailable: ${option.reason ?? ""}`}. ${catalogSentence(note)}`;
    if (a.line === undefined) {
      const rules = rulesFor(optionAnchors(option, result), env);
      const lines = option.lines.map((l, i) => ({ index: i, service: l.service, label: l.label ?? l.component, usd: l.usd, anchors: lineAnchors(l, option, result) }));
      const out = [head];
      if (optionSummary.plan) {
        out.push("", `Plan: ${planText(optionSummary.plan)}`);
        for (const i of optionSummary.plan.instances) {
          const per = option.plan?.instances.find((p) => p.type === i.type)?.tasksPerInstance ?? {};
          out.push(`- ${i.count} x ${i.type}: tasks per instance ${Object.entries(per).map(([n, c]) => `${n} ${c}`).join(", ")}; binding limit ${i.boundBy ?? "n/a"}`);
        }
        if (optionSummary.plan.why) out.push(`Why: ${optionSummary.plan.why}`);
      }
      out.push("", "Lines (index: label, service -> rule):", ...lines.slice(0, 40).map((l) => `${l.index}: ${l.label}, ${l.service}, ${formatCents(toCents(l.usd))} -> #${l.anchors[0]}`));
      if (lines.length > 40) out.push(`… ${lines.length - 40} more lines in the structured content`);
      out.push("", rules.map(ruleText).join("\n\n"), "", `Open it on the page: ${link ?? "(too large for a link)"}`);
      return { ok: true, text: bounded(out.join("\n")), structured: { catalog: note, option: optionSummary, lines, rules, shareLink: link } };
    }
    const selected = selectLine(option, a.line);
    if (!selected.ok) return { ok: false, errors: selected.errors, what: "invalid explain request" };
    const { line, index } = selected.selection;
    const price = linePrice(line, loaded.catalog);
    const rules = rulesFor(lineAnchors(line, option, result), env);
    const priceSource = price.source ? `${price.source.name} (as of ${price.source.asOf}; ${price.source.origin})` : `the catalog rate dated ${price.asOf}`;
    const out = [
      head,
      "",
      `Line ${index}: ${line.label ?? line.component} (${line.service}) = ${line.quantity} ${line.unit} x $${line.rateUSD} = ${formatCents(toCents(line.usd))} per month (exact ${line.usd} USD).`,
      `Price: $${line.rateUSD} per ${line.unit.replace(/s$/, "")}${line.usageType ? `, AWS usage type ${line.usageType}` : ""}, as of ${line.asOf}, from ${priceSource}${line.derived ? `; derived: ${line.note ?? ""}` : ""}.`,
      ...(line.note && !line.derived ? [`Note: ${line.note}`] : []),
      "",
      rules.map(ruleText).join("\n\n"),
      "",
      `Open it on the page: ${link ?? "(too large for a link)"}`,
    ];
    return { ok: true, text: bounded(out.join("\n")), structured: { catalog: note, option: { id: option.id, label: option.label, monthlyCents: optionSummary.monthlyCents }, line: { index, ...line }, price, rules, shareLink: link } };
  },
};

export const TOOLS: ReadonlyArray<ToolDefinition> = [
  estimateTool,
  compareRegionsTool,
  compareEstimatesTool,
  rightsizeTool,
  importKubernetesTool,
  iacTool("terraform"),
  iacTool("cloudformation"),
  explainTool,
];

export function findTool(name: string): ToolDefinition | undefined {
  return TOOLS.find((t) => t.name === name);
}

export { bundledCatalogs };
