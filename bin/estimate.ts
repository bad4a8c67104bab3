/**
 * CLI: npm run -s estimate -- FILE.json [--budget USD] [--format json|table] [--all-regions] [--catalog-dir DIR]
 *        [--savings-plan [--savings-plan-option fargate|ec2]]
 *      npm run -s estimate -- --k8s MANIFESTS.yaml [--region R] [--catalog ID] [--emit-input] [...]
 * FILE "-" reads stdin. Prints the EstimateResult JSON (or a table) on stdout; with --all-regions, the workload in
 * every region; with --savings-plan, the Savings Plan commitment sizing (lib/commitment) instead. With --k8s the
 * input comes from Kubernetes manifests (lib/import/k8s.ts); what the import assumed is printed on stderr as notes.
 * Exit codes: 0 ok; 2 bad usage, unreadable file, invalid JSON or invalid input (every problem with its path
 * on stderr); 3 the recommended option's monthly cost is above --budget.
 * `main(argv, io)` is exported so tests run it in-process.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { dataDirOf, describeReadError, EXIT_INVALID, EXIT_OK, inputLabel, readAllStdin, runIfInvokedDirectly, usageOrHelp, type CliIO } from "./cli-runner";
import { CatalogLookupError, CatalogFileError } from "../lib/catalog";
import { loadRegionCatalog } from "../lib/catalog/fs-loader";
import { formatFieldErrors, type FieldError } from "../lib/field-errors";
import { formatCents, formatUSD, toCents } from "../lib/money";
import { compareWithBaseline, presentEstimate } from "../lib/present/estimate";
import { environmentCents } from "../lib/present/environments";
import { estimateWithLoader, readEstimateFile } from "../lib/pipeline/estimate";
import { OPTION, parseEstimateInput, type EstimateInput, type EstimateResult } from "../lib/schemas/estimate";
import { DEFAULT_DAEMONSET_NODES, DEFAULT_IMPORT_REGION, DEFAULT_JOB_RUN_SECONDS, importKubernetesManifests, type K8sImportOptions } from "../lib/import/k8s";
import { filesRegionsLoader } from "../lib/regions/files";
import { compareRegionsForInput } from "../lib/regions/pipeline";
import { formatCostPer1M, renderRegionsTable } from "../lib/regions/table";
import { monthlyRequests } from "../lib/engine/unit-cost";
import { num } from "../lib/format";
import { COMMITMENT_OPTIONS, parseCommitmentOption, sizeCommitment, type CommitmentOptionId } from "../lib/commitment";
import { renderCommitmentTable } from "./commitment-table";
import { compareMain, COMPARE_USAGE } from "./compare";
import { importIac, type IacKind } from "./iac";
import { parsePriceBookText } from "../lib/pricebook";
import { FOCUS_VERSION, focusRows, focusRowsToCsv, focusRowsToJson } from "../lib/export/focus";
import { ACTUAL_USAGE, actualMain } from "./actual";

type OutputFormat = "json" | "table" | "focus-csv" | "focus-json";
const FORMATS: ReadonlyArray<OutputFormat> = ["json", "table", "focus-csv", "focus-json"];


export const EXIT_OVER_BUDGET = 3;

const USAGE = `Usage: npm run -s estimate -- FILE.json | --terraform PLAN.json | --cloudformation TEMPLATE [--budget USD]
         [--format json|table|focus-csv|focus-json] [--all-regions] [--savings-plan] [--catalog-dir DIR]
       npm run -s estimate -- --k8s MANIFESTS.yaml [--region R] [--catalog ID] [--emit-input] [--budget USD] [--format F]
  FILE.json        an EstimateInput (or an exported EstimateResult); "-" reads standard input
  --budget USD     exit 3 when the recommended option costs more than USD per month
  --format FORMAT  json (default): the EstimateResult; table: a readable summary;
                   focus-csv / focus-json: FinOps FOCUS ${FOCUS_VERSION} rows (docs/focus-export.md)
  --focus-option O with focus-*: recommended (default), all, or an option id such as fargate-spot
  --focus-month M  with focus-*: the charge period, a month YYYY-MM (default: the current month, UTC)
  --all-regions    the same workload in every region of its price catalog, cheapest first
                   (json: { regions, currentRegion, catalog } as POST /api/estimate/regions; table: one line per region)
  --savings-plan   print the Compute Savings Plan commitment sizing (1 and 3 years) instead of the estimate
  --savings-plan-option ${COMMITMENT_OPTIONS.join("|")}  whose usage the commitment is sized for (default fargate)
  --catalog-dir D  the data directory holding catalog/ (default: ./data)
  --discount PCT   a negotiated discount (EDP / private pricing) of PCT percent off every AWS charge, after
                   Savings Plans, Reserved Instances and Spot (docs/billing-rules.md#private-pricing-discounts);
                   replaces the input's own "discounts"
  --price-book F   a price book JSON file (the input's "discounts" block: percent, byService, byCategory, name)
Infrastructure code (docs/iac-import.md):
  --terraform F    F is the JSON of terraform show -json plan.tfplan (instead of FILE.json)
  --cloudformation F  F is a CloudFormation template, JSON or YAML, or cdk synth output
  --region R       with --terraform / --cloudformation / --k8s: the region (a template does not name one)
Kubernetes manifests (multi-document YAML or JSON; notes on what was assumed go to stderr):
  --k8s FILE       import Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Pods as EKS services; "-" reads stdin
                   (region default ${DEFAULT_IMPORT_REGION})
  --catalog ID     a price catalog snapshot such as 2026-12-01 (default: the newest)
  --daemonset-nodes N  nodes each DaemonSet runs on (default ${DEFAULT_DAEMONSET_NODES})
  --job-seconds S  run time of a Job pod without activeDeadlineSeconds (default ${DEFAULT_JOB_RUN_SECONDS})
  --emit-input     print the converted EstimateInput instead of the estimate
Exit codes: 0 ok, 2 invalid usage or input (problems listed with their paths), 3 over budget.

${COMPARE_USAGE}

${ACTUAL_USAGE}`;

interface Args {
  file: string;
  /** --k8s: the file holds Kubernetes manifests. */
  k8s: boolean;
  k8sOptions: K8sImportOptions;
  emitInput: boolean;
  budget: number | null;
  format: OutputFormat;
  focusOption: string;
  focusMonth: string | null;
  dataDir: string | null;
  allRegions: boolean;
  /** --terraform / --cloudformation: the file is infrastructure code, not an estimate input. */
  iac: IacKind | null;
  region: string | null;
  help: boolean;
  savingsPlan: CommitmentOptionId | null;
  /** --discount PCT (shorthand for discounts: { percent: PCT }). */
  discountPercent: number | null;
  /** --price-book FILE: a discounts block from a file. */
  priceBook: string | null;
}

