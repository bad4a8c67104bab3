/**
 * Parse utilization exported from CloudWatch into per-dimension samples.
 *
 * Formats (docs/billing-rules.md#rightsize-samples):
 * - CSV (parsed with papaparse): Container Insights columns CpuUtilized / CpuReserved (CPU units) and
 *   MemoryUtilized / MemoryReserved (megabytes, read as MiB like the ECS console), or service metrics
 *   CPUUtilization / MemoryUtilization (percent of the task size). Header names are matched
 *   case-insensitively anywhere in the cell ("ECS/ContainerInsights CpuUtilized ServiceName=api (Maximum)"),
 *   preamble lines before the header (console exports) are skipped.
 * - JSON: GetMetricData output {MetricDataResults:[{Label, Timestamps, Values}]} (or an array of pages),
 *   get-metric-statistics output {Label, Datapoints:[{Timestamp, Maximum|Average...}]},
 *   Container Insights performance log events (JSON lines, a JSON array, or `aws logs filter-log-events`
 *   output {events:[{message}]}); Type "Task" events are used when present.
 * Gaps (blank cells) and blank lines are tolerated; cells may carry units ("512 MB", "45%", "0.5 vCPU");
 * rows with unreadable values are skipped and reported with their line numbers.
 * Pure: no I/O. The browser runs it in a Web Worker, the CLI and the benchmark in Node.
 */
import Papa from "papaparse";
import { formatMegabytes } from "../format";
import { downsample, sampleStats, type SampleStats, type SeriesPoint } from "./percentile";

/** Refuse files above this before reading them (the page and the CLI check the size first). */
export const MAX_USAGE_FILE_BYTES = 50 * 1024 * 1024;
/** Skipped rows listed one by one; the rest are counted. */
export const MAX_REPORTED_SKIPS = 50;
/**
 * Compute Optimizer needs 24 hours of metrics before it recommends for an ECS service on Fargate
 * (https://docs.aws.amazon.com/compute-optimizer/latest/ug/view-ecs-recommendations.html).
 */
export const MIN_RECOMMENDED_HOURS = 24;

export type CpuUnit = "cpu-units" | "percent";
export type MemoryUnit = "MiB" | "percent";

export interface DimensionSamples<U extends string> {
  unit: U;
  /** Column header / series label the samples came from. */
  source: string;
  values: Float64Array;
  /** Epoch ms per sample (NaN where unknown), or null when the file has no time column. */
  times: Float64Array | null;
  count: number;
}

export type UsageFormat =
  | "container-insights-csv"
  | "service-metrics-csv"
  | "mixed-csv"
  | "getmetricdata-json"
  | "get-metric-statistics-json"
  | "performance-log-events";

export const FORMAT_LABELS: Record<UsageFormat, string> = {
  "container-insights-csv": "Container Insights CSV (CPU units, MiB)",
  "service-metrics-csv": "ECS service metrics CSV (percent of the task size)",
  "mixed-csv": "CloudWatch CSV (mixed units)",
  "getmetricdata-json": "CloudWatch GetMetricData JSON",
  "get-metric-statistics-json": "CloudWatch get-metric-statistics JSON",
  "performance-log-events": "Container Insights performance log events",
};

export interface SkippedRow {
  /** 1-based line of the file, or null when the source has no lines (JSON arrays). */
  line: number | null;
  /** Where in the file: "line 12", "MetricDataResults[0].Values[3]". */
  where: string;
  reason: string;
}

export interface ParsedUsage {
  format: UsageFormat;
  cpu: DimensionSamples<CpuUnit> | null;
  memory: DimensionSamples<MemoryUnit> | null;
  /** Median CpuReserved / MemoryReserved seen in the file (Container Insights), else null. */
  reserved: { cpuUnits: number | null; memoryMiB: number | null };
  /** Data rows / points read (not counting the header and blank lines). */
  rows: number;
  /** Rows or points without any value (gaps). */
  gaps: number;
  skipped: SkippedRow[];
  skippedCount: number;
  warnings: string[];
}

export type UsageParseOutcome = { ok: true; usage: ParsedUsage } | { ok: false; error: string };

export interface ParseProgress {
  (fractionDone: number): void;
}

// ------------------------------------------------------------------ file-level checks

/** null when the size is fine, else the message to show. */
export function checkUsageFileSize(bytes: number): string | null {
  if (bytes === 0) return "The file is empty: export CloudWatch metrics as CSV or JSON and upload that file.";
  if (bytes > MAX_USAGE_FILE_BYTES) {
    return (
      `The file is ${formatMegabytes(bytes)} (${bytes.toLocaleString("en-US")} bytes), more than the ${MAX_USAGE_FILE_BYTES / (1024 * 1024)} MB limit ` +
      `(${MAX_USAGE_FILE_BYTES.toLocaleString("en-US")} bytes). Export a shorter period or a coarser period (e.g. 5 minutes instead of 1 minute).`
    );
  }
  return null;
}

/** A message when the text looks like a binary file decoded as UTF-8 (zip, xlsx, gzip, image), else null. */
export function binaryProblem(text: string): string | null {
  const head = text.slice(0, 65_536);
  if (head.startsWith("PK\u0003\u0004")) return "The file is a ZIP archive (an Excel .xlsx workbook is one), not CSV or JSON text: export the metrics as CSV.";
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return "The file is binary (it contains NUL bytes), not CSV or JSON text: export the metrics as CSV or JSON.";
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  if (head.length > 0 && bad / head.length > 0.01) {
    return "The file is binary or not UTF-8 text (for example a gzip archive or an image): export the metrics as CSV or JSON.";
  }
  return null;
}

// ------------------------------------------------------------------ column / value recognition

