"use client";
/** One service row of the estimator: size, usage, capacity providers, and its actions. */
import { createContext, memo, useContext } from "react";
import { TextField, SelectField, Checkbox, FieldErrorList } from "@/components/ui/fields";
import { TaskDefinitionStatus } from "@/components/ui/TaskDefinitionStatus";
import { shareHref } from "@/components/hooks/useShareLink";
import type { TaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import dynamic from "next/dynamic";
import type { ServiceDraft } from "@/lib/share/draft";

// Only shown on EKS: its own chunk, so ECS pages do not load it up front.
const ContainersEditor = dynamic(() => import("./ContainersEditor"));
// Sidecar presets (issue 25): their own chunk too.
const SidecarPresets = dynamic(() => import("@/components/presets/SidecarPresets").then((m) => m.SidecarPresets), { ssr: false });

/**
 * The current share token changes on every edit; only the small right-size links read it (from context),
 * so the memoized service cards that were not edited do not re-render.
 */
export const ShareTokenContext = createContext("");

function RightsizeLink({ index }: { index: number }) {
  const token = useContext(ShareTokenContext);
  return (
    <a className="btn btn-link" href={shareHref("/rightsize", token, { service: index })} data-testid={`service-${index}-rightsize`}>
      Right-size from usage
    </a>
  );
}

interface Props {
  index: number;
  service: ServiceDraft;
  eks: boolean;
  errors: Map<string, string>;
  canRemove: boolean;
  canAdd: boolean;
  billedText: string | null;
  billedLoss: boolean;
  taskDefMessage: TaskDefinitionImport | null;
  onChange: (key: string, patch: Partial<ServiceDraft>) => void;
  onDuplicate: (key: string) => void;
  onRemove: (key: string) => void;
  onTaskDefinition: (key: string, file: File) => void;
}

export const ServiceCard = memo(function ServiceCard({ index, service: s, eks, errors, canRemove, canAdd, billedText, billedLoss, taskDefMessage, onChange, onDuplicate, onRemove, onTaskDefinition }: Props) {
  const p = `services[${index}]`;
  const id = (field: string) => `${s.key}-${field}`;
  const err = (field: string) => errors.get(`${p}.${field}`);
  const set = (patch: Partial<ServiceDraft>) => onChange(s.key, patch);
  const memList = `mem-options-${s.os}-${s.vcpu.trim()}`;
  const title = s.name.trim() || `Service ${index + 1}`;
  // Errors of this service that no single input shows (e.g. a whole-object refinement).
  const shownFields = new Set([
    "name", "vcpu", "memoryGiB", "architecture", "os", "ephemeralStorageGiB", "tasks", "usage.hoursPerMonth", "usage.runsPerDay",
    "usage.secondsPerRun", "usage.daysPerMonth", "fargateCapacityProviders.base", "fargateCapacityProviders.fargateWeight",
    "fargateCapacityProviders.spotWeight", "logs.ingestedGBPerMonth", "logs.class", "logs.retentionMonths", "requestsPerSecond",
  ]);
  // On EKS the containers editor shows its own errors.
  const shownByContainers = (field: string) => (eks && /^containers(\[\d+\](\.(name|vcpu|memoryGiB))?)?$/.test(field)) || /^containers\[\d+\]\.(vcpu|memoryGiB)$/.test(field);
  const otherErrors = [...errors.entries()]
    .filter(([path]) => path.startsWith(`${p}.`) || path === p)
    .filter(([path]) => !shownFields.has(path.slice(p.length + 1)) && !shownByContainers(path.slice(p.length + 1)));
  const unit = eks ? "pod" : "task";

  return (
    <section className="service" aria-labelledby={id("title")} data-testid={`service-${index}`}>
      <div className="service-head">
        <h3 id={id("title")}>{title}</h3>
        <span className="muted small">#{index + 1}</span>
      </div>
      <div className="fields">
        <TextField id={id("name")} label="Name" value={s.name} onChange={(v) => set({ name: v })} error={err("name")} className="wide" maxLength={200} testId={`service-${index}-name`} />
        <TextField id={id("vcpu")} label={`vCPU per ${unit}`} value={s.vcpu} inputMode="decimal" list="vcpu-options" onChange={(v) => set({ vcpu: v })} error={err("vcpu")} testId={`service-${index}-vcpu`} />
        <TextField id={id("memory")} label={`Memory per ${unit} (GiB)`} value={s.memoryGiB} inputMode="decimal" list={memList} onChange={(v) => set({ memoryGiB: v })} error={err("memoryGiB")} testId={`service-${index}-memory`} />
        {billedText ? (
          <p className={`snap-note${billedLoss ? " loss" : ""}`} data-testid={`service-${index}-billed`}>
            {billedText}
          </p>
        ) : null}
        <SelectField id={id("arch")} label="Architecture" value={s.architecture} options={[{ value: "x86_64", label: "x86_64" }, { value: "arm64", label: "arm64 (Graviton)" }]} onChange={(v) => set({ architecture: v })} error={err("architecture")} />
        <SelectField id={id("os")} label="Operating system" value={s.os} options={[{ value: "linux", label: "Linux" }, { value: "windows", label: "Windows" }]} onChange={(v) => set({ os: v })} error={err("os")} />
        <TextField id={id("tasks")} label={eks ? "Pods (average running)" : "Tasks (average running)"} value={s.tasks} inputMode="decimal" onChange={(v) => set({ tasks: v })} error={err("tasks")} testId={`service-${index}-tasks`} />
        {eks ? <ContainersEditor index={index} service={s} errors={errors} onChange={(containers) => set({ containers })} /> : null}
        <SidecarPresets index={index} service={s} eks={eks} errors={errors} onChange={(containers) => set({ containers: containers.length > 0 ? containers : undefined })} />
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

      {otherErrors.length > 0 ? <FieldErrorList errors={otherErrors.map(([path, message]) => ({ path, message }))} className="errors" /> : null}

      <div className="service-actions">
        <button type="button" className="btn" onClick={() => onDuplicate(s.key)} disabled={!canAdd}>
          Duplicate
        </button>
        <button type="button" className="btn" onClick={() => onRemove(s.key)} disabled={!canRemove} aria-label={`Remove ${title}`}>
          Remove
        </button>
        <span className="btn file-button">
          <label htmlFor={id("taskdef")}>Import task definition</label>
          <input
            id={id("taskdef")}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onTaskDefinition(s.key, file);
              e.target.value = "";
            }}
          />
        </span>
        <RightsizeLink index={index} />
      </div>
      {taskDefMessage ? (
        <div style={{ marginTop: 8 }}>
          <TaskDefinitionStatus message={taskDefMessage} testIdPrefix={`service-${index}-taskdef`} />
        </div>
      ) : null}
    </section>
  );
});
