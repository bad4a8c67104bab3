/**
 * Weekly schedules as a grid of quarter-hours (docs/billing-rules.md#weekly-schedules). Pure: the time-zone
 * offset is read for a reference instant the caller passes (the estimate uses its catalog date), so the same
 * input always gives the same grid.
 */
import { WEEKDAYS, type Environment, type Schedule, type Weekday } from "../schemas/estimate";

export const SLOTS_PER_HOUR = 4;
export const HOURS_PER_WEEK = 168;
export const SLOTS_PER_WEEK = HOURS_PER_WEEK * SLOTS_PER_HOUR;
/** Weeks in the 730-hour month the estimate prices (730 / 168). */
export const WEEKS_PER_MONTH = 730 / HOURS_PER_WEEK;

const dayIndex = (day: Weekday) => WEEKDAYS.indexOf(day);

/**
 * Minutes the zone is ahead of UTC at the given instant (Europe/Berlin in winter: 60). Whole quarter hours
 * for every zone in use today (Nepal +5:45, Chatham +12:45).
 */
export function utcOffsetMinutes(timeZone: string, atEpochMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(atEpochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  const utc = Math.floor(atEpochMs / 60_000) * 60_000;
  return Math.round((local - utc) / 60_000);
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