type Kind = "time" | "cpu-units" | "cpu-percent" | "cpu-reserved" | "mem-units" | "mem-percent" | "mem-reserved";

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Classify a column header or series label. Order matters: "utilized" before "utilization". */
export function classifyName(name: string): Kind | null {
  const n = norm(name);
  if (n === "") return null;
  if (n.includes("cpuutilized")) return "cpu-units";
  if (n.includes("cpureserved")) return "cpu-reserved";
  if (n.includes("cpuutilization") || n.includes("cpuutilisation")) return "cpu-percent";
  if (n.includes("memoryutilized") || n.includes("memutilized")) return "mem-units";
  if (n.includes("memoryreserved") || n.includes("memreserved")) return "mem-reserved";
  if (n.includes("memoryutilization") || n.includes("memoryutilisation") || n.includes("memutilization")) return "mem-percent";
  if (["timestamp", "timestamps", "time", "date", "datetime", "timeutc", "timestamputc", "period", "ts"].includes(n)) return "time";
  return null;
}

/** Higher = preferred when several columns measure the same thing: sizing wants the busiest task. */
function statRank(name: string): number {
  const n = norm(name);
  if (/max/.test(n)) return 3;
  if (/p99|p95|p90/.test(n)) return 2;
  if (/avg|average|mean/.test(n)) return 1;
  if (/min|sum|samplecount/.test(n)) return -1;
  return 0;
}

const GAP_TOKENS = new Set(["", "-", "null", "nan", "n/a", "na", "none", "undefined"]);

type CellResult = number | "gap" | string; // number = value, "gap", or an error message

const UNIT_RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([a-z%]*(?:\s*units?)?)$/i;

/**
 * Read one metric cell of a column of `kind`. Returns the value in the column's canonical unit
 * (CPU units, MiB or percent), "gap" for a missing value, or a message.
 */
export function readCell(raw: string | number | null | undefined, kind: Exclude<Kind, "time">): CellResult {
  if (raw === null || raw === undefined) return "gap";
  let v: number;
  if (typeof raw === "number") v = raw;
  else {
    // Fast path: plain decimals (almost every cell), then the general one.
    v = plainDecimal(raw);
    if (Number.isNaN(v)) v = raw.length > 0 && raw.length < 32 ? +raw : NaN;
    // "" and whitespace-only read as 0 with +raw: only then is the trim needed.
    if (Number.isNaN(v) || (v === 0 && raw.trim() === "")) {
      const s = raw.trim();
      if (GAP_TOKENS.has(s.toLowerCase())) return "gap";
      const m = UNIT_RE.exec(s.replace(/^(\d{1,3}(?:,\d{3})+)(?=\.|\s|%|[a-z]|$)/i, (g) => g.replace(/,/g, "")));
      if (!m) return `"${s.length > 30 ? s.slice(0, 30) + "..." : s}" is not a number`;
      v = Number(m[1]);
      const unit = (m[2] ?? "").toLowerCase().replace(/\s+/g, "");
      const factor = unitFactor(unit, kind);
      if (typeof factor === "string") return factor;
      v *= factor;
    }
  }
  if (!Number.isFinite(v)) return `${String(raw)} is not a finite number`;
  if (v < 0) return `negative value ${String(raw)}`;
  return v;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * "412.37" -> 412.37 without Number()'s string conversion (a million rows). Up to 15 digits the mantissa
 * and 10^k are exact doubles, so mantissa / 10^k is the correctly rounded value: identical to Number(s).
 * Anything else (sign, exponent, spaces, units, more digits) -> NaN, and the caller takes the general path.
 */
export function plainDecimal(s: string): number {
  return plainDecimalAt(s, 0, s.length);
}

/** plainDecimal of s.slice(start, end) without making the slice (the CSV fast path reads cells in place). */
function plainDecimalAt(s: string, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 16) return NaN;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && scale < 0) scale = end - i - 1;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return scale > 0 ? m / POW10[scale]! : m;
}

/** readCell(s.slice(start, end), kind), slicing only when the cell is not a plain decimal (rare). */
function readCellAt(s: string, start: number, end: number, kind: Exclude<Kind, "time">): CellResult {
  const v = plainDecimalAt(s, start, end);
  // A plain decimal is finite and non-negative: exactly what readCell returns for it.
  return Number.isNaN(v) ? readCell(s.slice(start, end), kind) : v;
}

