"use client";
/** A service's less-asked fields, behind "More" on its card: storage, requests, usage pattern, Spot and logs. */
import { TextField, SelectField, Checkbox } from "@/components/ui/fields";
import type { ServiceDraft } from "@/lib/form/draft";

interface Props {
  index: number;
  service: ServiceDraft;
  eks: boolean;
  errors: Map<string, string>;
  onChange: (key: string, patch: Partial<ServiceDraft>) => void;
}

export function ServiceMore({ index, service: s, eks, errors, onChange }: Props) {
  const p = `services[${index}]`;
  const id = (field: string) => `${s.key}-${field}`;
  const err = (field: string) => errors.get(`${p}.${field}`);
  const set = (patch: Partial<ServiceDraft>) => onChange(s.key, patch);
  return (
    <div className="fields" style={{ marginTop: 8 }}>
        <TextField id={id("storage")} label="Ephemeral storage (GiB)" value={s.ephemeralStorageGiB} inputMode="decimal" onChange={(v) => set({ ephemeralStorageGiB: v })} error={err("ephemeralStorageGiB")} hint="20 GiB included on Fargate" />
        <TextField id={id("rps")} label="Requests per second (average)" value={s.requestsPerSecond ?? ""} inputMode="decimal" placeholder="none" onChange={(v) => set({ requestsPerSecond: v })} error={err("requestsPerSecond")} hint="Optional: gives each option's cost per 1M requests" testId={`service-${index}-rps`} />

        <fieldset className="subgroup">
          <legend>Usage</legend>
          <div className="radio-row">
            <label>
              <input type="radio" name={id("usage")} checked={s.usageKind === "continuous"} onChange={() => set({ usageKind: "continuous" })} /> Continuous
            </label>
            <label>
              <input type="radio" name={id("usage")} checked={s.usageKind === "scheduled"} onChange={() => set({ usageKind: "scheduled" })} /> Scheduled runs
            </label>
          </div>
          <div className="fields" style={{ marginTop: 8 }}>
            {s.usageKind === "continuous" ? (
              <TextField id={id("hours")} label="Hours per month" value={s.hoursPerMonth} inputMode="decimal" onChange={(v) => set({ hoursPerMonth: v })} error={err("usage.hoursPerMonth")} hint="730 = always on" />
            ) : (
              <>
                <TextField id={id("runs")} label="Runs per day" value={s.runsPerDay} inputMode="decimal" onChange={(v) => set({ runsPerDay: v })} error={err("usage.runsPerDay")} />
                <TextField id={id("seconds")} label="Seconds per run" value={s.secondsPerRun} inputMode="decimal" onChange={(v) => set({ secondsPerRun: v })} error={err("usage.secondsPerRun")} hint="Linux tasks bill at least 60 s" />
                <TextField id={id("days")} label="Days per month" value={s.daysPerMonth} inputMode="decimal" placeholder="30.42" onChange={(v) => set({ daysPerMonth: v })} error={err("usage.daysPerMonth")} hint="Empty = 730 h / 24" />
              </>
            )}
          </div>
        </fieldset>

        <fieldset className="subgroup">
          <legend>{eks ? "Spot" : "Spot and capacity providers"}</legend>
          {eks ? null : <Checkbox id={id("strategy")} label="Mix Fargate and Fargate Spot (capacity provider strategy)" checked={s.strategy} onChange={(v) => set({ strategy: v })} />}
          {s.strategy && !eks ? (
            <div className="fields" style={{ marginTop: 8 }}>
              <TextField id={id("base")} label="Base on Fargate" value={s.base} inputMode="numeric" onChange={(v) => set({ base: v })} error={err("fargateCapacityProviders.base")} />
              <TextField id={id("fw")} label="Fargate weight" value={s.fargateWeight} inputMode="numeric" onChange={(v) => set({ fargateWeight: v })} error={err("fargateCapacityProviders.fargateWeight")} />
              <TextField id={id("sw")} label="Spot weight" value={s.spotWeight} inputMode="numeric" onChange={(v) => set({ spotWeight: v })} error={err("fargateCapacityProviders.spotWeight")} />
            </div>
          ) : null}
          <Checkbox id={id("interruptible")} label="May run on Spot (tolerates interruption)" checked={s.interruptible} onChange={(v) => set({ interruptible: v })} />
        </fieldset>

        <fieldset className="subgroup">
          <legend>CloudWatch Logs</legend>
          <Checkbox id={id("logs")} label="Send logs to CloudWatch Logs" checked={s.logs} onChange={(v) => set({ logs: v })} />
          {s.logs ? (
            <div className="fields" style={{ marginTop: 8 }}>
              <TextField id={id("logs-gb")} label="GB ingested / month" value={s.logsIngestedGB} inputMode="decimal" onChange={(v) => set({ logsIngestedGB: v })} error={err("logs.ingestedGBPerMonth")} testId={`service-${index}-logs-gb`} />
              <SelectField<ServiceDraft["logsClass"]>
                id={id("logs-class")}
                label="Log class"
                value={s.logsClass}
                options={[
                  { value: "standard", label: "Standard" },
                  { value: "infrequent-access", label: "Infrequent Access" },
                ]}
                onChange={(v) => set({ logsClass: v })}
                error={err("logs.class")}
              />
              <TextField id={id("logs-retention")} label="Retention (months)" value={s.logsRetentionMonths} inputMode="decimal" onChange={(v) => set({ logsRetentionMonths: v })} error={err("logs.retentionMonths")} hint="0 = deleted right away" />
            </div>
          ) : null}
        </fieldset>
    </div>
  );
}
