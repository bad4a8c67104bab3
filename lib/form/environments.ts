/**
 * The "Environments" part of the estimator form (docs/billing-rules.md#weekly-schedules): drafts kept as typed
 * text, their conversion to the contract's `environments`, and back. Off (no environments in the draft) = the input
 * has no `environments`, so existing share links stay byte-identical. Zod-free: part of the page's first-load JS.
 */
import type { FieldError } from "../field-errors";
import type { EstimateInput } from "../schemas/estimate";
import { hourText, WEEKDAYS, type Weekday } from "../schemas/weekdays";

export type ScheduleKindDraft = "always" | "business-hours" | "weekly";
/** The environment's Spot tolerance: "inherit" leaves `interruptible` out (each service's own flag decides). */
export type InterruptibleDraft = "inherit" | "yes" | "no";

export interface TaskProfileDraft {
  key: string;
  days: Weekday[];
  fromHour: string;
  toHour: string;
  tasksFactor: string;
}

export interface EnvironmentDraft {
  /** Stable React key; not part of the estimate. */
  key: string;
  name: string;
  multiplier: string;
  scheduleKind: ScheduleKindDraft;
  timeZone: string;
  /** business-hours */
  days: Weekday[];
  startHour: string;
  endHour: string;
  /** weekly: per day "08:00-12:00, 13:00-18:00"; empty = off that day. */
  weeklyHours: Record<Weekday, string>;
  profile: TaskProfileDraft[];
  interruptible: InterruptibleDraft;
}

let counter = 0;
export function newEnvironmentKey(prefix = "env"): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

const emptyWeek = (): Record<Weekday, string> => ({ mon: "", tue: "", wed: "", thu: "", fri: "", sat: "", sun: "" });

/** The first environment: prod, always on, the services as they are. */
export function prodEnvironmentDraft(key: string = newEnvironmentKey()): EnvironmentDraft {
  return {
    key,
    name: "prod",
    multiplier: "1",
    scheduleKind: "always",
    timeZone: "UTC",
    days: ["mon", "tue", "wed", "thu", "fri"],
    startHour: "08:00",
    endHour: "20:00",
    weeklyHours: emptyWeek(),
    profile: [],
    interruptible: "inherit",
  };
}

/** "+ Add environment": a dev copy at half the tasks in business hours, allowed on Spot. */
export function blankEnvironmentDraft(n: number, timeZone = "UTC", key: string = newEnvironmentKey()): EnvironmentDraft {
  return {
    ...prodEnvironmentDraft(key),
    name: n === 2 ? "dev" : `env-${n}`,
    multiplier: "0.5",
    scheduleKind: "business-hours",
    timeZone,
    interruptible: "yes",
  };
}

export function blankProfileDraft(key: string = newEnvironmentKey("profile")): TaskProfileDraft {
  return { key, days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], fromHour: "00:00", toHour: "08:00", tasksFactor: "0.5" };
}

const HOUR_TEXT = /^(\d{1,2})(?::([0-5]\d))?$|^(\d{1,2}(?:\.\d+)?)$/;

/** "08:30", "8:30", "8.5" or "8" -> 8.5; anything else -> an error (the schema then checks 0-24 and quarter hours). */
export function parseHourText(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: false, message: "is required" };
  const m = HOUR_TEXT.exec(t);
  if (!m) return { ok: false, message: `must be an hour such as 08:00 or 8.5 (got "${t.length > 12 ? t.slice(0, 12) + "…" : t}")` };
  const value = m[3] !== undefined ? Number(m[3]) : Number(m[1]) + Number(m[2] ?? 0) / 60;
  return { ok: true, value };
}

/**
 * The environments of a draft as the contract's raw `environments` (only when the draft has any). `num` reads a
 * number field and records its error under `path` (draftToRaw's reader).
 */
