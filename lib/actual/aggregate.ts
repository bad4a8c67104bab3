/**
 * One pass over a bill's rows (FOCUS or CUR 2.0, any file format): rows of the estimate's region that are charges
 * the estimator models (./charges.ts) are summed per charge and per service tag value; the rest are summed per
 * AWS service (in the region, not modelled) or per region (elsewhere). Nothing is kept per row, so a million
 * rows cost a few hundred map entries.
 *
 * Money (docs/billing-rules.md#actual-bill):
 * - billed = BilledCost (FOCUS) / line_item_unblended_cost (CUR 2.0): the invoice.
 * - effective = EffectiveCost (FOCUS) / for CUR 2.0: savings_plan_savings_plan_effective_cost on Savings Plan
 *   covered usage, reservation_effective_cost on Reserved Instance usage, 0 on SavingsPlanNegation rows (they
 *   only cancel the On-Demand amount of covered usage), the unblended cost otherwise.
 * - quantity counts usage rows only (FOCUS ChargeCategory "Usage"; CUR 2.0 Usage, SavingsPlanCoveredUsage and
 *   DiscountedUsage), so credits and negations change the cost and never the usage.
 */
import { recognizeCharge, type ChargeId } from "./charges";
import { F as FIELD_INDEX, type BillSchema } from "./schema";

/** The cell indexes as a module-local object: an imported binding can compile to a getter call per read (tsx, CJS
 * interop), and `add` reads ~15 of them per row. */
const F: typeof FIELD_INDEX = { ...FIELD_INDEX };
import { readTag, type TagKeys } from "./tags";

export interface Sums {
  billedUSD: number;
  effectiveUSD: number;
  quantity: number;
  rows: number;
}

export interface ChargeGroup extends Sums {
  charge: ChargeId;
  /** The value of the service tag on the rows, or null when they carry none. */
  serviceTag: string | null;
  /** The value of the cluster tag when the rows carry no service tag. */
  clusterTag: string | null;
}

interface Route {
  serviceTag: string | null;
  clusterTag: string | null;
  groups: Map<ChargeId, ChargeGroup>;
}

export interface RowProblem {
  row: number;
  message: string;
}

/** What a bill holds, summed. Plain data: it crosses from the browser worker to the page as it is. */
export interface BillAggregate {
  format: string;
  /** The billing period's first day (YYYY-MM-DD), null when the file has no usable row. */
  periodStart: string | null;
  /** The first instant after the period (YYYY-MM-DD); from the file, else the next month's first day. */
  periodEnd: string | null;
  region: string;
  tagKeys: TagKeys;
  rowsRead: number;
  rowsInRegion: number;
  rowsRecognised: number;
  groups: ChargeGroup[];
  /** In the region, not a charge the estimator models: per AWS service (or "Tax"). */
  notModelled: Array<{ service: string } & Sums>;
  /** Rows of other regions (and of no region), per region. */
  otherRegions: Array<{ region: string } & Sums>;
  problemCount: number;
  problems: RowProblem[];
  notes: string[];
  /** Text cells that start like a spreadsheet formula (=, +, -, @) among the values the report shows. */
  formulaLikeCells: number;
}

export const MAX_PROBLEMS_LISTED = 20;

/** A row's cells in BILL_FIELDS order (undefined where the file has no such column). */
export type Cells = unknown[];
/** A cell of the row being added, by its index in BILL_FIELDS, decoded when asked for. */
export type LateCell = (field: number) => unknown;

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return "";
}

/** A number cell: a JS number, a bigint, a decimal string; "" and null are null; anything else NaN. */
function amount(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    if (value === "") return null;
    const n = Number(value);
    // Number() also accepts "0x10", "0b1", "Infinity" and blanks: a bill cell is a plain decimal. The common case
    // (a finite number whose second character is not a radix letter) skips the full check.
    const c = value.charCodeAt(1);
    if (Number.isFinite(n) && c !== 120 && c !== 88 && c !== 98 && c !== 66 && c !== 111 && c !== 79 && value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return n;
    const s = value.trim();
    if (s === "") return null;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return NaN;
    return Number(s);
  }
  return NaN;
}

/** "2026-11-01T00:00:00Z", "2026-11-01 00:00:00.000", a Date, epoch ms -> "2026-11-01"; null when unreadable. */
/** Dates by their text: a bill repeats a few (period start and end, the days of the month). */
const days = new Map<string, string | null>();

