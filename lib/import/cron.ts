/**
 * A CronJob's `schedule` -> how often it runs, as the estimate's scheduled usage (runs per day on the days it
 * runs x days per month). The syntax is the one Kubernetes accepts (the standard 5 fields of robfig/cron's
 * ParseStandard, names such as MON or JAN, the @hourly ... @yearly macros and @every <duration>);
 * docs/kubernetes-import.md#cronjob-schedules.
 *
 * Days per month is an average: the share of days that match, counted over 28 calendar years (2001-2028, one
 * full cycle of weekdays and leap years), times the estimate's 730/24 days per month. A schedule that runs
 * only in some months or on some dates costs more in those months; the notes say so. Pure; never throws.
 */
import { DEFAULT_DAYS_PER_MONTH } from "../units";

export interface CronUsage {
  runsPerDay: number;
  /** Average days per month the schedule runs on (0 to 30.42), rounded to 4 decimals. */
  daysPerMonth: number;
  /** What the schedule means and what the average hides, in words. */
  notes: string[];
}

export type CronOutcome = { ok: true; usage: CronUsage } | { ok: false; message: string };

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;

const FIELDS: readonly FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTH_NAMES },
  { name: "day of week", min: 0, max: 6, names: DAY_NAMES },
];

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** 2001-01-01 was a Monday; 28 years later the weekdays and leap years repeat (until 2100). */
const CYCLE_START_UTC = Date.UTC(2001, 0, 1);
const CYCLE_DAYS = 10_227;
const MS_PER_DAY = 86_400_000;

interface CycleCalendar {
  month: Uint8Array;
  dayOfMonth: Uint8Array;
  dayOfWeek: Uint8Array;
}
let calendarCache: CycleCalendar | null = null;

/** Month (1-12), day of month and day of week (0 = Sunday) of each day of the cycle, computed once. */
function cycleCalendar(): CycleCalendar {
  if (calendarCache) return calendarCache;
  const out: CycleCalendar = { month: new Uint8Array(CYCLE_DAYS), dayOfMonth: new Uint8Array(CYCLE_DAYS), dayOfWeek: new Uint8Array(CYCLE_DAYS) };
  for (let d = 0; d < CYCLE_DAYS; d++) {
    const date = new Date(CYCLE_START_UTC + d * MS_PER_DAY);
    out.month[d] = date.getUTCMonth() + 1;
    out.dayOfMonth[d] = date.getUTCDate();
    out.dayOfWeek[d] = date.getUTCDay();
  }
  calendarCache = out;
  return out;
}

interface ParsedField {
  values: Set<number>;
  /** "*" or "?" (and "*\/1"): the field does not restrict; decides how day of month and day of week combine. */
  star: boolean;
}

type FieldOutcome = { ok: true; field: ParsedField } | { ok: false; message: string };

function parseNumber(text: string, spec: FieldSpec): number | null {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  if (spec.names) {
    const i = spec.names.indexOf(text.toUpperCase());
    if (i >= 0) return i + (spec.min === 1 ? 1 : 0);
  }
  return null;
}

function parseField(text: string, spec: FieldSpec): FieldOutcome {
  const values = new Set<number>();
  let star = false;
  const bad = (why: string): FieldOutcome => ({ ok: false, message: `${spec.name} field "${text}": ${why}` });
  for (const item of text.split(",")) {
    if (item === "") return bad("has an empty list item");
    const [rangePart, stepPart, extra] = item.split("/");
    if (extra !== undefined || rangePart === undefined) return bad(`"${item}" has more than one "/"`);
    let step = 1;
    if (stepPart !== undefined) {
      if (!/^\d{1,4}$/.test(stepPart) || Number(stepPart) === 0) return bad(`the step in "${item}" must be a whole number >= 1`);
      step = Number(stepPart);
    }
    let start: number;
    let end: number;
    let itemStar = false;
    if (rangePart === "*" || rangePart === "?") {
      start = spec.min;
      end = spec.max;
      itemStar = step === 1;
    } else {
      const bounds = rangePart.split("-");
      if (bounds.length > 2) return bad(`"${item}" is not a value, a range a-b, * or a step such as */5`);
      const a = parseNumber(bounds[0] ?? "", spec);
      const b = bounds.length === 2 ? parseNumber(bounds[1] ?? "", spec) : null;
      if (a === null || (bounds.length === 2 && b === null)) {
        const allowed = spec.names ? ` or a name (${spec.names[0]}-${spec.names[spec.names.length - 1]})` : "";
        return bad(`"${item}" must be a number ${spec.min}-${spec.max}${allowed}, a range a-b, * or a step such as */5 (L, W and # are not supported by Kubernetes)`);
      }
      start = a;
      // "N/step" means N to the end of the range (robfig/cron, which Kubernetes uses).
      end = b ?? (stepPart !== undefined ? spec.max : a);
    }
    if (start < spec.min || end > spec.max) return bad(`values must be ${spec.min}-${spec.max}${spec.name === "day of week" ? " (0 = Sunday; Kubernetes does not accept 7)" : ""}`);
    if (start > end) return bad(`the range "${rangePart}" ends before it starts`);
    for (let v = start; v <= end; v += step) values.add(v);
    star ||= itemStar;
  }
  return { ok: true, field: { values, star } };
}