function unitFactor(unit: string, kind: Exclude<Kind, "time">): number | string {
  if (unit === "") return 1;
  const percentKind = kind === "cpu-percent" || kind === "mem-percent";
  if (unit === "%" || unit === "percent") return percentKind ? 1 : `a percentage in a column of ${kind.startsWith("cpu") ? "CPU units" : "megabytes"}`;
  if (percentKind) return `unit "${unit}" in a percent column`;
  if (kind.startsWith("cpu")) {
    if (unit === "unit" || unit === "units" || unit === "cpuunits" || unit === "cpuunit" || unit === "none") return 1;
    if (unit === "vcpu" || unit === "vcpus") return 1024; // 1 vCPU = 1024 CPU units
    return `unit "${unit}" is not a CPU unit`;
  }
  // Container Insights reports memory in "Megabytes"; the ECS console and task definitions treat MB as MiB.
  if (unit === "mb" || unit === "mib" || unit === "megabytes" || unit === "m") return 1;
  if (unit === "gb" || unit === "gib" || unit === "gigabytes" || unit === "g") return 1024;
  if (unit === "kb" || unit === "kib" || unit === "kilobytes") return 1 / 1024;
  if (unit === "b" || unit === "bytes") return 1 / (1024 * 1024);
  return `unit "${unit}" is not a memory unit`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The digit at s[i], or NaN when it is not one (NaN then fails every range check). */
function digitAt(s: string, i: number): number {
  const v = s.charCodeAt(i) - 48;
  return v >= 0 && v <= 9 ? v : NaN;
}

/**
 * Epoch ms from a timestamp, or NaN. "YYYY-MM-DDTHH:MM:SS[.fff][Z|+00:00]" and "YYYY-MM-DD HH:MM:SS" are
 * read as UTC (CloudWatch exports UTC) without allocating (a million rows must parse fast); numbers are
 * epoch seconds (< 1e11) or ms; anything else goes to Date.parse.
 */
export function readTime(raw: unknown): number {
  if (typeof raw === "number") return raw < 1e11 ? raw * 1000 : raw;
  if (typeof raw !== "string") return NaN;
  const iso = isoUtcAt(raw, 0, raw.length);
  return iso === undefined ? readTimeGeneral(raw) : iso;
}

/** readTime(s.slice(start, end)) without making the slice for the usual ISO UTC timestamp. */
function readTimeAt(s: string, start: number, end: number): number {
  const iso = isoUtcAt(s, start, end);
  return iso === undefined ? readTimeGeneral(s.slice(start, end)) : iso;
}

/**
 * The allocation-free reading of s[start, end) as "YYYY-MM-DDTHH:MM:SS[.fff][Z|+00:00]" or "YYYY-MM-DD HH:MM:SS":
 * epoch ms, NaN for a UTC timestamp of that shape with an impossible field, undefined when the shape does not
 * match (the general reading applies).
 */
function isoUtcAt(s: string, start: number, end: number): number | undefined {
  const len = end - start;
  if (!(len >= 19 && len <= 32 && s.charCodeAt(start + 4) === 45 && s.charCodeAt(start + 7) === 45 && (s.charCodeAt(start + 10) === 84 || s.charCodeAt(start + 10) === 32) && s.charCodeAt(start + 13) === 58 && s.charCodeAt(start + 16) === 58)) {
    return undefined;
  }
  let i = start + 19;
  let frac = 0;
  if (i < end && s.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    while (i < end) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      frac += c * scale;
      scale /= 10;
      i++;
    }
  }
  const rest = end - i;
  const utc =
    rest === 0 ||
    (rest === 1 && s.charCodeAt(i) === 90) ||
    (rest === 6 && s.charCodeAt(i) === 43 && s.charCodeAt(i + 1) === 48 && s.charCodeAt(i + 2) === 48 && s.charCodeAt(i + 3) === 58 && s.charCodeAt(i + 4) === 48 && s.charCodeAt(i + 5) === 48);
  if (!utc) return undefined;
  // Digit arithmetic without allocations or closures: runs once per row of a million-row file.
  const y = digitAt(s, start) * 1000 + digitAt(s, start + 1) * 100 + digitAt(s, start + 2) * 10 + digitAt(s, start + 3);
  const mo = digitAt(s, start + 5) * 10 + digitAt(s, start + 6);
  const d = digitAt(s, start + 8) * 10 + digitAt(s, start + 9);
  const hh = digitAt(s, start + 11) * 10 + digitAt(s, start + 12);
  const mi = digitAt(s, start + 14) * 10 + digitAt(s, start + 15);
  const ss = digitAt(s, start + 17) * 10 + digitAt(s, start + 18);
  const ok = y >= 0 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && hh >= 0 && hh <= 24 && mi >= 0 && mi <= 59 && ss >= 0 && ss <= 60;
  return ok ? daysFromCivil(y, mo, d) * 86_400_000 + hh * 3_600_000 + mi * 60_000 + ss * 1000 + frac : NaN;
}

function readTimeGeneral(s: string): number {
  const t = s.trim();
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n < 1e11 ? n * 1000 : n;
  }
  return t === "" ? NaN : Date.parse(t);
}

// ------------------------------------------------------------------ growable sample buffers

class Samples {
  values: Float64Array;
  times: Float64Array;
  count = 0;
  hasTime = false;
  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(16, capacity));
    this.times = new Float64Array(Math.max(16, capacity));
  }
  push(v: number, t: number) {
    if (this.count === this.values.length) {
      const nv = new Float64Array(this.values.length * 2);
      nv.set(this.values);
      this.values = nv;
      const nt = new Float64Array(this.times.length * 2);
      nt.set(this.times);
      this.times = nt;
    }
    this.values[this.count] = v;
    this.times[this.count] = t;
    this.count++;
  }
  finish<U extends string>(unit: U, source: string): DimensionSamples<U> | null {
    if (this.count === 0) return null;
    return {
      unit,
      source,
      values: this.values.subarray(0, this.count),
      times: this.hasTime ? this.times.subarray(0, this.count) : null,
      count: this.count,
    };
  }
}

class Collector {
  cpu: Samples;
  mem: Samples;
  cpuReserved: number[] = [];
  memReserved: number[] = [];
  rows = 0;
  gaps = 0;
  skipped: SkippedRow[] = [];
  skippedCount = 0;
  badTimes = 0;
  constructor(capacity: number) {
    this.cpu = new Samples(capacity);
    this.mem = new Samples(capacity);
  }
  skip(line: number | null, where: string, reason: string) {
    this.skippedCount++;
    if (this.skipped.length < MAX_REPORTED_SKIPS) this.skipped.push({ line, where, reason });
  }
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = Float64Array.from(xs).sort();
  return s[Math.ceil(s.length / 2) - 1]!;
}

const EXPECTED_COLUMNS =
  "expected Container Insights columns (CpuUtilized, MemoryUtilized, optionally CpuReserved, MemoryReserved, Timestamp) " +
  "or ECS service metrics (CPUUtilization, MemoryUtilization in percent)";

// ------------------------------------------------------------------ entry point

export interface ParseOptions {
  /**
   * "auto" (default): CSV without quotes is read by the fast in-place reader, anything else by papaparse;
   * "papaparse": papaparse for every CSV (the reference the fast reader is tested against).
   */
  csvReader?: "auto" | "papaparse";
}

export function parseUsageText(text: string, onProgress?: ParseProgress, opts: ParseOptions = {}): UsageParseOutcome {
  if (text.length > MAX_USAGE_FILE_BYTES) return { ok: false, error: checkUsageFileSize(text.length)! };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, error: "The file is empty: export CloudWatch metrics as CSV or JSON and upload that file." };
  const binary = binaryProblem(body);
  if (binary) return { ok: false, error: binary };
  const first = body.trimStart()[0];
  try {
    if (first === "{" || first === "[") return parseJson(body);
    return parseCsv(body, onProgress, opts.csvReader ?? "auto");
  } catch (e) {
    // Parsers below handle every input they can meet; this keeps "never crash" true for the unexpected.
    return { ok: false, error: `The file could not be read: ${(e as Error).message}` };
  }
}

