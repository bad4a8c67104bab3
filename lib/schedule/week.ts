/**
 * Weekly schedules as a grid of quarter-hours (docs/billing-rules.md#weekly-schedules). Pure: the time-zone
 * offset is read for a reference instant the caller passes (the estimate uses its catalog date), so the same
 * input always gives the same grid.
 */
import type { Environment, Schedule } from "../schemas/estimate";
import { daysText, hourText, WEEKDAYS, type Weekday } from "../schemas/weekdays";

export { WEEKDAYS, type Weekday };

export const SLOTS_PER_HOUR = 4;
export const HOURS_PER_WEEK = 168;
export const SLOTS_PER_WEEK = HOURS_PER_WEEK * SLOTS_PER_HOUR;
/** Weeks in the 730-hour month the estimate prices (730 / 168). */
export const WEEKS_PER_MONTH = 730 / HOURS_PER_WEEK;

const dayIndex = (day: Weekday) => WEEKDAYS.indexOf(day);

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/**
 * Minutes the zone is ahead of UTC at the given instant (Europe/Berlin in winter: 60). Whole quarter hours
 * for every zone in use today (Nepal +5:45, Chatham +12:45).
 */

export function utcOffsetMinutes(timeZone: string, atEpochMs: number): number {
  // Building an Intl.DateTimeFormat costs milliseconds; an estimate asks for the same few zones again and again.
  const cacheKey = `${timeZone}@${atEpochMs}`;
  const cached = offsets.get(cacheKey);
  if (cached !== undefined) return cached;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    if (formatters.size < 500) formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(atEpochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  const utc = Math.floor(atEpochMs / 60_000) * 60_000;
  const minutes = Math.round((local - utc) / 60_000);
  if (offsets.size < 5000) offsets.set(cacheKey, minutes);
  return minutes;
}

/** The local on-ranges of a schedule, per weekday, as [fromHour, toHour) pairs. */
export function localRanges(schedule: Schedule): Map<Weekday, Array<[number, number]>> {
  const ranges = new Map<Weekday, Array<[number, number]>>();
  if (schedule.kind === "always") {
    for (const d of WEEKDAYS) ranges.set(d, [[0, 24]]);
  } else if (schedule.kind === "business-hours") {
    for (const d of schedule.days) ranges.set(d, [[schedule.startHour, schedule.endHour]]);
  } else {
    for (const d of WEEKDAYS) {
      const list = schedule.hours[d];
      if (list && list.length > 0) ranges.set(d, list.map(([a, b]) => [a, b] as [number, number]));
    }
  }
  return ranges;
}

const timeZoneOf = (schedule: Schedule) => (schedule.kind === "always" ? "UTC" : schedule.timeZone);

/**
 * Task-count factor of each quarter-hour of the week in UTC (index 0 = Monday 00:00-00:15 UTC): 0 where the
 * schedule is off, else the task profile's factor for that local time (1 where no profile entry applies; a later
 * entry overrides an earlier one where they overlap).
 */
export function weeklyFactors(environment: Pick<Environment, "schedule" | "taskProfile">, atEpochMs: number): Float64Array {
  const local = new Float64Array(SLOTS_PER_WEEK);
  for (const [day, list] of localRanges(environment.schedule)) {
    const base = dayIndex(day) * 24 * SLOTS_PER_HOUR;
    for (const [from, to] of list) for (let s = from * SLOTS_PER_HOUR; s < to * SLOTS_PER_HOUR; s++) local[base + s] = 1;
  }
  for (const entry of environment.taskProfile ?? []) {
    for (const day of entry.days) {
      const base = dayIndex(day) * 24 * SLOTS_PER_HOUR;
      for (let s = entry.fromHour * SLOTS_PER_HOUR; s < entry.toHour * SLOTS_PER_HOUR; s++) {
        if (local[base + s]! > 0) local[base + s] = entry.tasksFactor;
      }
    }
  }
  const shift = Math.round(utcOffsetMinutes(timeZoneOf(environment.schedule), atEpochMs) / (60 / SLOTS_PER_HOUR));
  if (shift === 0) return local;
  // local slot i is UTC slot i - shift (a zone ahead of UTC reaches 08:00 local before 08:00 UTC).
  const utc = new Float64Array(SLOTS_PER_WEEK);
  for (let i = 0; i < SLOTS_PER_WEEK; i++) utc[(((i - shift) % SLOTS_PER_WEEK) + SLOTS_PER_WEEK) % SLOTS_PER_WEEK] = local[i]!;
  return utc;
}

/** Hours per week the factors add up to (a factor of 0.5 for one hour counts half an hour). */
export function weeklyFactorHours(factors: Float64Array): number {
  let sum = 0;
  for (const f of factors) sum += f;
  return sum / SLOTS_PER_HOUR;
}

/**
 * The instant whose time-zone offsets the estimate uses: the catalog date (YYYY-MM-DD, 00:00 UTC), so an
 * estimate never reads the clock and the same input and catalog always give the same week. A zone's daylight
 * saving change inside the month is not modelled: the offset at that date holds all month.
 */
export function referenceEpochMs(catalogId: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(catalogId);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : 0;
}

/** Local weekdays on which the schedule has any on-time (scheduled jobs run on these days only). */
export function onDays(schedule: Schedule): number {
  let days = 0;
  for (const list of localRanges(schedule).values()) if (list.some(([a, b]) => b > a)) days++;
  return days;
}

/** Sum of each hour's four quarter-hours: 168 values from a 672-slot grid (or the grid's average with `mean`). */
export function slotsToHours(slots: ArrayLike<number>, mean = false): number[] {
  const hours = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (let i = 0; i < SLOTS_PER_WEEK; i++) hours[Math.floor(i / SLOTS_PER_HOUR)]! += slots[i] ?? 0;
  if (mean) for (let h = 0; h < HOURS_PER_WEEK; h++) hours[h]! /= SLOTS_PER_HOUR;
  return hours;
}

/** A schedule in words: "08:00-20:00 Mon-Fri, Europe/Berlin", "always on", "custom hours (UTC): Mon 08:00-12:00, ...". */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.kind === "always") return "always on";
  if (schedule.kind === "business-hours") return `${hourText(schedule.startHour)}-${hourText(schedule.endHour)} ${daysText(schedule.days)}, ${schedule.timeZone}`;
  const parts: string[] = [];
  for (const [day, list] of localRanges(schedule)) parts.push(`${daysText([day])} ${list.map(([a, b]) => `${hourText(a)}-${hourText(b)}`).join(" + ")}`);
  return parts.length > 0 ? `${parts.join(", ")}, ${schedule.timeZone}` : `never on (${schedule.timeZone})`;
}