const GO_DURATION = /^(?:(\d+(?:\.\d+)?)(h|m|s|ms|us|µs|ns))+$/;
const GO_UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, "µs": 1e-6, ns: 1e-9 };

function everyUsage(durationText: string): CronOutcome {
  if (!GO_DURATION.test(durationText)) return { ok: false, message: `@every needs a duration such as 90m, 1h30m or 45s, got "${durationText}"` };
  let seconds = 0;
  for (const m of durationText.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) seconds += Number(m[1]) * (GO_UNIT_SECONDS[m[2] as string] as number);
  // robfig/cron rounds @every below one second up to one second.
  seconds = Math.max(1, Math.floor(seconds));
  const runsPerDay = Math.round((86_400 / seconds) * 1e4) / 1e4;
  return {
    ok: true,
    usage: {
      runsPerDay,
      daysPerMonth: round4(DEFAULT_DAYS_PER_MONTH),
      notes: [`"@every ${durationText}" runs every ${seconds} s from when the controller starts: ${runsPerDay} runs a day, every day`],
    },
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The schedule text -> runs per day and average days per month, or why it cannot be read. */
export function cronUsage(raw: unknown): CronOutcome {
  if (raw === undefined || raw === null) return { ok: false, message: 'must be set: a cron schedule such as "0 * * * *" or "@daily"' };
  if (typeof raw !== "string") return { ok: false, message: `must be a cron schedule such as "0 * * * *" or "@daily", got ${raw === null ? "null" : typeof raw === "object" ? "a collection" : String(raw)}` };
  const schedule = raw.trim();
  if (schedule === "") return { ok: false, message: `must be a cron schedule such as "0 * * * *" or "@daily", got an empty string` };
  if (schedule.length > 200) return { ok: false, message: "is longer than 200 characters: not a cron schedule" };
  if (/^(CRON_)?TZ=/.test(schedule)) return { ok: false, message: "must not set a time zone with TZ= or CRON_TZ= (Kubernetes refuses it since 1.27): use spec.timeZone" };
  if (schedule.startsWith("@every ")) return everyUsage(schedule.slice("@every ".length).trim());
  let expression = schedule;
  if (schedule.startsWith("@")) {
    const macro = MACROS[schedule.toLowerCase()];
    if (!macro) return { ok: false, message: `"${schedule}" is not a schedule Kubernetes knows (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every <duration>)` };
    expression = macro;
  }
  const parts = expression.split(/\s+/);
  if (parts.length !== 5) {
    return { ok: false, message: `must have 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}${parts.length === 6 ? " (a seconds field is not supported by Kubernetes)" : ""}: "${schedule}"` };
  }
  const fields: ParsedField[] = [];
  for (let i = 0; i < 5; i++) {
    const out = parseField(parts[i] as string, FIELDS[i] as FieldSpec);
    if (!out.ok) return out;
    fields.push(out.field);
  }
  const [minute, hour, dom, month, dow] = fields as [ParsedField, ParsedField, ParsedField, ParsedField, ParsedField];

  // Vixie/robfig rule: when both day fields restrict, a day matches if either does; otherwise both must.
  const either = !dom.star && !dow.star;
  const calendar = cycleCalendar();
  let matchingDays = 0;
  const monthsSeen = new Set<number>();
  for (let d = 0; d < CYCLE_DAYS; d++) {
    const m = calendar.month[d] as number;
    if (!month.values.has(m)) continue;
    const domMatch = dom.values.has(calendar.dayOfMonth[d] as number);
    const dowMatch = dow.values.has(calendar.dayOfWeek[d] as number);
    if (either ? domMatch || dowMatch : domMatch && dowMatch) {
      matchingDays++;
      monthsSeen.add(m);
    }
  }
  const runsPerDay = minute.values.size * hour.values.size;
  const daysPerMonth = round4((matchingDays / CYCLE_DAYS) * DEFAULT_DAYS_PER_MONTH);
  const described = schedule === expression ? `"${schedule}"` : `"${schedule}" (${expression})`;
  const notes = [`${described}: ${runsPerDay} run${runsPerDay === 1 ? "" : "s"} a day on the days it runs, on average ${daysPerMonth} days a month`];
  if (matchingDays === 0) notes.push(`${described} matches no date (for example the 30th of February), so it never runs: priced at 0`);
  else if (!dom.star || !month.star) {
    notes.push(
      `${described} runs on certain dates${monthsSeen.size < 12 ? ` in ${monthsSeen.size} of 12 months` : ""}: the estimate prices the monthly average; a month it runs in more often costs more`,
    );
  }
  return { ok: true, usage: { runsPerDay, daysPerMonth, notes } };
}