// ------------------------------------------------------------------ CSV

interface ColumnPlan {
  time: number;
  cpu: { index: number; kind: "cpu-units" | "cpu-percent"; name: string } | null;
  mem: { index: number; kind: "mem-units" | "mem-percent"; name: string } | null;
  cpuReserved: number;
  memReserved: number;
  ignored: string[];
}

function planColumns(header: string[]): ColumnPlan | null {
  const byKind = new Map<Kind, { index: number; name: string }[]>();
  header.forEach((h, index) => {
    // A header cell is a short name; a long cell that mentions a metric is prose (e.g. a README table).
    if (h.length > 200 || h.trim().split(/\s+/).length > 10) return;
    const k = classifyName(h);
    if (!k) return;
    const list = byKind.get(k) ?? [];
    list.push({ index, name: h.trim() });
    byKind.set(k, list);
  });
  const ignored: string[] = [];
  const pick = (...kinds: Kind[]) => {
    for (const k of kinds) {
      const list = byKind.get(k);
      if (list && list.length) {
        const sorted = [...list].sort((a, b) => statRank(b.name) - statRank(a.name) || a.index - b.index);
        ignored.push(...sorted.slice(1).map((c) => c.name));
        return { ...sorted[0]!, kind: k };
      }
    }
    return null;
  };
  const cpu = pick("cpu-units", "cpu-percent");
  const mem = pick("mem-units", "mem-percent");
  // A units column wins over a percent column of the same dimension; mention the other.
  if (cpu?.kind === "cpu-units" && byKind.get("cpu-percent")) ignored.push(...byKind.get("cpu-percent")!.map((c) => c.name));
  if (mem?.kind === "mem-units" && byKind.get("mem-percent")) ignored.push(...byKind.get("mem-percent")!.map((c) => c.name));
  if (!cpu && !mem) return null;
  return {
    time: byKind.get("time")?.[0]?.index ?? -1,
    cpu: cpu ? { index: cpu.index, kind: cpu.kind as "cpu-units" | "cpu-percent", name: cpu.name } : null,
    mem: mem ? { index: mem.index, kind: mem.kind as "mem-units" | "mem-percent", name: mem.name } : null,
    cpuReserved: byKind.get("cpu-reserved")?.[0]?.index ?? -1,
    memReserved: byKind.get("mem-reserved")?.[0]?.index ?? -1,
    ignored,
  };
}

/** Rows looked at for a header (console exports put a few description lines first). */
const HEADER_SEARCH_ROWS = 20;

/**
 * Delimiter and line break when the CSV can be read without papaparse's quote handling: no `"` anywhere and
 * "\n" or "\r\n" line breaks. Both are papaparse's own guesses on the first chunk it would parse (the same
 * slice), so the rows are identical. null = let papaparse read it.
 */
function fastCsvLayout(text: string, firstChunkChars: number): { delimiter: string; linebreak: string } | null {
  if (text.indexOf('"') >= 0) return null;
  const meta = Papa.parse<string[]>(text.slice(0, firstChunkChars), { preview: 1, skipEmptyLines: false }).meta;
  if (meta.linebreak !== "\n" && meta.linebreak !== "\r\n") return null;
  if (typeof meta.delimiter !== "string" || meta.delimiter.length === 0) return null;
  return { delimiter: meta.delimiter, linebreak: meta.linebreak };
}

/** Fast-path progress: report about every this many characters (papaparse reports once per 1 MB chunk). */
const PROGRESS_STEP_CHARS = 1024 * 1024;