function parseArgs(argv: string[]): Args | { error: string } {
  const out: Args = {
    file: "",
    k8s: false,
    k8sOptions: {},
    emitInput: false,
    budget: null,
    format: "json",
    focusOption: "recommended",
    focusMonth: null,
    dataDir: null,
    allRegions: false,
    iac: null,
    region: null,
    help: false,
    savingsPlan: null,
    discountPercent: null,
    priceBook: null,
  };
  let savingsPlanOption: CommitmentOptionId | null = null;
  const files: string[] = [];
  const k8sOnly: string[] = [];
  const wholeNumber = (flag: string, v: string | undefined, min: number): number | { error: string } => {
    const n = v === undefined || v.trim() === "" ? NaN : Number(v);
    return Number.isInteger(n) && n >= min ? n : { error: `${flag}: expected a whole number >= ${min}, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--help" || flag === "-h") out.help = true;
    else if (flag === "--all-regions" && inline === undefined) out.allRegions = true;
    else if (flag === "--budget") {
      const v = value();
      const n = v === undefined || v.trim() === "" ? NaN : Number(v);
      if (!Number.isFinite(n) || n < 0) return { error: `--budget: expected a number of USD per month >= 0, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.budget = n;
    } else if (flag === "--discount") {
      const v = value();
      const n = v === undefined || v.trim() === "" || !/^[0-9.eE+-]+$/.test(v.trim()) ? NaN : Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 100) return { error: `--discount: expected a percentage from 0 to 100 (e.g. --discount 12), got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.discountPercent = n;
    } else if (flag === "--price-book") {
      const v = value();
      if (!v) return { error: "--price-book: expected a price book JSON file" };
      out.priceBook = v;
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
      out.k8sOptions.region = v;
    } else if (flag === "--catalog-dir") {
      const v = value();
      if (!v) return { error: "--catalog-dir: expected a directory" };
      out.dataDir = v;
    } else if (flag === "--k8s") {
      const v = value();
      if (!v) return { error: "--k8s: expected a manifests file (or - for standard input)" };
      out.k8s = true;
      files.push(v);
    } else if (flag === "--catalog") {
      const v = value();
      if (!v) return { error: "--catalog: expected a catalog id such as 2026-12-01" };
      out.k8sOptions.catalog = v;
      k8sOnly.push(flag);
    } else if (flag === "--daemonset-nodes") {
      const n = wholeNumber(flag, value(), 0);
      if (typeof n !== "number") return n;
      out.k8sOptions.daemonSetNodes = n;
      k8sOnly.push(flag);
    } else if (flag === "--job-seconds") {
      const n = wholeNumber(flag, value(), 1);
      if (typeof n !== "number") return n;
      out.k8sOptions.jobRunSeconds = n;
      k8sOnly.push(flag);
    } else if (flag === "--emit-input") {
      out.emitInput = true;
      k8sOnly.push(flag);
    } else if (flag === "--savings-plan" && inline === undefined) out.savingsPlan = out.savingsPlan ?? "fargate";
    else if (flag === "--savings-plan-option") {
      const parsed = parseCommitmentOption(value() ?? "(nothing)");
      if (!parsed.ok) return { error: `--savings-plan-option: ${parsed.message}` };
      savingsPlanOption = parsed.option;
    } else if (arg.startsWith("-") && arg !== "-") return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (savingsPlanOption !== null) {
    if (out.savingsPlan === null) return { error: "--savings-plan-option needs --savings-plan" };
    out.savingsPlan = savingsPlanOption;
  }
  if (out.help) return out;
  if (!out.k8s && k8sOnly.length > 0) return { error: `${k8sOnly[0]} applies only to --k8s (an EstimateInput file says its own region and catalog)` };
  if (out.region !== null && !out.k8s && !out.iac) return { error: "--region applies only to --k8s, --terraform and --cloudformation (an estimate input names its own region)" };
  if (out.k8s && out.iac) return { error: "give one of --k8s, --terraform and --cloudformation" };
  if (out.allRegions && out.budget !== null) return { error: "--budget applies to one region's estimate; leave it out with --all-regions" };
  if (out.discountPercent !== null && out.priceBook !== null) return { error: "give one of --discount and --price-book (a price book file can hold the percentage itself)" };
  if (files.length !== 1) return { error: files.length === 0 ? "missing the input file (or - for standard input)" : `expected one input file, got ${files.length}: ${files.join(" ")}` };
  out.file = files[0] as string;
  return out;
}

function listErrors(source: string, errors: FieldError[]): string {
  return `${source}: invalid estimate input (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n` + formatFieldErrors(errors) + "\n";
}

/**
 * Runs a step that reads price files: an unknown region or snapshot is listed as the input's "(catalog)" problem, a
 * missing or broken price file is said as it is, the step's own field errors are listed; each is exit 2 (returned
 * as the number). Otherwise the step's outcome.
 */
function readingPrices<O extends { ok: true }>(label: string, io: CliIO, step: () => O | { ok: false; errors: FieldError[] }): O | number {
  let outcome: O | { ok: false; errors: FieldError[] };
  try {
    outcome = step();
  } catch (error) {
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
  if ("errors" in outcome) {
    io.stderr(listErrors(label, outcome.errors));
    return EXIT_INVALID;
  }
  return outcome;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes("--compare")) return compareMain(argv, io);
  if (argv.some((a) => a === "--actual" || a.startsWith("--actual="))) return actualMain(argv, io);
  const cwd = io.cwd ?? process.cwd();
  const args = parseArgs(argv);
  if ("error" in args || args.help) return usageOrHelp("estimate", USAGE, args, io);
  const label = inputLabel(args.file);
  let text: string;
  try {
    text = args.file === "-" ? await (io.readStdin ?? readAllStdin)() : readFileSync(path.resolve(cwd, args.file), "utf8");
  } catch (error) {
    io.stderr(`estimate: cannot read ${label}: ${describeReadError(error)}\n`);
    return EXIT_INVALID;
  }
  if (text.trim() === "" && !args.k8s) {
    io.stderr(`estimate: ${label} is not valid JSON: it is empty\n`);
    return EXIT_INVALID;
  }
  let input: EstimateInput;
  if (args.k8s) {
    const imported = importKubernetesManifests(text, args.k8sOptions);
    if (!imported.ok) {
      io.stderr(`${label}: invalid Kubernetes manifests (${imported.errors.length} problem${imported.errors.length === 1 ? "" : "s"}):\n${formatFieldErrors(imported.errors)}\n`);
      return EXIT_INVALID;
    }
    for (const note of imported.notes) io.stderr(`note: ${note}\n`);
    if (args.emitInput) {
      io.stdout(`${JSON.stringify(imported.input, null, 2)}\n`);
      return EXIT_OK;
    }
    const parsed = parseEstimateInput(imported.input);
    if (!parsed.ok) {
      io.stderr(listErrors(label, parsed.errors));
      return EXIT_INVALID;
    }
    input = parsed.value;
  } else {
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
    input = file.input;
  }
  if (args.discountPercent !== null || args.priceBook !== null) {
    const withBook = applyPriceBookArgs(input, args, cwd, io);
    if (typeof withBook === "number") return withBook;
    input = withBook;
  }
  const dataDir = dataDirOf(args.dataDir, cwd);
  if (args.allRegions) return allRegions(input, label, dataDir, args.format, io);
  const outcome = readingPrices(label, io, () => estimateWithLoader(input, (region, catalogId) => loadRegionCatalog(region, catalogId, { dataDir })));
  if (typeof outcome === "number") return outcome;
  const result = outcome.result;
  if (args.savingsPlan !== null) {
    // The same input and catalog the estimate used (loaded again: the loader caches parsed snapshots).
    const catalog = loadRegionCatalog(result.input.region, result.input.catalog, { dataDir });
    const commitment = sizeCommitment(result.input, catalog, args.savingsPlan);
    io.stdout(args.format === "table" ? renderCommitmentTable(commitment) : `${JSON.stringify(commitment, null, 2)}\n`);
  } else if (args.format === "focus-csv" || args.format === "focus-json") {
    const month = args.focusMonth ?? new Date().toISOString().slice(0, 7);
    const catalog = loadRegionCatalog(result.catalog.region, result.catalog.id, { dataDir });
    const focus = focusRows(result, { month, option: args.focusOption, catalog });
    if (!focus.ok) {
      io.stderr(`estimate: cannot export FOCUS rows: ${focus.error}\n`);
      return EXIT_INVALID;
    }
    io.stdout(args.format === "focus-csv" ? focusRowsToCsv(focus.rows) : focusRowsToJson(focus, month));
  } else {
    io.stdout(args.format === "table" ? renderTable(result) : `${JSON.stringify(result, null, 2)}\n`);
  }

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

/** --discount / --price-book: the input with its discounts replaced, validated like any input (exit 2 with the path). */
function applyPriceBookArgs(input: EstimateInput, args: Args, cwd: string, io: CliIO): EstimateInput | number {
  let discounts: unknown;
  let label = "--discount";
  if (args.priceBook !== null) {
    label = inputLabel(args.priceBook);
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, args.priceBook), "utf8");
    } catch (error) {
      io.stderr(`estimate: cannot read price book ${label}: ${describeReadError(error)}\n`);
      return EXIT_INVALID;
    }
    const book = parsePriceBookText(text);
    if (!book.ok) {
      io.stderr(`estimate: price book ${label} is not valid:\n${formatFieldErrors(book.errors)}\n`);
      return EXIT_INVALID;
    }
    discounts = book.discounts;
  } else discounts = { percent: args.discountPercent };
  const parsed = parseEstimateInput({ ...input, discounts });
  if (!parsed.ok) {
    io.stderr(listErrors(label, parsed.errors));
    return EXIT_INVALID;
  }
  return parsed.value;
}

/** --all-regions: every region of the input's snapshot (lib/regions), as JSON or a table. */
function allRegions(input: EstimateInput, label: string, dataDir: string, format: Args["format"], io: CliIO): number {
  const outcome = readingPrices(label, io, () => compareRegionsForInput(input, filesRegionsLoader(dataDir)));
  if (typeof outcome === "number") return outcome;
  const { regions, currentRegion, catalog } = outcome.comparison;
  io.stdout(format === "table" ? renderRegionsTable(outcome.comparison) : `${JSON.stringify({ regions, currentRegion, catalog }, null, 2)}\n`);
  return EXIT_OK;
}

const pct = (n: number) => `${Math.round(n)}%`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** A readable summary for terminals. Amounts are rounded to cents here only. */
export function renderTable(result: EstimateResult): string {
  const out: string[] = [];
  const eks = result.input.orchestrator === "eks";
  const eksText = eks
    ? ` (${result.input.eks?.clusters ?? 1} cluster${(result.input.eks?.clusters ?? 1) === 1 ? "" : "s"}, ${result.input.eks?.support ?? "standard"} support)`
    : "";
  out.push(`${eks ? "EKS" : "ECS"} cost estimate${eksText} - ${result.catalog.region}, price catalog ${result.catalog.id}, ${result.hoursPerMonth} h/month`);
  out.push("");
  // Amounts in cents by the presentation rule (lib/present): the columns add up to the totals shown.
  const presented = presentEstimate(result);
  const width = Math.max(20, ...result.options.map((o) => o.label.length)) + 2;
  // Cost per 1M requests (docs/billing-rules.md#cost-per-requests): a column only when some service gives requests.
  const requests = monthlyRequests(result.input);
  const perRequest = (o: EstimateResult["options"][number]) => (requests ? padStart(formatCostPer1M(o.costPer1MRequests), 13) : "");
  out.push(`${pad("Option", width)}${padStart("Monthly", 14)}${padStart("vs Fargate", 14)}${requests ? padStart("Per 1M req", 13) : ""}`);
  for (const p of presented.options) {
    const o = p.option;
    const mark = presented.recommendedId === o.id ? "  <- recommended" : "";
    if (p.totalCents === null) {
      out.push(`${pad(o.label, width)}${padStart("unavailable", 14)}  ${o.reason ?? ""}`);
      continue;
    }
    const vs = compareWithBaseline(p, presented.baseline);
    const diff = vs.kind === "cheaper" ? `-${formatCents(vs.cents)}` : vs.kind === "dearer" ? `+${formatCents(vs.cents)}` : "";
    out.push(`${pad(o.label, width)}${padStart(formatCents(p.totalCents), 14)}${padStart(diff, 14)}${perRequest(o)}${mark}`);
  }
  const discounted = result.options.filter((o) => o.lines.some((l) => l.category === "discount"));
  if (discounted.length > 0) {
    out.push("");
    out.push(`Price book${result.input.discounts?.name ? ` "${result.input.discounts.name}"` : ""}: the totals above are after the negotiated discount (docs/billing-rules.md#private-pricing-discounts):`);
    for (const o of discounted) {
      const lines = o.lines.filter((l) => l.category === "discount");
      out.push(`  ${o.label}: ${lines.map((l) => `${l.label} ${formatCents(toCents(l.usd))} on ${formatCents(toCents(l.quantity))}`).join("; ")}`);
    }
  }
  if (requests) {
    out.push("");
    out.push(`Requests: ${num(requests.total / 1e6)} M requests a month (${requests.services.map((s) => `${s.name} ${num(s.requestsPerSecond)}/s x ${num(s.servingHours)} h`).join(", ")}); per 1M = the option's whole monthly total / that.`);
  }
  if (result.recommendation) {
    out.push("");
    out.push(`Recommendation: ${result.recommendation.why}`);
  }
  const fargate = presented.baseline;
  if (fargate && fargate.totalCents !== null) {
    out.push("");
    out.push(eks ? "EKS pods on Fargate:" : "Fargate task sizes:");
    fargate.option.services.forEach((s, i) => {
      const loss = s.roundingLossUSD && toCents(s.roundingLossUSD) > 0 ? `, ${formatUSD(s.roundingLossUSD)}/month lost to rounding` : "";
      out.push(`  ${s.name}: ${s.note ?? ""}; ${formatCents(fargate.services[i]?.cents)}/month${loss}`);
    });
  }
  const withContainers = eks ? result.input.services.filter((s) => s.containers && s.containers.length > 0) : [];
  if (withContainers.length > 0) {
    out.push("");
    out.push("Pod containers (requests):");
    for (const s of withContainers) {
      const list = (s.containers ?? []).map((c) => `${c.name}${c.init ? " (init)" : ""} ${c.vcpu} vCPU / ${c.memoryGiB} GiB`).join(", ");
      out.push(`  ${s.name}: ${list}`);
    }
  }
  // The instance plans: ECS on EC2 (an EKS node group on EKS), and ECS Managed Instances (the same fleet search,
  // instance + management fee).
  const plans = [
    [OPTION.ec2, eks ? "Node group plan:" : "EC2 plan:"],
    [OPTION["ecs-managed-instances"], "ECS Managed Instances plan (instance + management fee per hour):"],
    [OPTION["eks-auto-mode"], "EKS Auto Mode plan (instance + management fee per hour; AWS chooses the node types):"],
  ] as const;
  for (const [id, title] of plans) {
    const option = result.options.find((o) => o.id === id);
    if (!option?.available || !option.plan) continue;
    out.push("");
    out.push(title);
    for (const i of option.plan.instances) {
      const per = Object.entries(i.tasksPerInstance).map(([name, n]) => `${name} ${n}`).join(", ");
      out.push(`  ${i.count} x ${i.type}  tasks/instance: ${per}  CPU ${pct(i.cpuUtilPct)}, memory ${pct(i.memUtilPct)}${i.boundBy ? `, ${i.boundBy}-bound` : ""}`);
    }
    if (option.plan.why) out.push(`  why: ${option.plan.why}`);
  }
  out.push(...renderEnvironments(result));
  if (result.warnings.length > 0) {
    out.push("");
    out.push("Warnings:");
    for (const w of result.warnings) out.push(`  - ${w}`);
  }
  out.push("");
  out.push(`Sources: ${result.catalog.sources.map((s) => `${s.name} (${s.asOf})`).join("; ")}`);
  return out.join("\n") + "\n";
}

/** Per-environment subtotals of each option (docs/billing-rules.md#weekly-schedules); nothing without environments. */
function renderEnvironments(result: EstimateResult): string[] {
  const rows = environmentCents(result);
  const envs = result.environments ?? [];
  if (rows.length === 0) return [];
  const names = [...envs.map((e) => e.name), "shared", "total", "at zero tasks"];
  const width = Math.max(20, ...rows.map((r) => r.label.length)) + 2;
  const col = Math.max(12, ...names.map((n) => n.length + 2));
  const out = ["", "Environments (monthly; shared = lines of the whole estimate, at zero tasks = what still bills):"];
  out.push(`  ${pad("Option", width)}${names.map((n) => padStart(n, col)).join("")}`);
  for (const r of rows) {
    const cells = [...r.environments, r.shared, r.total].map((c) => padStart(formatCents(c), col));
    out.push(`  ${pad(r.label, width)}${cells.join("")}${padStart(r.atZero === null ? "n/a" : formatCents(r.atZero), col)}`);
  }
  for (const e of envs) out.push(`  ${e.name}: ${e.onHoursPerWeek} h a week on, tasks x ${e.multiplier}, ${Math.round(e.taskHoursPerMonth * 100) / 100} task-hours a month`);
  return out;
}

runIfInvokedDirectly(import.meta.url, "estimate", main);
