/**
 * npm run -s estimate -- INPUT --actual BILL [--tag KEY] [--max-variance PCT] [--calibrate] [--option ID]
 *   [--format json|table] [--catalog-dir DIR]
 * Holds the estimate (an EstimateInput, an exported EstimateResult or a share link's input) against one month of
 * the AWS bill (FOCUS 1.0/1.2 with AWS columns or CUR 2.0; CSV, gzip CSV or Parquet): lib/actual.
 * Exit codes: 0 ok; 2 bad usage, unreadable or invalid input, a bill that cannot be read; 3 the total gap is above
 * --max-variance percent of the estimate.
 */
import { openAsBlob, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { dataDirOf, describeReadError, EXIT_INVALID, EXIT_OK, type CliIO } from "./cli-runner";
import { loadRegionCatalog } from "../lib/catalog/fs-loader";
import { CatalogFileError, CatalogLookupError } from "../lib/catalog";
import { formatFieldErrors } from "../lib/field-errors";
import { formatUSD } from "../lib/money";
import { estimateWithLoader, readEstimateFile } from "../lib/pipeline/estimate";
import { buildVarianceReport, calibrateEstimate, checkBillSize, checkTagKey, exceedsVariance, readBill, tagKeysFor } from "../lib/actual";
import { renderVarianceTable } from "../lib/actual/render";
import { encodeShareToken } from "../lib/share/codec";

export const EXIT_OVER_VARIANCE = 3;

export const ACTUAL_USAGE = `Estimate vs the real bill (docs/actual-bill.md):
  npm run -s estimate -- INPUT --actual BILL [--tag KEY] [--max-variance PCT] [--calibrate] [--option ID] [--format json|table]
  INPUT            an EstimateInput or a JSON export of an estimate
  --actual BILL    one month of the AWS bill: FOCUS 1.0/1.2 with AWS columns or CUR 2.0 (AWS Data Exports), as CSV,
                   gzip CSV (.csv.gz) or Parquet; read on this machine only
  --tag KEY        the cost allocation tag that names a row's service (default aws:ecs:serviceName, on EKS
                   aws:eks:workload-name); rows of no service are "shared" or "unmapped"
  --max-variance P exit 3 when the total gap (actual - estimated, either way) is above P percent of the estimate
  --calibrate      also make the estimate whose usage comes from the bill (tasks, NAT GB, log GB, egress GB, LCUs)
  --option ID      the estimate option to compare (default: the recommended one), e.g. fargate, ec2
  --format F       json (default): the variance report; table: a readable summary`;

interface ActualArgs {
  input: string;
  bill: string;
  tag: string | null;
  maxVariance: number | null;
  calibrate: boolean;
  option: string | null;
  format: "json" | "table";
  dataDir: string | null;
}

function parseActualArgs(argv: string[]): ActualArgs | { error: string } {
  const out: ActualArgs = { input: "", bill: "", tag: null, maxVariance: null, calibrate: false, option: null, format: "json", dataDir: null };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--actual") {
      const v = value();
      if (!v) return { error: "--actual: expected a bill file (FOCUS or CUR 2.0; CSV, .csv.gz or Parquet)" };
      out.bill = v;
    } else if (flag === "--tag") {
      const v = value() ?? "";
      const problem = checkTagKey(v);
      if (problem) return { error: `--tag: ${problem}` };
      out.tag = v.trim();
    } else if (flag === "--max-variance") {
      const v = value();
      const n = v === undefined || v.trim() === "" ? NaN : Number(v.replace(/%$/, ""));
      if (!Number.isFinite(n) || n < 0) return { error: `--max-variance: expected a percentage >= 0, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.maxVariance = n;
    } else if (flag === "--calibrate" && inline === undefined) out.calibrate = true;
    else if (flag === "--option") {
      const v = value();
      if (!v) return { error: "--option: expected an option id such as fargate or ec2" };
      out.option = v;
    } else if (flag === "--format") {
      const v = value();
      if (v !== "json" && v !== "table") return { error: `--format: with --actual, expected json or table, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.format = v;
    } else if (flag === "--catalog-dir") {
      const v = value();
      if (!v) return { error: "--catalog-dir: expected a directory" };
      out.dataDir = v;
    } else if (arg.startsWith("-") && arg !== "-") return { error: `${arg} does not apply with --actual` };
    else files.push(arg);
  }
  if (!out.bill) return { error: "--actual: expected a bill file" };
  if (files.length !== 1) return { error: files.length === 0 ? "missing the estimate input file" : `expected one estimate input file, got ${files.length}: ${files.join(" ")}` };
  out.input = files[0] as string;
  return out;
}