function parseCsv(text: string, onProgress: ParseProgress | undefined, reader: "auto" | "papaparse"): UsageParseOutcome {
  const c = new Collector(Math.ceil(text.length / 32)); // ~1 row per 32-45 bytes: one allocation for typical exports
  const warnings: string[] = [];
  let plan: ColumnPlan | null = null;
  let headerLine = 0;
  const firstRows: string[][] = [];
  let line = 0; // 1-based line of the row being read
  let parseErrors = 0;

  /** A row before the header was found: is it the header? */
  const headerRow = (row: string[]) => {
    if (line > HEADER_SEARCH_ROWS) return;
    const p = planColumns(row);
    if (p) {
      plan = p;
      headerLine = line;
      if (line > 1) warnings.push(`Skipped ${line - 1} line(s) before the header on line ${line}.`);
      if (p.ignored.length) warnings.push(`Ignored column(s): ${p.ignored.join(", ")}.`);
    } else firstRows.push(row);
  };

  /**
   * A data row (after the header), its cells read through `cell` / `time` (by column index; a missing cell is
   * "gap" / NaN), so the papaparse path and the fast path below apply the very same rules.
   */
  const dataRow = (p: ColumnPlan, cell: (index: number, kind: Exclude<Kind, "time">) => CellResult, time: (index: number) => number) => {
    c.rows++;
    const cpuCell = p.cpu ? cell(p.cpu.index, p.cpu.kind) : "gap";
    const memCell = p.mem ? cell(p.mem.index, p.mem.kind) : "gap";
    if (typeof cpuCell === "string" && cpuCell !== "gap") {
      c.skip(line, `line ${line}`, `${p.cpu!.name}: ${cpuCell}`);
      return;
    }
    if (typeof memCell === "string" && memCell !== "gap") {
      c.skip(line, `line ${line}`, `${p.mem!.name}: ${memCell}`);
      return;
    }
    if (cpuCell === "gap" && memCell === "gap") {
      c.gaps++;
      return;
    }
    let t = NaN;
    if (p.time >= 0) {
      t = time(p.time);
      if (Number.isNaN(t)) c.badTimes++;
    }
    if (typeof cpuCell === "number") c.cpu.push(cpuCell, t);
    if (typeof memCell === "number") c.mem.push(memCell, t);
    if (p.cpuReserved >= 0 && c.cpuReserved.length < 100_000) {
      const r = cell(p.cpuReserved, "cpu-reserved");
      if (typeof r === "number" && r > 0) c.cpuReserved.push(r);
    }
    if (p.memReserved >= 0 && c.memReserved.length < 100_000) {
      const r = cell(p.memReserved, "mem-reserved");
      if (typeof r === "number" && r > 0) c.memReserved.push(r);
    }
  };

  // papaparse streams a string input synchronously chunk by chunk (its types only list files for `chunk`);
  // chunks keep memory flat and give progress. One row = one line (skipEmptyLines off, no multi-line cells
  // in CloudWatch exports), which gives the line numbers of skipped rows.
  let papaRow: string[] = [];
  const papaCell = (index: number, kind: Exclude<Kind, "time">) => readCell(papaRow[index], kind);
  const papaTime = (index: number) => readTime(papaRow[index]);
  const config = {
    skipEmptyLines: false,
    chunkSize: 1024 * 1024, // 1 MB chunks measured fastest (young-generation GC) for 40 MB inputs
    chunk: (results: Papa.ParseResult<string[]>) => {
      for (const e of results.errors) {
        if (e.code === "UndetectableDelimiter") continue;
        parseErrors++;
      }
      for (const row of results.data) {
        line++;
        if (row.length === 1 && row[0]!.trim() === "") continue; // blank line
        if (!plan) headerRow(row);
        else {
          papaRow = row;
          dataRow(plan, papaCell, papaTime);
        }
      }
      onProgress?.(Math.min(1, results.meta.cursor / text.length));
    },
  };
  const fast = reader === "auto" ? fastCsvLayout(text, config.chunkSize) : null;
  if (fast) {
    // No quote anywhere: every row is the line split at the delimiter, exactly what papaparse would produce
    // (same delimiter and line break, guessed by papaparse from the same first chunk), read in place.
    const { delimiter, linebreak } = fast;
    let fieldStart = new Int32Array(0);
    let fieldEnd = new Int32Array(0);
    let fields = 0;
    let lineStart = 0;
    let lineEnd = 0;
    // Field boundaries of the current line up to field `upTo` (fields beyond it are not needed).
    const split = (upTo: number) => {
      fields = 0;
      let pos = lineStart;
      while (fields <= upTo) {
        const d = text.indexOf(delimiter, pos);
        const stop = d < 0 || d > lineEnd ? lineEnd : d;
        fieldStart[fields] = pos;
        fieldEnd[fields] = stop;
        fields++;
        if (stop === lineEnd) break;
        pos = stop + delimiter.length;
      }
    };
    const fastCell = (index: number, kind: Exclude<Kind, "time">) => (index < fields ? readCellAt(text, fieldStart[index]!, fieldEnd[index]!, kind) : "gap");
    const fastTime = (index: number) => (index < fields ? readTimeAt(text, fieldStart[index]!, fieldEnd[index]!) : NaN);
    let nextProgress = PROGRESS_STEP_CHARS;
    let needed = -1;
    while (lineStart <= text.length) {
      const nl = text.indexOf(linebreak, lineStart);
      lineEnd = nl < 0 ? text.length : nl;
      line++;
      const hasDelimiter = text.indexOf(delimiter, lineStart);
      const blank = (hasDelimiter < 0 || hasDelimiter >= lineEnd) && text.slice(lineStart, lineEnd).trim() === "";
      if (!blank) {
        if (!plan) {
          headerRow(text.slice(lineStart, lineEnd).split(delimiter));
          const p = plan as ColumnPlan | null; // set by headerRow
          if (p) {
            needed = Math.max(p.time, p.cpu?.index ?? -1, p.mem?.index ?? -1, p.cpuReserved, p.memReserved);
            fieldStart = new Int32Array(needed + 1);
            fieldEnd = new Int32Array(needed + 1);
          }
        } else {
          split(needed);
          dataRow(plan, fastCell, fastTime);
        }
      }
      if (nl < 0) break;
      lineStart = nl + linebreak.length;
      if (onProgress && lineStart >= nextProgress) {
        nextProgress = lineStart + PROGRESS_STEP_CHARS;
        onProgress(lineStart / text.length);
      }
    }
    onProgress?.(1);
  } else Papa.parse<string[]>(text, config as unknown as Papa.ParseConfig<string[]>);
  if (!plan) {
    const cols = (firstRows[0] ?? []).map((s) => s.trim()).filter(Boolean);
    const found = cols.length ? `found columns: ${cols.slice(0, 12).join(", ")}${cols.length > 12 ? ", ..." : ""}` : "found no header row";
    return { ok: false, error: `No utilization columns in the first ${HEADER_SEARCH_ROWS} lines: ${EXPECTED_COLUMNS}; ${found}.` };
  }
  const p: ColumnPlan = plan;
  if (c.rows === 0) return { ok: false, error: `The file has a header (line ${headerLine}) but no data rows.` };
  if (parseErrors > 0) warnings.push(`${parseErrors} CSV syntax problem(s) (e.g. an unclosed quote); the affected rows were read as best possible.`);
  if (p.time >= 0 && c.badTimes > 0) warnings.push(`${c.badTimes} row(s) have an unreadable timestamp; the chart orders those samples by position.`);
  const format: UsageFormat =
    (p.cpu?.kind ?? "cpu-units") === "cpu-units" && (p.mem?.kind ?? "mem-units") === "mem-units"
      ? "container-insights-csv"
      : (p.cpu?.kind ?? "cpu-percent") === "cpu-percent" && (p.mem?.kind ?? "mem-percent") === "mem-percent"
        ? "service-metrics-csv"
        : "mixed-csv";
  return finish(c, format, p.cpu, p.mem, warnings, p.time >= 0 && c.badTimes === 0);
}

