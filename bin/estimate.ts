/**
 * CLI: npm run -s estimate -- FILE.json [--budget USD] [--format json|table] [--catalog-dir DIR]
 * FILE "-" reads stdin. Prints the EstimateResult JSON (or a table) on stdout.
 * Exit codes: 0 ok; 2 bad usage, unreadable file, invalid JSON or invalid input (every problem with its path
 * on stderr); 3 the recommended option's monthly cost is above --budget.
 * `main(argv, io)` is exported so tests run it in-process.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describeReadError, EXIT_INVALID, EXIT_OK, readAllStdin, runIfInvokedDirectly, type CliIO } from "./cli-runner";
import { CatalogLookupError, CatalogFileError } from "../lib/catalog";
import { loadRegionCatalog } from "../lib/catalog/fs-loader";
import { formatFieldErrors, type FieldError } from "../lib/field-errors";
import { formatCents, formatUSD, toCents } from "../lib/money";
import { compareWithBaseline, presentEstimate } from "../lib/present/estimate";
import { estimateWithLoader, readEstimateFile } from "../lib/pipeline/estimate";
import type { EstimateResult } from "../lib/schemas/estimate";
import { compareMain, COMPARE_USAGE } from "./compare";
import { importIac, type IacKind } from "./iac";
import { FOCUS_VERSION, focusRows, focusRowsToCsv, focusRowsToJson } from "../lib/export/focus";

type OutputFormat = "json" | "table" | "focus-csv" | "focus-json";
const FORMATS: ReadonlyArray<OutputFormat> = ["json", "table", "focus-csv", "focus-json"];


export const EXIT_OVER_BUDGET = 3;

const USAGE = `Usage: npm run -s estimate -- FILE.json | --terraform PLAN.json | --cloudformation TEMPLATE [--budget USD] [--format json|table|focus-csv|focus-json] [--catalog-dir DIR]
  FILE.json        an EstimateInput (or an exported EstimateResult); "-" reads standard input
  --budget USD     exit 3 when the recommended option costs more than USD per month
  --format FORMAT  json (default): the EstimateResult; table: a readable summary;
                   focus-csv / focus-json: FinOps FOCUS ${FOCUS_VERSION} rows (docs/focus-export.md)
  --focus-option O with focus-*: recommended (default), all, or an option id such as fargate-spot
  --focus-month M  with focus-*: the charge period, a month YYYY-MM (default: the current month, UTC)
  --terraform F    F is the JSON of terraform show -json plan.tfplan (instead of FILE.json; docs/iac-import.md)
  --cloudformation F  F is a CloudFormation template, JSON or YAML, or cdk synth output
  --region R       with --terraform / --cloudformation: the region (a template does not name one)
  --catalog-dir D  the data directory holding catalog/ (default: ./data)
Exit codes: 0 ok, 2 invalid usage or input (problems listed with their paths), 3 over budget.

${COMPARE_USAGE}`;

interface Args {
  file: string;
  budget: number | null;
  format: OutputFormat;
  focusOption: string;
  focusMonth: string | null;
  dataDir: string | null;
  /** --terraform / --cloudformation: the file is infrastructure code, not an estimate input. */
  iac: IacKind | null;
  region: string | null;
  help: boolean;
}