export async function actualMain(argv: string[], io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const args = parseActualArgs(argv);
  if ("error" in args) {
    io.stderr(`estimate: ${args.error}\n${ACTUAL_USAGE}\n`);
    return EXIT_INVALID;
  }
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, args.input), "utf8");
  } catch (error) {
    io.stderr(`estimate: cannot read ${args.input}: ${describeReadError(error)}\n`);
    return EXIT_INVALID;
  }
  const file = readEstimateFile(text);
  if (!file.ok) {
    io.stderr(`${args.input}: invalid estimate input (${file.errors.length} problem${file.errors.length === 1 ? "" : "s"}):\n${formatFieldErrors(file.errors)}\n`);
    return EXIT_INVALID;
  }
  const dataDir = dataDirOf(args.dataDir, cwd);
  const loader = (region: string, id: string | undefined) => loadRegionCatalog(region, id, { dataDir });
  let estimate: ReturnType<typeof estimateWithLoader>;
  try {
    estimate = estimateWithLoader(file.input, loader);
  } catch (error) {
    if (error instanceof CatalogLookupError || error instanceof CatalogFileError) {
      io.stderr(`estimate: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
  if (!estimate.ok) {
    io.stderr(`${args.input}: invalid estimate input:\n${formatFieldErrors(estimate.errors)}\n`);
    return EXIT_INVALID;
  }
  const result = estimate.result;

  const billPath = path.resolve(cwd, args.bill);
  let size: number;
  try {
    const stat = statSync(billPath);
    if (stat.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = stat.size;
  } catch (error) {
    io.stderr(`estimate: cannot read the bill ${args.bill}: ${describeReadError(error)}\n`);
    return EXIT_INVALID;
  }
  const sizeProblem = checkBillSize(size);
  if (sizeProblem) {
    io.stderr(`estimate: cannot read the bill ${args.bill}: ${sizeProblem}\n`);
    return EXIT_INVALID;
  }
  const blob = await openAsBlob(billPath);
  const read = await readBill(blob, { region: result.catalog.region, tagKeys: tagKeysFor(result.input.orchestrator, args.tag) });
  if (!read.ok) {
    io.stderr(`estimate: cannot read the bill ${args.bill}: ${read.error}\n`);
    return EXIT_INVALID;
  }
  const report = buildVarianceReport(result, read.aggregate, { optionId: args.option ?? undefined });
  if (!report.ok) {
    io.stderr(`estimate: cannot compare the bill with the estimate: ${report.error}\n`);
    return EXIT_INVALID;
  }
  let calibrated: ReturnType<typeof calibrateEstimate> | null = null;
  if (args.calibrate) {
    calibrated = calibrateEstimate(result.input, report.report, loader);
    if (!calibrated.ok) {
      io.stderr(`estimate: the calibrated estimate is not valid:\n${formatFieldErrors(calibrated.errors)}\n`);
      return EXIT_INVALID;
    }
  }
  const cal = calibrated?.ok ? calibrated.calibrated : null;
  const calOption = cal?.result.options.find((o) => o.id === report.report.option.id) ?? null;
  if (args.format === "table") {
    io.stdout(
      renderVarianceTable(
        report.report,
        cal ? { changes: cal.changes, monthlyUSD: calOption?.monthlyUSD ?? null, catalogNote: cal.catalogNote, optionLabel: calOption?.label ?? report.report.option.label } : undefined,
      ),
    );
    if (cal) io.stdout(`Diff the two on the site: /compare?old=${encodeShareToken(result.input)}&new=${encodeShareToken(cal.input)}\n`);
  } else {
    const body = cal
      ? { ...report.report, calibrated: { input: cal.input, changes: cal.changes, catalogNote: cal.catalogNote, optionId: report.report.option.id, monthlyUSD: calOption?.monthlyUSD ?? null, compare: { old: encodeShareToken(result.input), new: encodeShareToken(cal.input) } } }
      : report.report;
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  if (args.maxVariance !== null && exceedsVariance(report.report, args.maxVariance)) {
    const t = report.report.totals;
    io.stderr(
      `estimate: the bill differs from the estimate by ${t.gapUSD >= 0 ? "+" : "-"}${formatUSD(Math.abs(t.gapUSD))}${t.gapPct === null ? "" : ` (${t.gapPct.toFixed(1)}%)`}, above --max-variance ${args.maxVariance}%${report.report.topGap ? `; largest gap: ${report.report.topGap.sentence}` : ""}\n`,
    );
    return EXIT_OVER_VARIANCE;
  }
  return EXIT_OK;
}