function day(value: unknown): string | null {
  if (typeof value === "string") {
    let d = days.get(value);
    if (d === undefined) {
      d = dayOf(value);
      if (days.size >= 4096) days.clear();
      days.set(value, d);
    }
    return d;
  }
  return dayOf(value);
}

function dayOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "bigint") {
    const n = Number(value);
    // Parquet timestamps arrive as Date; a bare number is epoch milliseconds (or microseconds).
    const ms = n > 1e14 ? n / 1000 : n;
    const d = new Date(ms);
    return Number.isFinite(ms) && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;
  }
  const s = text(value).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function nextMonth(start: string): string {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** CUR 2.0's `product` map (a JSON object in CSV, a map in Parquet): its product_name, e.g. "Amazon Relational Database Service". */
function productName(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  let map: unknown = value;
  if (typeof value === "string") {
    if (value[0] !== "{") return "";
    try {
      map = JSON.parse(value);
    } catch {
      return "";
    }
  }
  if (map instanceof Map) return typeof map.get("product_name") === "string" ? (map.get("product_name") as string).trim() : "";
  if (map && typeof map === "object") {
    const v = (map as Record<string, unknown>).product_name;
    return typeof v === "string" ? v.trim() : "";
  }
  return "";
}

const FORMULA_START = /^[=+\-@\t\r]/;
const USAGE_LINE_TYPES = new Set(["Usage", "SavingsPlanCoveredUsage", "DiscountedUsage"]);

function emptySums(): Sums {
  return { billedUSD: 0, effectiveUSD: 0, quantity: 0, rows: 0 };
}

/** A bill being read: feed rows with `add`, then `finish` (which may refuse the file as a whole). */
export class BillAggregator {
  private readonly notModelled = new Map<string, Sums>();
  private readonly otherRegions = new Map<string, Sums>();
  private readonly periods = new Map<string, number>();
  private readonly periodEnds = new Set<string>();
  private readonly currencies = new Set<string>();
  private rowsRead = 0;
  private rowsInRegion = 0;
  private rowsRecognised = 0;
  private problemCount = 0;
  private readonly problems: RowProblem[] = [];
  private formulaLikeCells = 0;
  private readonly routesByCell = new Map<string, Route>();
  private readonly routesByKey = new Map<string, Route>();
  private groupCount = 0;
  private lastPeriodCell: unknown = undefined;
  private lastPeriodEndCell: unknown = undefined;
  private lastCurrencyCell: unknown = undefined;
  private lastRegionCell: unknown = undefined;
  private lastRegionText = "";

  constructor(
    private readonly schema: BillSchema,
    private readonly region: string,
    private readonly tagKeys: TagKeys,
  ) {}

  /** What was wrong with the first problem row, without "the row was skipped" (the error when no row is read). */
  private firstCause: string | null = null;

  private problem(row: number, message: string, cause = message): void {
    this.problemCount++;
    if (this.problems.length === 0) this.firstCause = cause;
    if (this.problems.length < MAX_PROBLEMS_LISTED) this.problems.push({ row, message });
  }

  /** A row that cannot be read: said as "<cause>; the row was skipped". */
  private skipped(row: number, cause: string): void {
    this.problem(row, `${cause}; the row was skipped`, cause);
  }

  private rowCells: Cells = [];
  private readonly fromRowCells: LateCell = (field) => this.rowCells[field];

  /**
   * One row; `rowNumber` is the 1-based data row (the header is not counted) for messages. With `late`, the cells
   * after the region test (category, quantities, service code, usage type, operation, service name, product,
   * tags) are asked of it, not read from `cells`: a row of another region never decodes them.
   */
  add(cells: Cells, rowNumber: number, late?: LateCell): void {
    this.rowsRead++;
    const cur = this.schema.kind === "cur2";
    const billed = amount(cells[F.billed]);
    if (billed === null || Number.isNaN(billed) || !Number.isFinite(billed)) {
      const raw = text(cells[F.billed]).slice(0, 40);
      this.skipped(rowNumber, `${this.schema.columns.billed}: ${raw === "" ? "is empty" : `${JSON.stringify(raw)} is not a number`}`);
      return;
    }
    const lineType = cur ? text(cells[F.lineType]) : "";
    let effective: number | null;
    if (cur) {
      if (lineType === "SavingsPlanCoveredUsage") effective = amount(cells[F.spEffective]);
      else if (lineType === "DiscountedUsage") effective = amount(cells[F.riEffective]);
      else if (lineType === "SavingsPlanNegation") effective = 0;
      else effective = billed;
    } else effective = this.schema.columns.effective ? amount(cells[F.effective]) : billed;
    if (effective === null) effective = billed;
    if (Number.isNaN(effective) || !Number.isFinite(effective)) {
      this.skipped(rowNumber, `the effective cost ${JSON.stringify(text(cells[cur ? F.spEffective : F.effective]).slice(0, 40))} is not a number`);
      return;
    }
    // The period, its end and the currency repeat row after row: looked at when the cell changes.
    const periodCell = cells[F.period];
    if (periodCell !== this.lastPeriodCell || typeof periodCell !== "string") {
      const period = day(periodCell);
      if (period === null) {
        this.skipped(rowNumber, `${this.schema.columns.period}: ${JSON.stringify(text(periodCell).slice(0, 40))} is not a date`);
        return;
      }
      this.periods.set(period.slice(0, 7), 1);
      this.lastPeriodCell = periodCell;
    }
    if (this.schema.columns.periodEnd && cells[F.periodEnd] !== this.lastPeriodEndCell) {
      this.lastPeriodEndCell = cells[F.periodEnd];
      const end = day(cells[F.periodEnd]);
      if (end) this.periodEnds.add(end);
    }
    if (this.schema.columns.currency && cells[F.currency] !== this.lastCurrencyCell) {
      this.lastCurrencyCell = cells[F.currency];
      const c = text(cells[F.currency]).trim();
      if (c !== "" && this.currencies.size < 20) this.currencies.add(c.slice(0, 10));
    }
    // The region cell, like the period's, mostly repeats: trimmed when it changes.
    let regionCell = this.region;
    if (this.schema.columns.region) {
      const raw = cells[F.region];
      if (raw !== this.lastRegionCell || typeof raw !== "string") {
        this.lastRegionCell = raw;
        this.lastRegionText = text(raw).trim();
      }
      regionCell = this.lastRegionText;
    }
    if (regionCell !== this.region) {
      const key = regionCell === "" ? "(no region)" : regionCell.slice(0, 40);
      const s = this.otherRegions.get(key) ?? emptySums();
      s.billedUSD += billed;
      s.effectiveUSD += effective;
      s.rows++;
      if (!this.otherRegions.has(key)) {
        if (this.otherRegions.size >= 200) return; // hostile files: keep the list bounded
        this.otherRegions.set(key, s);
      }
      return;
    }
    this.rowsInRegion++;
    // The cells below are read only by rows that get this far (the CSV reader decodes them on demand).
    this.rowCells = cells;
    const at = late ?? this.fromRowCells;
    const isUsage = cur ? USAGE_LINE_TYPES.has(lineType) : text(at(F.category)) === "Usage";
    let quantity = 0;
    if (isUsage) {
      const q = amount(at(F.quantity));
      const pq = q === null ? amount(at(F.pricingQuantity)) : q;
      if (pq !== null && (Number.isNaN(pq) || !Number.isFinite(pq))) {
        this.skipped(rowNumber, `the usage quantity ${JSON.stringify(text(at(F.quantity)).slice(0, 40))} is not a number`);
        return;
      }
      quantity = pq ?? 0;
    }
    const usageType = text(at(F.usageType));
    const charge = usageType === "" ? null : recognizeCharge(text(at(F.serviceCode)), usageType, text(at(F.operation)));
    if (!charge) {
      const category = cur ? lineType : text(at(F.category));
      let service = category === "Tax" ? "Tax" : text(at(F.serviceName)).trim() || productName(at(F.product)) || text(at(F.serviceCode)).trim() || "(no service)";
      if (FORMULA_START.test(service)) {
        this.formulaLikeCells++;
        service = `'${service}`;
      }
      service = service.slice(0, 100);
      let s = this.notModelled.get(service);
      if (!s) {
        if (this.notModelled.size >= 500) return;
        s = emptySums();
        this.notModelled.set(service, s);
      }
      s.billedUSD += billed;
      s.effectiveUSD += effective;
      s.quantity += quantity;
      s.rows++;
      return;
    }
    this.rowsRecognised++;
    const route = this.routeOf(at(F.tags));
    let g = route.groups.get(charge.id);
    if (!g) {
      if (this.groupCount >= 5000) {
        this.problem(rowNumber, "more than 5000 distinct charge and tag combinations: the rest of the rows were not grouped by tag");
        return;
      }
      this.groupCount++;
      g = { charge: charge.id, serviceTag: route.serviceTag, clusterTag: route.clusterTag, ...emptySums() };
      route.groups.set(charge.id, g);
    }
    g.billedUSD += billed;
    g.effectiveUSD += effective;
    g.quantity += quantity;
    g.rows++;
  }

  /** The service and cluster tag of a tags cell, and the groups of rows that carry them (cached per distinct cell text). */
  private routeOf(raw: unknown): Route {
    const cached = typeof raw === "string" ? this.routesByCell.get(raw) : undefined;
    if (cached) return cached;
    const tag = readTag(raw, this.tagKeys);
    let serviceTag = tag.service;
    let clusterTag = serviceTag === null ? tag.cluster : null;
    if (serviceTag !== null && FORMULA_START.test(serviceTag)) {
      this.formulaLikeCells++;
      serviceTag = `'${serviceTag}`;
    }
    if (clusterTag !== null && FORMULA_START.test(clusterTag)) {
      this.formulaLikeCells++;
      clusterTag = `'${clusterTag}`;
    }
    const key = `${serviceTag === null ? "n" : "s"}\u0000${serviceTag ?? ""}\u0000${clusterTag ?? ""}`;
    let route = this.routesByKey.get(key);
    if (!route) {
      route = { serviceTag, clusterTag, groups: new Map() };
      this.routesByKey.set(key, route);
    }
    if (typeof raw === "string" && this.routesByCell.size < 20_000) this.routesByCell.set(raw, route);
    return route;
  }

  finish(): { ok: true; aggregate: BillAggregate } | { ok: false; error: string } {
    if (this.rowsRead === 0) return { ok: false, error: "the file has a header but no rows" };
    if (this.problemCount === this.rowsRead) {
      const first = this.problems[0];
      return { ok: false, error: `${this.rowsRead === 1 ? "the file's only row could not be read" : `none of the ${this.rowsRead} rows could be read`}${first ? `: row ${first.row}: ${this.firstCause ?? first.message}` : ""}` };
    }
    if (this.periods.size > 1) {
      const months = [...this.periods.keys()].sort();
      return {
        ok: false,
        error: `the file holds ${months.length} billing periods (${months.slice(0, 6).join(", ")}${months.length > 6 ? ", ..." : ""}); export one month (one billing period) and read that`,
      };
    }
    const foreign = [...this.currencies].filter((c) => c !== "USD");
    if (foreign.length > 0) return { ok: false, error: `the bill is in ${foreign.join(", ")}; the estimate is in USD, so the two cannot be compared` };
    const start = this.periods.size === 1 ? `${[...this.periods.keys()][0]}-01` : null;
    const ends = [...this.periodEnds].sort();
    const end = start === null ? null : ends.length === 1 && ends[0]! > start ? ends[0]! : nextMonth(start);
    const notes = [...this.schema.notes];
    if (this.formulaLikeCells > 0) {
      notes.push(`${this.formulaLikeCells} tag or service value(s) start with =, +, - or @ (a spreadsheet formula): they are shown as text with a leading ' and never evaluated`);
    }
    const byCost = <T extends Sums>(a: T, b: T) => Math.abs(b.effectiveUSD) - Math.abs(a.effectiveUSD);
    return {
      ok: true,
      aggregate: {
        format: this.schema.label,
        periodStart: start,
        periodEnd: end,
        region: this.region,
        tagKeys: this.tagKeys,
        rowsRead: this.rowsRead,
        rowsInRegion: this.rowsInRegion,
        rowsRecognised: this.rowsRecognised,
        groups: [...this.routesByKey.values()].flatMap((r) => [...r.groups.values()]).sort(byCost),
        notModelled: [...this.notModelled.entries()].map(([service, s]) => ({ service, ...s })).sort(byCost),
        otherRegions: [...this.otherRegions.entries()].map(([region, s]) => ({ region, ...s })).sort(byCost),
        problemCount: this.problemCount,
        problems: this.problems,
        notes,
        formulaLikeCells: this.formulaLikeCells,
      },
    };
  }
}
