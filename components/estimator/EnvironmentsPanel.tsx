"use client";
/**
 * "Environments": prod, staging and dev copies of the services, each with a task multiplier, a weekly schedule
 * (always, business hours in a time zone, or custom hours per weekday), an optional task profile and its own Spot
 * tolerance. Off by default, so a new estimate is exactly as before. The billing rules live in
 * lib/engine/environments.ts (docs/billing-rules.md#weekly-schedules); this panel only edits the draft.
 */
import { memo } from "react";
import { Checkbox, FieldErrorList, SelectField, TextField } from "@/components/ui/fields";
import {
  blankEnvironmentDraft,
  blankProfileDraft,
  prodEnvironmentDraft,
  type EnvironmentDraft,
  type InterruptibleDraft,
  type ScheduleKindDraft,
  type TaskProfileDraft,
} from "@/lib/form/environments";
import { WEEKDAY_LABELS, WEEKDAYS, type Weekday } from "@/lib/schemas/weekdays";

interface Props {
  environments: EnvironmentDraft[] | undefined;
  errors: Map<string, string>;
  onChange: (next: EnvironmentDraft[] | undefined) => void;
}

const MAX_ENVIRONMENTS = 20;
const MAX_PROFILE_ROWS = 50;

/** Suggestions only: any IANA zone the browser knows is accepted (the schema checks it). */
const COMMON_TIME_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];

const SCHEDULE_KINDS: ReadonlyArray<{ value: ScheduleKindDraft; label: string }> = [
  { value: "always", label: "Always on" },
  { value: "business-hours", label: "Business hours" },
  { value: "weekly", label: "Custom hours per weekday" },
];

const SPOT: ReadonlyArray<{ value: InterruptibleDraft; label: string }> = [
  { value: "inherit", label: "As each service says" },
  { value: "yes", label: "Yes: every service may run on Spot" },
  { value: "no", label: "No: never on Spot" },
];

