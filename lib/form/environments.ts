/**
 * The "Environments" part of the estimator form (docs/billing-rules.md#weekly-schedules): the drafts of the field
 * table's ENVIRONMENT_FIELDS and TASK_PROFILE_FIELDS (./fields.ts), their blank rows, and the hour reader their
 * `hour` fields use. Off (no environments in the draft) = the input has no `environments`, so existing share links
 * stay byte-identical. Zod-free.
 */
import { ENVIRONMENT_FIELDS, TASK_PROFILE_FIELDS } from "./fields";
import { defaultsOf, type DraftOf, type Keyed } from "./table";

export type EnvironmentDraft = Keyed<DraftOf<typeof ENVIRONMENT_FIELDS>>;
export type TaskProfileDraft = Keyed<DraftOf<typeof TASK_PROFILE_FIELDS>>;
export type ScheduleKindDraft = EnvironmentDraft["scheduleKind"];
/** The environment's Spot tolerance: "inherit" leaves `interruptible` out (each service's own flag decides). */
export type InterruptibleDraft = EnvironmentDraft["interruptible"];

let counter = 0;
export function newEnvironmentKey(prefix = "env"): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The first environment: prod, always on, the services as they are. */
export function prodEnvironmentDraft(key: string = newEnvironmentKey()): EnvironmentDraft {
  return { key, ...defaultsOf(ENVIRONMENT_FIELDS), name: "prod" };
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
  return { key, ...defaultsOf(TASK_PROFILE_FIELDS) };
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