function finish(
  c: Collector,
  format: UsageFormat,
  cpuCol: { kind: "cpu-units" | "cpu-percent"; name: string } | null,
  memCol: { kind: "mem-units" | "mem-percent"; name: string } | null,
  warnings: string[],
  hasTime: boolean,
): UsageParseOutcome {
  c.cpu.hasTime = hasTime;
  c.mem.hasTime = hasTime;
  const cpu = cpuCol ? c.cpu.finish<CpuUnit>(cpuCol.kind === "cpu-units" ? "cpu-units" : "percent", cpuCol.name) : null;
  const memory = memCol ? c.mem.finish<MemoryUnit>(memCol.kind === "mem-units" ? "MiB" : "percent", memCol.name) : null;
  if (!cpu && !memory) {
    const why = c.skippedCount > 0 ? `all ${c.skippedCount} data row(s) were unreadable (first: ${c.skipped[0]!.where}: ${c.skipped[0]!.reason})` : "every value is blank";
    return { ok: false, error: `No usable utilization samples: ${why}.` };
  }
  if (cpuCol && !cpu) warnings.push(`The ${cpuCol.name} column has no readable values.`);
  if (memCol && !memory) warnings.push(`The ${memCol.name} column has no readable values.`);
  return {
    ok: true,
    usage: {
      format,
      cpu,
      memory,
      reserved: { cpuUnits: median(c.cpuReserved), memoryMiB: median(c.memReserved) },
      rows: c.rows,
      gaps: c.gaps,
      skipped: c.skipped,
      skippedCount: c.skippedCount,
      warnings,
    },
  };
}

// ------------------------------------------------------------------ JSON

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function parseJson(text: string): UsageParseOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // JSON lines: one event object per line.
    const lines = text.split(/\r?\n/);
    const nonBlank = lines.filter((l) => l.trim() !== "");
    if (nonBlank.length > 1 && nonBlank[0]!.trim().startsWith("{")) return parseEvents(lines.map((l, i) => ({ line: i + 1, text: l })));
    return { ok: false, error: `The file is not valid JSON: ${(e as Error).message}` };
  }
  if (Array.isArray(doc)) {
    if (doc.length === 0) return { ok: false, error: "The JSON file holds an empty list: no utilization samples." };
    if (doc.every((d) => isObj(d) && Array.isArray(d.MetricDataResults))) {
      return parseMetricData(doc.flatMap((d) => (d as Obj).MetricDataResults as unknown[]));
    }
    return parseEventObjects(doc.map((v, i) => ({ where: `[${i}]`, line: null, value: v })));
  }
  if (!isObj(doc)) return { ok: false, error: "The JSON file holds a single value, not CloudWatch data." };
  if (Array.isArray(doc.MetricDataResults)) return parseMetricData(doc.MetricDataResults);
  if (Array.isArray(doc.Datapoints)) return parseDatapoints(doc);
  if (Array.isArray(doc.events)) {
    return parseEventObjects(doc.events.map((v, i) => ({ where: `events[${i}]`, line: null, value: v })));
  }
  if (Object.keys(doc).some((k) => classifyName(k) !== null && classifyName(k) !== "time")) {
    return parseEventObjects([{ where: "(root)", line: null, value: doc }]);
  }
  const keys = Object.keys(doc).slice(0, 10);
  return {
    ok: false,
    error:
      "The JSON is not a CloudWatch export this page reads: expected GetMetricData output ({\"MetricDataResults\": [...]}), " +
      "get-metric-statistics output ({\"Label\", \"Datapoints\"}) or Container Insights performance log events" +
      (keys.length ? `; found keys: ${keys.join(", ")}.` : "; found an empty object."),
  };
}

function parseMetricData(results: unknown[]): UsageParseOutcome {
  const c = new Collector(1024);
  const warnings: string[] = [];
  type Series = { where: string; label: string; kind: Kind; values: unknown[]; times: unknown[] };
  const series: Series[] = [];
  results.forEach((r, i) => {
    const where = `MetricDataResults[${i}]`;
    if (!isObj(r)) {
      warnings.push(`${where} is not an object; ignored.`);
      return;
    }
    const label = typeof r.Label === "string" && r.Label ? r.Label : typeof r.Id === "string" ? r.Id : `#${i}`;
    const kind = classifyName(label) ?? (typeof r.Id === "string" ? classifyName(r.Id) : null);
    if (!kind || kind === "time") {
      warnings.push(`${where} ("${label}") is not a CPU or memory metric; ignored.`);
      return;
    }
    if (!Array.isArray(r.Values)) {
      warnings.push(`${where} ("${label}") has no Values list; ignored.`);
      return;
    }
    if (r.StatusCode === "PartialData") warnings.push(`${where} ("${label}") is PartialData: CloudWatch returned only part of the period (NextToken not followed).`);
    series.push({ where, label, kind, values: r.Values, times: Array.isArray(r.Timestamps) ? r.Timestamps : [] });
  });
  const pick = (...kinds: Kind[]) => {
    for (const k of kinds) {
      const list = series.filter((s) => s.kind === k);
      if (list.length) {
        // Pages of one query repeat the same label: merge those; otherwise keep the preferred statistic.
        const best = [...list].sort((a, b) => statRank(b.label) - statRank(a.label))[0]!;
        const same = list.filter((s) => s.label === best.label);
        const others = list.filter((s) => s.label !== best.label);
        if (others.length) warnings.push(`Ignored series: ${others.map((s) => `"${s.label}"`).join(", ")} (using "${best.label}").`);
        return { kind: k, series: same };
      }
    }
    return null;
  };
  const cpu = pick("cpu-units", "cpu-percent");
  const mem = pick("mem-units", "mem-percent");
  if (!cpu && !mem) {
    const labels = series.length ? series.map((s) => s.label) : results.filter(isObj).map((r) => String(r.Label ?? r.Id ?? "?"));
    return { ok: false, error: `GetMetricData output without CPU or memory utilization series: ${EXPECTED_COLUMNS}; found ${labels.length ? labels.slice(0, 10).join(", ") : "no series"}.` };
  }
  let anyBadTime = false;
  const load = (pickd: { kind: Kind; series: Series[] }, target: Samples, reserved: number[] | null) => {
    for (const s of pickd.series) {
      s.values.forEach((v, j) => {
        c.rows++;
        const cell = readCell(v as number | string, pickd.kind as Exclude<Kind, "time">);
        if (cell === "gap") c.gaps++;
        else if (typeof cell === "string") c.skip(null, `${s.where}.Values[${j}]`, cell);
        else {
          const t = readTime(s.times[j]);
          if (Number.isNaN(t)) anyBadTime = true;
          target.push(cell, t);
          if (reserved) reserved.push(cell);
        }
      });
    }
  };
  if (cpu) load(cpu, c.cpu, null);
  if (mem) load(mem, c.mem, null);
  // Reserved series give the task size the file was recorded with.
  for (const s of series) {
    if (s.kind !== "cpu-reserved" && s.kind !== "mem-reserved") continue;
    const into = s.kind === "cpu-reserved" ? c.cpuReserved : c.memReserved;
    for (const v of s.values) {
      const r = readCell(v as number, s.kind);
      if (typeof r === "number" && r > 0) into.push(r);
    }
  }
  const colOf = (p: { kind: Kind; series: Series[] } | null) => (p ? { kind: p.kind, name: p.series[0]!.label } : null);
  return finish(
    c,
    "getmetricdata-json",
    colOf(cpu) as { kind: "cpu-units" | "cpu-percent"; name: string } | null,
    colOf(mem) as { kind: "mem-units" | "mem-percent"; name: string } | null,
    warnings,
    !anyBadTime,
  );
}

