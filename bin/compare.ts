/**
 * `npm run -s estimate -- --compare OLD NEW [--max-increase USD] [--max-increase-pct PCT] [--format table|json|markdown]`
 * OLD and NEW are each a file (a JSON export or an estimate input; "-" reads standard input, once) or a share
 * link pasted as an argument. Exit codes: 0 ok (or within the thresholds), 2 bad usage or input, 3 the
 * recommended monthly total rose beyond a threshold (a CI guard, like Infracost's diff).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { dataDirOf, describeReadError, EXIT_INVALID, EXIT_OK, readAllStdin, type CliIO } from "./cli-runner";
import { CatalogFileError } from "../lib/catalog";
import { loadRegionCatalog } from "../lib/catalog/fs-loader";
import { formatFieldErrors } from "../lib/field-errors";
import { checkThresholds, compareSides, readCompareSide, renderCompareMarkdown, renderCompareTable, shareTokenFromText } from "../lib/compare";

export const EXIT_OVER_THRESHOLD = 3;

export const COMPARE_USAGE = `Usage: npm run -s estimate -- --compare OLD NEW [--max-increase USD] [--max-increase-pct PCT] [--format table|json|markdown] [--catalog-dir DIR]
  OLD, NEW            a JSON export or an estimate input file ("-" = standard input), or a share link
  --max-increase USD  exit 3 when the recommended monthly total rises by more than USD
  --max-increase-pct P  exit 3 when it rises by more than P percent of the old total
  --format FORMAT     table (default), json (the comparison report) or markdown (for a pull-request comment)
Exit codes: 0 ok, 2 invalid usage or input, 3 over a threshold.`;

interface CompareArgs {
  old: string;
  new: string;
  format: "table" | "json" | "markdown";
  maxIncreaseUSD: number | null;
  maxIncreasePct: number | null;
  dataDir: string | null;
}

function parseCompareArgs(argv: string[]): CompareArgs | { error: string } {
  const out: CompareArgs = { old: "", new: "", format: "table", maxIncreaseUSD: null, maxIncreasePct: null, dataDir: null };
  const sides: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    const number = (name: string): number | { error: string } => {
      const v = value();
      const n = v === undefined || v.trim() === "" ? NaN : Number(v);
      if (!Number.isFinite(n) || n < 0) return { error: `${name}: expected a number >= 0, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      return n;
    };
    if (flag === "--compare") continue;
    if (flag === "--max-increase") {
      const n = number("--max-increase");
      if (typeof n !== "number") return n;
      out.maxIncreaseUSD = n;
    } else if (flag === "--max-increase-pct") {
      const n = number("--max-increase-pct");
      if (typeof n !== "number") return n;
      out.maxIncreasePct = n;
    } else if (flag === "--format") {
      const v = value();
      if (v !== "table" && v !== "json" && v !== "markdown") return { error: `--format: expected table, json or markdown with --compare, got ${v === undefined ? "nothing" : JSON.stringify(v)}` };
      out.format = v;
    } else if (flag === "--catalog-dir") {
      const v = value();
      if (!v) return { error: "--catalog-dir: expected a directory" };
      out.dataDir = v;
    } else if (arg.startsWith("-") && arg !== "-") return { error: `unknown option with --compare: ${arg}` };
    else sides.push(arg);
  }
  if (sides.length !== 2) return { error: `--compare needs two estimates, OLD and NEW; got ${sides.length}` };
  if (sides[0] === "-" && sides[1] === "-") return { error: "--compare: only one side can come from standard input" };
  [out.old, out.new] = sides as [string, string];
  return out;
}

async function readSideText(arg: string, cwd: string, io: CliIO): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (arg === "-") return { ok: true, text: await (io.readStdin ?? readAllStdin)() };
  const file = path.resolve(cwd, arg);
  if (!existsSync(file) && shareTokenFromText(arg) !== null) return { ok: true, text: arg };
  try {
    if (statSync(file).isDirectory()) return { ok: false, message: `cannot read ${arg}: it is a directory` };
    return { ok: true, text: readFileSync(file, "utf8") };
  } catch (error) {
    return { ok: false, message: `cannot read ${arg}: ${describeReadError(error)} (give a file, "-" or a share link)` };
  }
}


export async function compareMain(argv: string[], io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const args = parseCompareArgs(argv);
  if ("error" in args) {
    io.stderr(`estimate: ${args.error}\n${COMPARE_USAGE}\n`);
    return EXIT_INVALID;
  }
  const sides = [];
  const problems: string[] = [];
  for (const [label, arg] of [["old", args.old], ["new", args.new]] as const) {
    const text = await readSideText(arg, cwd, io);
    if (!text.ok) {
      problems.push(`  ${label}: ${text.message}`);
      continue;
    }
    const side = readCompareSide(text.text, label);
    if (!side.ok) problems.push(formatFieldErrors(side.errors));
    else sides.push(side.side);
  }
  if (problems.length > 0 || sides.length !== 2) {
    io.stderr(`estimate: cannot compare:\n${problems.join("\n")}\n`);
    return EXIT_INVALID;
  }
  const dataDir = dataDirOf(args.dataDir, cwd);
  let outcome;
  try {
    outcome = compareSides(sides[0]!, sides[1]!, (region, catalogId) => loadRegionCatalog(region, catalogId, { dataDir }));
  } catch (error) {
    if (error instanceof CatalogFileError) {
      io.stderr(`estimate: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
  if (!outcome.ok) {
    io.stderr(`estimate: cannot compare (${outcome.errors.length} problem${outcome.errors.length === 1 ? "" : "s"}):\n${formatFieldErrors(outcome.errors)}\n`);
    return EXIT_INVALID;
  }
  const verdict = checkThresholds(outcome.report, { maxIncreaseUSD: args.maxIncreaseUSD, maxIncreasePct: args.maxIncreasePct });
  if (args.format === "json") io.stdout(`${JSON.stringify({ ...outcome.report, threshold: verdict }, null, 2)}\n`);
  else if (args.format === "markdown") io.stdout(renderCompareMarkdown(outcome.report, verdict));
  else io.stdout(renderCompareTable(outcome.report, verdict));
  if (verdict.exceeded) {
    io.stderr(`estimate: the recommended total rose beyond the threshold: ${verdict.messages.filter((m) => !m.startsWith("within")).join("; ")}\n`);
    return EXIT_OVER_THRESHOLD;
  }
  return EXIT_OK;
}