function parseArgs(argv: string[]): Args | { error: string } {
  const out: Args = { file: "", budget: null, format: "json", focusOption: "recommended", focusMonth: null, dataDir: null, iac: null, region: null, help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--help" || flag === "-h") out.help = true;
    else if (flag === "--budget") {
      const v = value();
      const n = v === undefined || v.trim() === "" ? NaN : Number(v);
      if (!Number.isFinite(n) || n < 0) return { error: `--budget: expected a number of USD per month >= 0, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.budget = n;
    } else if (flag === "--format") {
      const v = value();
      if (!FORMATS.includes(v as OutputFormat)) return { error: `--format: expected json or table (or focus-csv, focus-json), got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.format = v as OutputFormat;
    } else if (flag === "--focus-option") {
      const v = value();
      if (!v) return { error: "--focus-option: expected recommended, all or an option id" };
      out.focusOption = v;
    } else if (flag === "--focus-month") {
      const v = value();
      if (!v || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return { error: `--focus-month: expected a month YYYY-MM, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.focusMonth = v;
    } else if (flag === "--terraform" || flag === "--cloudformation") {
      const v = value();
      if (!v) return { error: `${flag}: expected a file (or - for standard input)` };
      if (out.iac) return { error: "give one of --terraform and --cloudformation" };
      out.iac = flag === "--terraform" ? "terraform" : "cloudformation";
      files.push(v);
    } else if (flag === "--region") {
      const v = value();
      if (!v) return { error: "--region: expected a region code such as eu-west-1" };
      out.region = v;
    } else if (flag === "--catalog-dir") {
      const v = value();
      if (!v) return { error: "--catalog-dir: expected a directory" };
      out.dataDir = v;
    } else if (arg.startsWith("-") && arg !== "-") return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (out.help) return out;
  if (files.length !== 1) return { error: files.length === 0 ? "missing the input file (or - for standard input)" : `expected one input file, got ${files.length}: ${files.join(" ")}` };
  out.file = files[0] as string;
  return out;
}

function listErrors(source: string, errors: FieldError[]): string {
  return `${source}: invalid estimate input (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n` + formatFieldErrors(errors) + "\n";
}

/** The data dir may be given as data/ (holding catalog/) or as data/catalog itself. */
function resolveDataDir(dir: string, cwd: string): string {
  const abs = path.resolve(cwd, dir);
  if (!existsSync(path.join(abs, "catalog", "index.json")) && existsSync(path.join(abs, "index.json"))) return path.dirname(abs);
  return abs;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes("--compare")) return compareMain(argv, io);
  const cwd = io.cwd ?? process.cwd();
  const args = parseArgs(argv);
  if ("error" in args) {
    io.stderr(`estimate: ${args.error}\n${USAGE}\n`);
    return EXIT_INVALID;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const label = args.file === "-" ? "standard input" : args.file;
  let text: string;
  try {
    text = args.file === "-" ? await (io.readStdin ?? readAllStdin)() : readFileSync(path.resolve(cwd, args.file), "utf8");
  } catch (error) {
    io.stderr(`estimate: cannot read ${label}: ${describeReadError(error)}\n`);
    return EXIT_INVALID;
  }
  if (text.trim() === "") {
    io.stderr(`estimate: ${label} is not valid JSON: it is empty\n`);
    return EXIT_INVALID;
  }
  if (args.region && !args.iac) {
    io.stderr("estimate: --region applies to --terraform and --cloudformation (an estimate input names its region)\n");
    return EXIT_INVALID;
  }
  // Infrastructure code, or the same reader as "Import JSON" on the page: an EstimateInput, or an exported
  // EstimateResult (its input).
  let file: ReturnType<typeof readEstimateFile>;
  if (args.iac) {
    const imported = importIac(args.iac, text, args.region);
    if (!imported.ok) {
      io.stderr(`estimate: cannot import ${label} as ${args.iac === "terraform" ? "a Terraform plan" : "a CloudFormation template"} (${imported.errors.length} problem${imported.errors.length === 1 ? "" : "s"}):\n${formatFieldErrors(imported.errors)}\n`);
      return EXIT_INVALID;
    }
    io.stderr(imported.report);
    file = { ok: true, input: imported.input, kind: "input" };
  } else file = readEstimateFile(text);
  if (!file.ok) {
    const fileLevel = file.errors.length === 1 && file.errors[0]?.path === "(file)";
    io.stderr(fileLevel ? `estimate: ${label} ${file.errors[0]?.message}\n` : listErrors(label, file.errors));
    return EXIT_INVALID;
  }
  const dataDir = args.dataDir ? resolveDataDir(args.dataDir, cwd) : path.join(cwd, "data");
  let outcome;
  try {
    outcome = estimateWithLoader(file.input, (region, catalogId) => loadRegionCatalog(region, catalogId, { dataDir }));
  } catch (error) {
    // Unknown region or snapshot are field errors inside `outcome`; these are a missing or broken price file.
    if (error instanceof CatalogLookupError) {
      io.stderr(listErrors(label, [{ path: "(catalog)", message: error.message }]));
      return EXIT_INVALID;
    }
    if (error instanceof CatalogFileError) {
      io.stderr(`estimate: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
  if (!outcome.ok) {
    io.stderr(listErrors(label, outcome.errors));
    return EXIT_INVALID;
  }
  const result = outcome.result;
  if (args.format === "focus-csv" || args.format === "focus-json") {
    const month = args.focusMonth ?? new Date().toISOString().slice(0, 7);
    const catalog = loadRegionCatalog(result.catalog.region, result.catalog.id, { dataDir });
    const focus = focusRows(result, { month, option: args.focusOption, catalog });
    if (!focus.ok) {
      io.stderr(`estimate: cannot export FOCUS rows: ${focus.error}\n`);
      return EXIT_INVALID;
    }
    io.stdout(args.format === "focus-csv" ? focusRowsToCsv(focus.rows) : focusRowsToJson(focus, month));
  } else io.stdout(args.format === "table" ? renderTable(result) : `${JSON.stringify(result, null, 2)}\n`);

  if (args.budget !== null) {
    const rec = result.recommendation;
    if (!rec) {
      io.stderr(`estimate: cannot meet the budget of ${formatUSD(args.budget)}/month: no option can run this workload\n`);
      return EXIT_OVER_BUDGET;
    }
    if (rec.monthlyUSD > args.budget) {
      io.stderr(
        `estimate: over budget: the recommended option (${rec.optionId}) costs ${formatUSD(rec.monthlyUSD)}/month, ${formatUSD(rec.monthlyUSD - args.budget)} above the budget of ${formatUSD(args.budget)}/month\n`,
      );
      return EXIT_OVER_BUDGET;
    }
  }
  return EXIT_OK;
}

const pct = (n: number) => `${Math.round(n)}%`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** A readable summary for terminals. Amounts are rounded to cents here only. */
export function renderTable(result: EstimateResult): string {
  const out: string[] = [];
  out.push(`ECS cost estimate - ${result.catalog.region}, price catalog ${result.catalog.id}, ${result.hoursPerMonth} h/month`);
  out.push("");
  // Amounts in cents by the presentation rule (lib/present): the columns add up to the totals shown.
  const presented = presentEstimate(result);
  const width = Math.max(20, ...result.options.map((o) => o.label.length)) + 2;
  out.push(`${pad("Option", width)}${padStart("Monthly", 14)}${padStart("vs Fargate", 14)}`);
  for (const p of presented.options) {
    const o = p.option;
    const mark = presented.recommendedId === o.id ? "  <- recommended" : "";
    if (p.totalCents === null) {
      out.push(`${pad(o.label, width)}${padStart("unavailable", 14)}  ${o.reason ?? ""}`);
      continue;
    }
    const vs = compareWithBaseline(p, presented.baseline);
    const diff = vs.kind === "cheaper" ? `-${formatCents(vs.cents)}` : vs.kind === "dearer" ? `+${formatCents(vs.cents)}` : "";
    out.push(`${pad(o.label, width)}${padStart(formatCents(p.totalCents), 14)}${padStart(diff, 14)}${mark}`);
  }
  if (result.recommendation) {
    out.push("");
    out.push(`Recommendation: ${result.recommendation.why}`);
  }
  const fargate = presented.baseline;
  if (fargate && fargate.totalCents !== null) {
    out.push("");
    out.push("Fargate task sizes:");
    fargate.option.services.forEach((s, i) => {
      const loss = s.roundingLossUSD && toCents(s.roundingLossUSD) > 0 ? `, ${formatUSD(s.roundingLossUSD)}/month lost to rounding` : "";
      out.push(`  ${s.name}: ${s.note ?? ""}; ${formatCents(fargate.services[i]?.cents)}/month${loss}`);
    });
  }
  const ec2 = result.options.find((o) => o.id === "ec2");
  if (ec2?.available && ec2.plan) {
    out.push("");
    out.push("EC2 plan:");
    for (const i of ec2.plan.instances) {
      const per = Object.entries(i.tasksPerInstance).map(([name, n]) => `${name} ${n}`).join(", ");
      out.push(`  ${i.count} x ${i.type}  tasks/instance: ${per}  CPU ${pct(i.cpuUtilPct)}, memory ${pct(i.memUtilPct)}${i.boundBy ? `, ${i.boundBy}-bound` : ""}`);
    }
    if (ec2.plan.why) out.push(`  why: ${ec2.plan.why}`);
  }
  if (result.warnings.length > 0) {
    out.push("");
    out.push("Warnings:");
    for (const w of result.warnings) out.push(`  - ${w}`);
  }
  out.push("");
  out.push(`Sources: ${result.catalog.sources.map((s) => `${s.name} (${s.asOf})`).join("; ")}`);
  return out.join("\n") + "\n";
}

runIfInvokedDirectly(import.meta.url, "estimate", main);
