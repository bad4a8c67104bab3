/**
 * CLI: npm run -s rightsize -- USAGE_FILE --current-vcpu 1 --current-memory 2 [--region us-east-1] ...
 * Reads a CloudWatch utilization export (CSV or JSON, see lib/rightsize/usage.ts), recommends a Fargate size
 * and prices current vs recommended on every launch type. Prints the recommendation as JSON on stdout.
 * Exit codes: 0 ok; 2 bad arguments or an unusable file (a clear message on stderr).
 * `main(argv, io)` is exported so tests run it in-process.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { dataDirOf, describeReadError, EXIT_INVALID, EXIT_OK, inputLabel, runIfInvokedDirectly, usageOrHelp, type CliIO } from "./cli-runner";
import { CatalogFileError, CatalogLookupError } from "../lib/catalog";
import { loadRegionCatalog } from "../lib/catalog/fs-loader";
import { oneServiceInput } from "../lib/rightsize/apply";
import { resolveCurrentSize } from "../lib/rightsize/current-size";
import { isPercentileKey, type PercentileKey } from "../lib/rightsize/percentile";
import { checkSettings, DEFAULT_SETTINGS, type RightsizeSettings } from "../lib/rightsize/recommend";
import { rightsizeWithLoader } from "../lib/pipeline/rightsize";
import { parseMemoryMiB, readTaskDefinitionFile, type TaskDefinitionService } from "../lib/rightsize/task-definition";
import { ArchitectureSchema, OperatingSystemSchema, type Architecture, type OperatingSystem } from "../lib/schemas/estimate";
import { formatFieldErrors } from "../lib/field-errors";
import { analyzeUsageText, checkUsageFileSize } from "../lib/rightsize/usage";
import { FARGATE_INCLUDED_STORAGE_GIB, MIB_PER_GIB } from "../lib/units";



const USAGE = `Usage: npm run -s rightsize -- USAGE_FILE [options]
  USAGE_FILE               CloudWatch export: Container Insights CSV/JSON (CpuUtilized, MemoryUtilized),
                           service metrics CSV (CPUUtilization, MemoryUtilization %), GetMetricData JSON,
                           or performance log events (JSON lines); "-" reads standard input
  --current-vcpu N         current task size in vCPU (e.g. 1, 0.5); optional with --task-definition or
                           when the file has CpuReserved
  --current-memory GIB     current task memory in GiB (e.g. 2) or with a unit ("2048 MiB")
  --task-definition FILE   take the current size, architecture and OS from an ECS task definition JSON
  --region REGION          default us-east-1
  --catalog ID             price catalog snapshot (default: the newest bundled one)
  --tasks N                running tasks (default 1)
  --architecture A         x86_64 (default) or arm64
  --os OS                  linux (default) or windows
  --cpu-percentile P       p50, p90, p95 (default), p99 or max
  --memory-percentile P    p50, p90, p95, p99 or max (default)
  --headroom PCT           percent added above the percentile (default 15)
  --full                   include both full engine results (every cost line with its rate and date)
  --catalog-dir DIR        the data directory holding catalog/, or catalog/ itself (default ./data)
Exit codes: 0 ok, 2 invalid arguments or file.`;

interface Args {
  file: string;
  vcpu: number | null;
  memoryGiB: number | null;
  taskDefinition: string | null;
  region: string;
  catalog: string | undefined;
  tasks: number;
  architecture: Architecture | null;
  os: OperatingSystem | null;
  settings: RightsizeSettings;
  full: boolean;
  dataDir: string | null;
  help: boolean;
}

function positive(flag: string, v: string | undefined, allowZero = false): number | string {
  const n = v === undefined || v.trim() === "" ? NaN : Number(v);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) return `${flag}: expected a number ${allowZero ? ">= 0" : "> 0"}, got ${v === undefined ? "nothing" : JSON.stringify(v)}`;
  return n;
}

function parseArgs(argv: string[]): Args | { error: string } {
  const out: Args = {
    file: "",
    vcpu: null,
    memoryGiB: null,
    taskDefinition: null,
    region: "us-east-1",
    catalog: undefined,
    tasks: 1,
    architecture: null,
    os: null,
    settings: { ...DEFAULT_SETTINGS },
    full: false,
    dataDir: null,
    help: false,
  };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    const num = (allowZero = false) => positive(flag, value(), allowZero);
    switch (flag) {
      case "--help":
      case "-h":
        out.help = true;
        break;
      case "--current-vcpu": {
        const n = num();
        if (typeof n === "string") return { error: n };
        out.vcpu = n;
        break;
      }
      case "--current-memory": {
        const v = value();
        const asNumber = v !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(v);
        if (asNumber) out.memoryGiB = Number(v);
        else {
          const r = parseMemoryMiB(v);
          if (!r.ok) return { error: `--current-memory: expected GiB (e.g. 2) or a size with a unit ("2048 MiB"), got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
          out.memoryGiB = r.value / MIB_PER_GIB;
        }
        if (!(out.memoryGiB > 0)) return { error: "--current-memory: must be > 0" };
        break;
      }
      case "--task-definition": {
        const v = value();
        if (!v) return { error: "--task-definition: expected a JSON file" };
        out.taskDefinition = v;
        break;
      }
      case "--region": {
        const v = value();
        if (!v) return { error: "--region: expected a region code such as us-east-1" };
        out.region = v;
        break;
      }
      case "--catalog": {
        const v = value();
        if (!v) return { error: "--catalog: expected a catalog id such as 2026-11-26" };
        out.catalog = v;
        break;
      }
      case "--tasks": {
        const n = num(true);
        if (typeof n === "string") return { error: n };
        out.tasks = n;
        break;
      }
      case "--architecture": {
        const given = value();
        const v = ArchitectureSchema.safeParse(given);
        if (!v.success) return { error: `--architecture: expected ${ArchitectureSchema.options.join(" or ")}, got ${JSON.stringify(given ?? "")}` };
        out.architecture = v.data;
        break;
      }
      case "--os": {
        const given = value();
        const v = OperatingSystemSchema.safeParse(given);
        if (!v.success) return { error: `--os: expected ${OperatingSystemSchema.options.join(" or ")}, got ${JSON.stringify(given ?? "")}` };
        out.os = v.data;
        break;
      }
      case "--cpu-percentile":
      case "--memory-percentile": {
        const v = value()?.toLowerCase();
        const key = v === "p100" || v === "100" ? "max" : v && /^\d+$/.test(v) ? `p${v}` : v;
        if (!isPercentileKey(key)) return { error: `${flag}: expected p50, p90, p95, p99 or max, got ${JSON.stringify(v ?? "")}` };
        if (flag === "--cpu-percentile") out.settings.cpuPercentile = key as PercentileKey;
        else out.settings.memoryPercentile = key as PercentileKey;
        break;
      }
      case "--headroom": {
        const v = value()?.replace(/%$/, "");
        const n = positive(flag, v, true);
        if (typeof n === "string") return { error: n };
        out.settings.headroomPct = n;
        break;
      }
      case "--full":
        out.full = true;
        break;
      case "--catalog-dir": {
        const v = value();
        if (!v) return { error: "--catalog-dir: expected a directory" };
        out.dataDir = v;
        break;
      }
      default:
        if (arg.startsWith("-") && arg !== "-") return { error: `unknown option ${arg}` };
        files.push(arg);
    }
  }
  if (out.help) return out;
  const problems = checkSettings(out.settings);
  if (problems.length) return { error: problems.map((p) => `--${p.path === "headroomPct" ? "headroom" : p.path}: ${p.message}`).join("; ") };
  if (files.length !== 1) return { error: files.length === 0 ? "missing the usage file (CSV or JSON exported from CloudWatch)" : `expected one usage file, got ${files.length}: ${files.join(" ")}` };
  out.file = files[0]!;
  return out;
}

const PATH_TO_FLAG: Record<string, string> = {
  region: "--region",
  catalog: "--catalog",
  "services[0].vcpu": "--current-vcpu",
  "services[0].memoryGiB": "--current-memory",
  "services[0].tasks": "--tasks",
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const fail = (msg: string) => {
    io.stderr(`rightsize: ${msg}\n`);
    return EXIT_INVALID;
  };
  const args = parseArgs(argv);
  if ("error" in args || args.help) return usageOrHelp("rightsize", USAGE, args, io);

  // ---- the usage file
  const label = inputLabel(args.file);
  let text: string;
  try {
    if (args.file === "-") {
      if (!io.readStdin) return fail("standard input is not available");
      text = await io.readStdin();
    } else {
      const abs = path.resolve(cwd, args.file);
      const st = statSync(abs);
      if (st.isDirectory()) return fail(`cannot read ${label}: it is a directory`);
      const sizeProblem = checkUsageFileSize(st.size);
      if (sizeProblem) return fail(`${label}: ${sizeProblem}`);
      text = readFileSync(abs, "utf8");
    }
  } catch (error) {
    return fail(`cannot read ${label}: ${describeReadError(error)}`);
  }
  const analyzed = analyzeUsageText(text);
  if (!analyzed.ok) return fail(`${label}: ${analyzed.error}`);
  const usage = analyzed.summary;

  // ---- the current size: flags, else the task definition, else the file's reservation
  let td: TaskDefinitionService | null = null;
  const notes: string[] = [];
  if (args.taskDefinition) {
    const abs = path.resolve(cwd, args.taskDefinition);
    let bytes: number;
    try {
      const st = statSync(abs);
      if (st.isDirectory()) return fail(`cannot read ${args.taskDefinition}: it is a directory`);
      bytes = st.size;
    } catch (error) {
      return fail(`cannot read ${args.taskDefinition}: ${describeReadError(error)}`);
    }
    // The same reader as the web pages (size limit, then the conversion); a read error comes back as "(file)".
    const r = await readTaskDefinitionFile({ bytes, text: () => readFileSync(abs, "utf8") });
    if (!r.ok) return fail(`${args.taskDefinition}: not a usable task definition:\n${formatFieldErrors(r.errors)}`);
    td = r.service;
    notes.push(...r.warnings);
  }
  const size = resolveCurrentSize(usage, { vcpu: args.vcpu ?? td?.vcpu ?? null, memoryGiB: args.memoryGiB ?? td?.memoryGiB ?? null });
  const { vcpu, memoryGiB } = size;
  notes.push(...size.notes);
  if (vcpu === null) return fail("--current-vcpu is required (the file has no CpuReserved and no --task-definition was given)");
  if (memoryGiB === null) return fail("--current-memory is required (the file has no MemoryReserved and no --task-definition was given)");

  const built = oneServiceInput(args.region, args.catalog, {
    name: td?.name ?? "service",
    vcpu,
    memoryGiB,
    architecture: args.architecture ?? td?.architecture ?? "x86_64",
    os: args.os ?? td?.os ?? "linux",
    ephemeralStorageGiB: td?.ephemeralStorageGiB ?? FARGATE_INCLUDED_STORAGE_GIB,
    tasks: args.tasks,
  });
  if (!built.ok) return fail(built.errors.map((e) => `${PATH_TO_FLAG[e.path] ?? e.path}: ${e.message}`).join("\n"));

  const dataDir = dataDirOf(args.dataDir, cwd);
  let outcome;
  try {
    outcome = rightsizeWithLoader(usage, built.input, 0, (region, catalogId) => loadRegionCatalog(region, catalogId, { dataDir }), args.settings);
  } catch (error) {
    // Unknown region or snapshot come back as field errors; these are a missing or broken price file.
    if (error instanceof CatalogLookupError) return fail(`catalog: ${error.message}`);
    if (error instanceof CatalogFileError) return fail(error.message);
    throw error;
  }
  if (!outcome.ok) return fail(outcome.errors.map((e) => `${PATH_TO_FLAG[e.path] ?? e.path}: ${e.message}`).join("\n"));
  const result = outcome.result;
  const { estimates, ...brief } = result;
  const output = {
    file: label,
    usage: {
      format: usage.format,
      formatLabel: usage.formatLabel,
      rows: usage.rows,
      samples: usage.samples,
      gaps: usage.gaps,
      skippedCount: usage.skippedCount,
      skipped: usage.skipped,
      timeRange: usage.timeRange && {
        from: new Date(usage.timeRange.from).toISOString(),
        to: new Date(usage.timeRange.to).toISOString(),
        hours: usage.timeRange.hours,
      },
      cpu: usage.cpu && { unit: usage.cpu.unit, source: usage.cpu.source, ...usage.cpu.stats },
      memory: usage.memory && { unit: usage.memory.unit, source: usage.memory.source, ...usage.memory.stats },
      reserved: usage.reserved,
    },
    ...brief,
    warnings: [...notes, ...usage.warnings, ...brief.warnings],
    ...(args.full ? { estimates } : {}),
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return EXIT_OK;
}

runIfInvokedDirectly(import.meta.url, "rightsize", main);