export function environmentsToRaw(environments: EnvironmentDraft[] | undefined, num: (text: string, path: string) => number, errors: FieldError[]): { environments?: unknown[] } {
  if (!environments || environments.length === 0) return {};
  const hour = (text: string, path: string) => {
    const parsed = parseHourText(text);
    if (parsed.ok) return parsed.value;
    errors.push({ path, message: parsed.message });
    return Number.NaN;
  };
  return {
    environments: environments.map((e, i) => {
      const p = `environments[${i}]`;
      let schedule: Record<string, unknown>;
      if (e.scheduleKind === "always") schedule = { kind: "always" };
      else if (e.scheduleKind === "business-hours") {
        schedule = {
          kind: "business-hours",
          timeZone: e.timeZone.trim(),
          days: e.days,
          startHour: hour(e.startHour, `${p}.schedule.startHour`),
          endHour: hour(e.endHour, `${p}.schedule.endHour`),
        };
      } else {
        const hours: Record<string, unknown> = {};
        for (const day of WEEKDAYS) {
          const text = e.weeklyHours[day].trim();
          if (text === "") continue;
          hours[day] = text.split(/\s*,\s*/).map((range, r) => {
            const [from = "", to = "", ...rest] = range.split(/\s*-\s*/);
            const at = `${p}.schedule.hours.${day}[${r}]`;
            if (rest.length > 0 || to === "") {
              errors.push({ path: at, message: `must be a range such as 08:00-12:00 (got "${range.slice(0, 20)}")` });
              return [Number.NaN, Number.NaN];
            }
            return [hour(from, `${at}[0]`), hour(to, `${at}[1]`)];
          });
        }
        schedule = { kind: "weekly", timeZone: e.timeZone.trim(), hours };
      }
      const env: Record<string, unknown> = { name: e.name, multiplier: num(e.multiplier, `${p}.multiplier`), schedule };
      if (e.profile.length > 0) {
        env.taskProfile = e.profile.map((row, r) => ({
          days: row.days,
          fromHour: hour(row.fromHour, `${p}.taskProfile[${r}].fromHour`),
          toHour: hour(row.toHour, `${p}.taskProfile[${r}].toHour`),
          tasksFactor: num(row.tasksFactor, `${p}.taskProfile[${r}].tasksFactor`),
        }));
      }
      if (e.interruptible !== "inherit") env.interruptible = e.interruptible === "yes";
      return env;
    }),
  };
}

/** The input's environments as drafts (share links, imports); undefined when the input has none. */
export function environmentsToDraft(environments: EstimateInput["environments"], makeKey: (index: number) => string = (i) => `env-init-${i}`): EnvironmentDraft[] | undefined {
  if (!environments || environments.length === 0) return undefined;
  return environments.map((e, i) => {
    const base = prodEnvironmentDraft(makeKey(i));
    const s = e.schedule;
    const weeklyHours = emptyWeek();
    if (s.kind === "weekly") {
      for (const day of WEEKDAYS) {
        const list = s.hours[day];
        if (list && list.length > 0) weeklyHours[day] = list.map(([a, b]) => `${hourText(a)}-${hourText(b)}`).join(", ");
      }
    }
    return {
      ...base,
      name: e.name,
      multiplier: String(e.multiplier),
      scheduleKind: s.kind,
      timeZone: s.kind === "always" ? base.timeZone : s.timeZone,
      days: s.kind === "business-hours" ? [...s.days] : base.days,
      startHour: s.kind === "business-hours" ? hourText(s.startHour) : base.startHour,
      endHour: s.kind === "business-hours" ? hourText(s.endHour) : base.endHour,
      weeklyHours,
      profile: (e.taskProfile ?? []).map((row, r) => ({
        key: `${makeKey(i)}-profile-${r}`,
        days: [...row.days],
        fromHour: hourText(row.fromHour),
        toHour: hourText(row.toHour),
        tasksFactor: String(row.tasksFactor),
      })),
      interruptible: e.interruptible === undefined ? "inherit" : e.interruptible ? "yes" : "no",
    };
  });
}