const STAT_ORDER = ["Maximum", "p99", "p95", "p90", "Average", "Sum", "Minimum"];

function parseDatapoints(doc: Obj): UsageParseOutcome {
  const label = typeof doc.Label === "string" ? doc.Label : "";
  const kind = classifyName(label);
  if (!kind || kind === "time" || kind === "cpu-reserved" || kind === "mem-reserved") {
    return { ok: false, error: `get-metric-statistics output for "${label || "(no Label)"}": ${EXPECTED_COLUMNS}.` };
  }
  const points = doc.Datapoints as unknown[];
  const firstObj = points.find(isObj) as Obj | undefined;
  const ext = firstObj && isObj(firstObj.ExtendedStatistics) ? Object.keys(firstObj.ExtendedStatistics) : [];
  const stat = STAT_ORDER.find((s) => firstObj && (s in firstObj || ext.includes(s)));
  if (!stat) return { ok: false, error: `get-metric-statistics output "${label}" has no Maximum, Average or percentile statistic in its Datapoints.` };
  const warnings = stat === "Maximum" ? [] : [`Using the ${stat} statistic; Maximum (the busiest task) is safer for sizing.`];
  if (stat === "Sum") warnings.push("The Sum statistic adds up all tasks: export Maximum or Average per task instead.");
  const c = new Collector(points.length);
  const k = kind as Exclude<Kind, "time">;
  let badTime = false;
  points.forEach((p, i) => {
    c.rows++;
    if (!isObj(p)) return c.skip(null, `Datapoints[${i}]`, "not an object");
    const raw = stat in p ? p[stat] : isObj(p.ExtendedStatistics) ? p.ExtendedStatistics[stat] : undefined;
    const cell = readCell(raw as number | string | undefined, k);
    if (cell === "gap") return void c.gaps++;
    if (typeof cell === "string") return c.skip(null, `Datapoints[${i}].${stat}`, cell);
    const t = readTime(p.Timestamp);
    if (Number.isNaN(t)) badTime = true;
    (k.startsWith("cpu") ? c.cpu : c.mem).push(cell, t);
  });
  warnings.push(`The file has only ${k.startsWith("cpu") ? "CPU" : "memory"} data; the other dimension keeps the current size.`);
  const col = { kind: k, name: `${label} (${stat})` };
  return finish(
    c,
    "get-metric-statistics-json",
    k.startsWith("cpu") ? (col as { kind: "cpu-units" | "cpu-percent"; name: string }) : null,
    k.startsWith("mem") ? (col as { kind: "mem-units" | "mem-percent"; name: string }) : null,
    warnings,
    !badTime,
  );
}

function parseEvents(lines: { line: number; text: string }[]): UsageParseOutcome {
  const items: { where: string; line: number | null; value: unknown }[] = [];
  for (const l of lines) {
    const s = l.text.trim();
    if (s === "") continue;
    try {
      items.push({ where: `line ${l.line}`, line: l.line, value: JSON.parse(s) });
    } catch {
      // Reported as a skipped row with its line number by parseEventObjects.
      items.push({ where: `line ${l.line}`, line: l.line, value: undefined });
    }
  }
  return parseEventObjects(items);
}

