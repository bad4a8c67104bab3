/**
 * The form draft (./draft.ts) to a raw EstimateInput that the zod schema then validates, driven by the field table
 * (./fields.ts): each row's text read by its codec and put at its path, with every problem recorded under the path
 * zod uses. Its own module: only the lazily loaded kit (lib/pipeline/estimate.ts) and the price-book panel run it,
 * so it and the text readers stay out of the page's first-load JavaScript.
 */
import type { FieldError } from "../field-errors";
import { parseNumberText } from "../number-text";
import { WEEKDAYS, type Weekday } from "../schemas/weekdays";
import type { EstimateDraft } from "./draft";
import { parseHourText } from "./environments";
import { ESTIMATE_FIELDS, type DiscountOverrideDraft } from "./fields";
import type { FieldRow, FieldTable, Write } from "./table";

export function splitInstanceTypes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface DraftConversion {
  /** The raw input to validate with EstimateInputSchema (number fields that failed to parse are NaN). */
  raw: Record<string, unknown>;
  /** Problems found while reading the text fields, with the same paths zod uses. */
  errors: FieldError[];
}

/** Reads a number field's text; a problem is recorded under `path` and the value is NaN. */
export type NumberReader = (text: string, path: string) => number;

/** The readers of one conversion and the problems they found. */
export interface TextReaders {
  num: NumberReader;
  errors: FieldError[];
}

/** The form's number reader (lib/number-text.ts), recording its problems in `errors`. */
export function numberReader(errors: FieldError[]): NumberReader {
  return (text, path) => {
    const parsed = parseNumberText(text);
    if (parsed.ok) return parsed.value;
    errors.push({ path, message: parsed.message });
    return Number.NaN;
  };
}

export function draftToRaw(draft: EstimateDraft): DraftConversion {
  const errors: FieldError[] = [];
  const raw: Record<string, unknown> = { version: 1 };
  writeTable(ESTIMATE_FIELDS, draft, raw, "", "", { num: numberReader(errors), errors });
  return { raw, errors };
}

type Obj = Record<string, unknown>;
const join = (a: string, b: string) => (a && b ? `${a}.${b}` : a || b);

/**
 * Writes the rows of `rows` for the draft object `draft` into `target`, at `base` (a dotted path inside `target`);
 * `at` is the same place as zod names it from the top of the input (with list indices), for the problems.
 */
export function writeTable(rows: FieldTable, draft: object, target: Obj, base: string, at: string, r: TextReaders): void {
  const d = draft as Obj;
  for (const [name, row] of Object.entries(rows)) {
    const [whenKey, ...values] = row.when ?? [];
    if (whenKey !== undefined && (values.length > 0 ? !values.includes(d[whenKey] as string) : !d[whenKey])) continue;
    const value = d[name];
    const to = join(base, row.path);
    const path = join(at, row.path);
    if (row.codec === "present" || row.codec === "network" || !written(row.write, value)) continue;
    if (row.codec === "group") {
      if (value !== undefined) writeTable(row.rows!, value as Obj, target, to, path, r);
    } else if (row.codec === "overrides") {
      writeOverrides(value as DiscountOverrideDraft[], target, to, path, r);
    } else if (row.codec === "spot") {
      if (value !== "inherit") set(target, to, value === "yes");
    } else if (row.codec === "list") {
      set(
        target,
        to,
        ((value ?? []) as Obj[]).map((item, i) => {
          const element: Obj = {};
          writeTable(row.rows!, item, element, "", `${path}[${i}]`, r);
          return element;
        }),
      );
    } else {
      set(target, to, readLeaf(row, value, path, r));
    }
  }
}

function written(write: Write, value: unknown): boolean {
  switch (write) {
    case "always":
      return true;
    case "filled":
      return typeof value === "string" && value.trim() !== "";
    case "true":
      return value === true;
    case "false":
      return value === false;
    case "defined":
      return value !== undefined;
    case "nonempty":
      return Array.isArray(value) && value.length > 0;
  }
}

/** A leaf field's input value from its draft value (number, text, trim, flag, types, hour, carry, weekly). */
function readLeaf(row: FieldRow<unknown>, value: unknown, path: string, r: TextReaders): unknown {
  switch (row.codec) {
    case "number":
      return r.num(value as string, path);
    case "trim":
      return (value as string).trim();
    case "types":
      return splitInstanceTypes(value as string);
    case "hour":
      return readHour(value as string, path, r);
    case "weekly":
      return readWeeklyHours(value as Record<Weekday, string>, path, r);
    default:
      return value;
  }
}

function readHour(text: string, path: string, r: TextReaders): number {
  const parsed = parseHourText(text);
  if (parsed.ok) return parsed.value;
  r.errors.push({ path, message: parsed.message });
  return Number.NaN;
}

/** Per day "08:00-12:00, 13:00-18:00" -> { mon: [[8, 12], [13, 18]] }; a blank day is off. */
function readWeeklyHours(week: Record<Weekday, string>, path: string, r: TextReaders): Obj {
  const hours: Obj = {};
  for (const day of WEEKDAYS) {
    const text = week[day].trim();
    if (text === "") continue;
    hours[day] = text.split(/\s*,\s*/).map((range, i) => {
      const [from = "", to = "", ...rest] = range.split(/\s*-\s*/);
      const at = `${path}.${day}[${i}]`;
      if (rest.length > 0 || to === "") {
        r.errors.push({ path: at, message: `must be a range such as 08:00-12:00 (got "${range.slice(0, 20)}")` });
        return [Number.NaN, Number.NaN];
      }
      return [readHour(from, `${at}[0]`, r), readHour(to, `${at}[1]`, r)];
    });
  }
  return hours;
}

/** The price book's override rows -> byService and byCategory (each written only when it has a percentage). */
function writeOverrides(overrides: DiscountOverrideDraft[], target: Obj, to: string, path: string, r: TextReaders): void {
  const byService: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  for (const o of overrides) {
    const scope = o.scope === "service" ? "byService" : "byCategory";
    (o.scope === "service" ? byService : byCategory)[o.id] = r.num(o.percent, `${join(path, scope)}.${o.id}`);
  }
  if (Object.keys(byService).length > 0) set(target, join(to, "byService"), byService);
  if (Object.keys(byCategory).length > 0) set(target, join(to, "byCategory"), byCategory);
}

/** target[a][b][c] = value for the path "a.b.c", making the objects on the way. */
function set(target: Obj, path: string, value: unknown): void {
  const keys = path.split(".");
  const last = keys.pop()!;
  let o = target;
  for (const k of keys) o = (o[k] ??= {}) as Obj;
  o[last] = value;
}