/** Seven day checkboxes in a row, as one labelled group. */
function DayPicker({ id, legend, days, onChange, error }: { id: string; legend: string; days: Weekday[]; onChange: (days: Weekday[]) => void; error?: string | undefined }) {
  return (
    <fieldset className="day-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="day-row">
        {WEEKDAYS.map((day) => (
          <span className="day" key={day}>
            <input
              id={`${id}-${day}`}
              type="checkbox"
              checked={days.includes(day)}
              onChange={(e) => onChange(e.target.checked ? WEEKDAYS.filter((d) => d === day || days.includes(d)) : days.filter((d) => d !== day))}
            />
            <label htmlFor={`${id}-${day}`}>{WEEKDAY_LABELS[day]}</label>
          </span>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export const EnvironmentsPanel = memo(function EnvironmentsPanel({ environments, errors, onChange }: Props) {
  const list = environments ?? [];
  const enabled = list.length > 0;
  const setEnv = (key: string, patch: Partial<EnvironmentDraft>) => onChange(list.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  const setRow = (env: EnvironmentDraft, key: string, patch: Partial<TaskProfileDraft>) => setEnv(env.key, { profile: env.profile.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const shown = new Set<string>();
  const errAt = (path: string) => {
    shown.add(path);
    return errors.get(path);
  };
  /** The first error at or under a path (a weekly day's ranges have several). */
  const errUnder = (path: string) => {
    for (const [p, m] of errors) {
      if (p === path || p.startsWith(`${path}[`) || p.startsWith(`${path}.`)) {
        shown.add(p);
        return m;
      }
    }
    return undefined;
  };
  const other = [...errors.entries()].filter(([path]) => (path === "environments" || path.startsWith("environments[")) && !shown.has(path));

  return (
    <section className="panel" aria-labelledby="environments-heading" data-testid="environments-panel">
      <div className="panel-head">
        <h2 id="environments-heading">Environments</h2>
      </div>
      <Checkbox
        id="environments-enabled"
        className="network-toggle"
        label="Price environments (prod, staging, dev) with weekly schedules"
        checked={enabled}
        onChange={(on) => onChange(on ? [prodEnvironmentDraft()] : undefined)}
      />
      {!enabled ? (
        <p className="muted small" data-testid="environments-off">
          Off: the services run as entered, all month. Turn on to price copies of them per environment, for example dev on weekdays only.
        </p>
      ) : (
        <>
          {list.map((env, i) => {
            const p = `environments[${i}]`;
            const id = (f: string) => `${env.key}-${f}`;
            const label = env.name.trim() || `environment ${i + 1}`;
            return (
              <div className="lb-group" key={env.key} data-testid={`env-${i}`}>
                <div className="fields">
                  <TextField id={id("name")} label="Name" value={env.name} maxLength={100} onChange={(v) => setEnv(env.key, { name: v })} error={errAt(`${p}.name`)} testId={`env-${i}-name`} />
                  <TextField
                    id={id("multiplier")}
                    label="Tasks × multiplier"
                    value={env.multiplier}
                    inputMode="decimal"
                    onChange={(v) => setEnv(env.key, { multiplier: v })}
                    error={errAt(`${p}.multiplier`)}
                    hint="1 = the services' task counts; 0.5 = half"
                    testId={`env-${i}-multiplier`}
                  />
                  <SelectField<ScheduleKindDraft>
                    id={id("kind")}
                    label="Runs"
                    value={env.scheduleKind}
                    options={SCHEDULE_KINDS}
                    onChange={(v) => setEnv(env.key, { scheduleKind: v })}
                    error={errAt(`${p}.schedule.kind`)}
                    testId={`env-${i}-kind`}
                  />
                  {env.scheduleKind !== "always" ? (
                    <TextField
                      id={id("tz")}
                      label="Time zone"
                      value={env.timeZone}
                      list="time-zones"
                      onChange={(v) => setEnv(env.key, { timeZone: v })}
                      error={errAt(`${p}.schedule.timeZone`)}
                      hint="IANA name, e.g. Europe/Berlin"
                      testId={`env-${i}-tz`}
                    />
                  ) : (
                    <p className="muted small">All 168 hours of the week.</p>
                  )}
                  {env.scheduleKind === "business-hours" ? (
                    <>
                      <TextField id={id("start")} label="From" value={env.startHour} onChange={(v) => setEnv(env.key, { startHour: v })} error={errAt(`${p}.schedule.startHour`)} hint="Local time, e.g. 08:00" testId={`env-${i}-start`} />
                      <TextField id={id("end")} label="To" value={env.endHour} onChange={(v) => setEnv(env.key, { endHour: v })} error={errAt(`${p}.schedule.endHour`)} hint="e.g. 20:00 (24:00 = midnight)" testId={`env-${i}-end`} />
                      <div className="wide">
                        <DayPicker id={id("days")} legend="On these days" days={env.days} onChange={(days) => setEnv(env.key, { days })} error={errUnder(`${p}.schedule.days`)} />
                      </div>
                    </>
                  ) : null}
                  {env.scheduleKind === "weekly" ? (
                    <fieldset className="wide weekly-hours">
                      <legend>Hours per weekday (local time; empty = off; several ranges with commas)</legend>
                      <div className="fields">
                        {WEEKDAYS.map((day) => (
                          <TextField
                            key={day}
                            id={id(`hours-${day}`)}
                            label={WEEKDAY_LABELS[day]}
                            value={env.weeklyHours[day]}
                            placeholder="08:00-12:00, 13:00-18:00"
                            onChange={(v) => setEnv(env.key, { weeklyHours: { ...env.weeklyHours, [day]: v } })}
                            error={errUnder(`${p}.schedule.hours.${day}`)}
                            testId={`env-${i}-hours-${day}`}
                          />
                        ))}
                      </div>
                    </fieldset>
                  ) : null}
                  <SelectField<InterruptibleDraft>
                    id={id("spot")}
                    label="May run on Spot"
                    value={env.interruptible}
                    options={SPOT}
                    onChange={(v) => setEnv(env.key, { interruptible: v })}
                    error={errAt(`${p}.interruptible`)}
                    className="wide"
                  />
                </div>
                <fieldset className="subgroup">
                  <legend>Task profile (optional: autoscaling over the week)</legend>
                  {env.profile.length === 0 ? <p className="muted small">The same task count whenever the schedule is on.</p> : null}
                  {env.profile.map((row, r) => {
                    const rp = `${p}.taskProfile[${r}]`;
                    const rid = (f: string) => `${row.key}-${f}`;
                    return (
                      <div className="profile-row" key={row.key} data-testid={`env-${i}-profile-${r}`}>
                        <div className="fields">
                          <TextField id={rid("from")} label="From" value={row.fromHour} onChange={(v) => setRow(env, row.key, { fromHour: v })} error={errAt(`${rp}.fromHour`)} />
                          <TextField id={rid("to")} label="To" value={row.toHour} onChange={(v) => setRow(env, row.key, { toHour: v })} error={errAt(`${rp}.toHour`)} />
                          <TextField id={rid("factor")} label="Tasks × factor" value={row.tasksFactor} inputMode="decimal" onChange={(v) => setRow(env, row.key, { tasksFactor: v })} error={errAt(`${rp}.tasksFactor`)} hint="0.5 = half the tasks then" />
                          <div className="wide">
                            <DayPicker id={rid("days")} legend="Days" days={row.days} onChange={(days) => setRow(env, row.key, { days })} error={errUnder(`${rp}.days`)} />
                          </div>
                        </div>
                        <button type="button" className="btn" onClick={() => setEnv(env.key, { profile: env.profile.filter((x) => x.key !== row.key) })} aria-label={`Remove task profile row ${r + 1} of ${label}`}>
                          Remove row
                        </button>
                      </div>
                    );
                  })}
                  <button
                    type="button"
                    className="btn"
                    disabled={env.profile.length >= MAX_PROFILE_ROWS}
                    onClick={() => setEnv(env.key, { profile: [...env.profile, blankProfileDraft()] })}
                    data-testid={`env-${i}-add-profile`}
                  >
                    + Add task profile row
                  </button>
                </fieldset>
                <button type="button" className="btn env-remove" onClick={() => onChange(list.filter((x) => x.key !== env.key))} aria-label={`Remove environment ${label}`}>
                  Remove environment
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="btn"
            disabled={list.length >= MAX_ENVIRONMENTS}
            onClick={() => onChange([...list, blankEnvironmentDraft(list.length + 1, list.find((e) => e.scheduleKind !== "always")?.timeZone ?? "UTC")])}
            data-testid="add-environment"
          >
            + Add environment
          </button>
          <p className="muted small">
            Each environment is a copy of every service. Load balancers, NAT and other network lines are shared by all environments and bill all month, even at zero tasks.
          </p>
        </>
      )}
      <datalist id="time-zones">
        {COMMON_TIME_ZONES.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      {other.length > 0 ? <FieldErrorList errors={other.map(([path, message]) => ({ path, message }))} className="errors" /> : null}
    </section>
  );
});