/** Performance log events (or any objects with CpuUtilized / MemoryUtilized style keys). */
function parseEventObjects(items: { where: string; line: number | null; value: unknown }[]): UsageParseOutcome {
  const c = new Collector(items.length);
  const warnings: string[] = [];
  // `aws logs filter-log-events` wraps each event: {"timestamp":..., "message":"{...}"}
  const events = items.map((it) => {
    let v = it.value;
    if (isObj(v) && typeof v.message === "string" && v.message.trimStart().startsWith("{")) {
      try {
        v = JSON.parse(v.message);
      } catch {
        /* reported below as not an event */
      }
    }
    return { ...it, value: v };
  });
  const hasTaskType = events.some((e) => isObj(e.value) && e.value.Type === "Task");
  let otherTypes = 0;
  let cpuName: string | null = null;
  let memName: string | null = null;
  let cpuKind: "cpu-units" | "cpu-percent" | null = null;
  let memKind: "mem-units" | "mem-percent" | null = null;
  let badTime = false;
  const keyCache = new Map<string, Kind | null>();
  const kindOf = (k: string) => {
    let r = keyCache.get(k);
    if (r === undefined) {
      r = classifyName(k);
      keyCache.set(k, r);
    }
    return r;
  };
  for (const e of events) {
    const v = e.value;
    if (!isObj(v)) {
      c.rows++;
      c.skip(e.line, e.where, v === undefined ? "not valid JSON" : "not a JSON object");
      continue;
    }
    if (hasTaskType && v.Type !== "Task") {
      otherTypes++;
      continue;
    }
    c.rows++;
    let cpuVal: CellResult = "gap";
    let memVal: CellResult = "gap";
    let t = NaN;
    let problem: string | null = null;
    for (const key of Object.keys(v)) {
      const kind = kindOf(key);
      if (kind === null) continue;
      const raw = v[key];
      if (kind === "time") {
        t = readTime(raw);
        continue;
      }
      if ((kind === "cpu-units" || kind === "cpu-percent") && (cpuKind === null || cpuKind === kind)) {
        // Only the task-level CpuUtilized; enhanced-observability ContainerCpuUtilized keys are per container.
        if (cpuKind === null && key.toLowerCase().startsWith("container") && hasTaskType) continue;
        cpuKind = kind;
        cpuName ??= key;
        if (key !== cpuName) continue;
        cpuVal = readCell(raw as number | string, kind);
        if (typeof cpuVal === "string" && cpuVal !== "gap") problem = `${key}: ${cpuVal}`;
      } else if ((kind === "mem-units" || kind === "mem-percent") && (memKind === null || memKind === kind)) {
        if (memKind === null && key.toLowerCase().startsWith("container") && hasTaskType) continue;
        memKind = kind;
        memName ??= key;
        if (key !== memName) continue;
        memVal = readCell(raw as number | string, kind);
        if (typeof memVal === "string" && memVal !== "gap") problem = `${key}: ${memVal}`;
      } else if (kind === "cpu-reserved" && c.cpuReserved.length < 100_000) {
        const r = readCell(raw as number, kind);
        if (typeof r === "number" && r > 0) c.cpuReserved.push(r);
      } else if (kind === "mem-reserved" && c.memReserved.length < 100_000) {
        const r = readCell(raw as number, kind);
        if (typeof r === "number" && r > 0) c.memReserved.push(r);
      }
    }
    if (problem) {
      c.skip(e.line, e.where, problem);
      continue;
    }
    if (cpuVal === "gap" && memVal === "gap") {
      c.gaps++;
      continue;
    }
    if (Number.isNaN(t)) badTime = true;
    if (typeof cpuVal === "number") c.cpu.push(cpuVal, t);
    if (typeof memVal === "number") c.mem.push(memVal, t);
  }
  if (otherTypes > 0) warnings.push(`Used the Type "Task" events; ignored ${otherTypes} other event(s) (Container, ...).`);
  if (!cpuKind && !memKind) {
    return { ok: false, error: `The JSON objects have no utilization fields: ${EXPECTED_COLUMNS}.` };
  }
  return finish(
    c,
    "performance-log-events",
    cpuKind ? { kind: cpuKind, name: cpuName ?? "CpuUtilized" } : null,
    memKind ? { kind: memKind, name: memName ?? "MemoryUtilized" } : null,
    warnings,
    !badTime,
  );
}

// ------------------------------------------------------------------ summary (what the page and CLI show)

export interface DimensionSummary<U extends string> {
  unit: U;
  source: string;
  stats: SampleStats;
  /** Downsampled for a chart: bucket max and mean, by time when timestamps exist. */
  series: SeriesPoint[];
  byTime: boolean;
}

export interface UsageSummary {
  format: UsageFormat;
  formatLabel: string;
  cpu: DimensionSummary<CpuUnit> | null;
  memory: DimensionSummary<MemoryUnit> | null;
  reserved: { cpuUnits: number | null; memoryMiB: number | null };
  rows: number;
  samples: number;
  gaps: number;
  skipped: SkippedRow[];
  skippedCount: number;
  timeRange: { from: number; to: number; hours: number } | null;
  warnings: string[];
}

function dim<U extends string>(d: DimensionSamples<U> | null, buckets: number): DimensionSummary<U> | null {
  if (!d) return null;
  const stats = sampleStats(d.values, d.count)!;
  return { unit: d.unit, source: d.source, stats, series: downsample(d.values, d.times, d.count, buckets), byTime: d.times !== null };
}

/** Percentiles and a chart series per dimension; small and structured-clone friendly (no sample arrays). */
export function summarizeUsage(u: ParsedUsage, buckets = 400): UsageSummary {
  let from = Infinity;
  let to = -Infinity;
  for (const d of [u.cpu, u.memory]) {
    if (!d?.times) continue;
    for (let i = 0; i < d.count; i++) {
      const t = d.times[i]!;
      if (t < from) from = t;
      if (t > to) to = t;
    }
  }
  const timeRange = Number.isFinite(from) && Number.isFinite(to) ? { from, to, hours: (to - from) / 3_600_000 } : null;
  const warnings = [...u.warnings];
  if (u.skippedCount > 0) {
    const shown = u.skipped.slice(0, 5).map((s) => `${s.where} (${s.reason})`).join("; ");
    warnings.push(`Skipped ${u.skippedCount} unreadable row(s): ${shown}${u.skippedCount > 5 ? "; ..." : ""}.`);
  }
  if (u.gaps > 0) warnings.push(`${u.gaps} row(s) had no value (gaps in the data) and were left out.`);
  if (timeRange && timeRange.hours < MIN_RECOMMENDED_HOURS) {
    warnings.push(
      `The data covers ${timeRange.hours.toFixed(1)} h; Compute Optimizer waits for at least 24 h (14 days is better) before recommending a size.`,
    );
  }
  return {
    format: u.format,
    formatLabel: FORMAT_LABELS[u.format],
    cpu: dim(u.cpu, buckets),
    memory: dim(u.memory, buckets),
    reserved: u.reserved,
    rows: u.rows,
    samples: Math.max(u.cpu?.count ?? 0, u.memory?.count ?? 0),
    gaps: u.gaps,
    skipped: u.skipped,
    skippedCount: u.skippedCount,
    timeRange,
    warnings,
  };
}

/** Parse and summarize in one go (the Web Worker, the CLI and the benchmark all call this). */
export function analyzeUsageText(text: string, onProgress?: ParseProgress): { ok: true; summary: UsageSummary } | { ok: false; error: string } {
  const parsed = parseUsageText(text, onProgress);
  if (!parsed.ok) return parsed;
  return { ok: true, summary: summarizeUsage(parsed.usage) };
}
