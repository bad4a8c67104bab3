"use client";
/** One service row of the estimator: size, usage, capacity providers, and its actions. */
import { createContext, memo, useContext, useState } from "react";
import { TextField, SelectField, FieldErrorList } from "@/components/ui/fields";
import { shareHref } from "@/components/hooks/useShareLink";
import type { TaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import dynamic from "next/dynamic";
import type { ServiceDraft } from "@/lib/form/draft";

// Only shown on EKS: its own chunk, so ECS pages do not load it up front.
// Only after a task definition import.
const TaskDefinitionStatus = dynamic(() => import("@/components/ui/TaskDefinitionStatus").then((m) => m.TaskDefinitionStatus), { ssr: false });
const ContainersEditor = dynamic(() => import("./ContainersEditor"));
// Sidecar presets (issue 25): their own chunk too.
const SidecarPresets = dynamic(() => import("@/components/presets/SidecarPresets").then((m) => m.SidecarPresets), { ssr: false });
// Storage, requests, usage pattern, Spot and logs: behind "More", loaded when opened.
const ServiceMore = dynamic(() => import("./ServiceMore").then((m) => m.ServiceMore), { ssr: false, loading: () => <p className="muted small">Loading…</p> });

/** What the fields behind "More" say now, in one line: "always on, 20 GiB storage, no Spot, no logs". */
function moreSummary(s: ServiceDraft, eks: boolean): string {
  const usage = s.usageKind === "continuous" ? (s.hoursPerMonth.trim() === "730" ? "always on" : `${s.hoursPerMonth} h/month`) : `${s.runsPerDay} runs/day × ${s.secondsPerRun} s`;
  const spot = s.strategy && !eks ? "Fargate/Spot mix" : s.interruptible ? "may run on Spot" : "no Spot";
  const logs = s.logs ? `logs ${s.logsIngestedGB} GB/month` : "no logs";
  return `${usage}, ${s.ephemeralStorageGiB} GiB storage, ${spot}, ${logs}${s.requestsPerSecond?.trim() ? `, ${s.requestsPerSecond} req/s` : ""}`;
}

/** Paths shown behind "More": an error there opens it. */
const MORE_FIELDS = ["ephemeralStorageGiB", "requestsPerSecond", "usage.", "fargateCapacityProviders.", "logs."];

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
  const [moreOpen, setMoreOpen] = useState(false);
  // Sidecars fold into one line like "More": open when the service has some (or one of them has a problem).
  const sidecarIds = (s.containers ?? []).flatMap((c) => (c.sidecar ? [c.sidecar] : []));
  const [sidecarsOpen, setSidecarsOpen] = useState(sidecarIds.length > 0);
  const sidecarsHaveError = [...errors.keys()].some((path) => path.startsWith(`services[${index}].containers`));
  if (sidecarsHaveError && !sidecarsOpen) setSidecarsOpen(true);
  const moreHasError = [...errors.keys()].some((path) => path.startsWith(`${p}.`) && MORE_FIELDS.some((f) => path.slice(p.length + 1).startsWith(f)));
  if (moreHasError && !moreOpen) setMoreOpen(true);

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
      </div>
      <details className="service-more" open={sidecarsOpen} onToggle={(e) => setSidecarsOpen(e.currentTarget.open)} data-testid={`service-${index}-sidecars-more`}>
        <summary>
          Sidecars: <span className="muted">{sidecarIds.length > 0 ? sidecarIds.join(", ") : "none (Envoy, Fluent Bit, X-Ray, CloudWatch agent presets)"}</span>
        </summary>
        {sidecarsOpen ? <SidecarPresets index={index} service={s} eks={eks} errors={errors} onChange={(containers) => set({ containers: containers.length > 0 ? containers : undefined })} /> : null}
      </details>
      <details className="service-more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)} data-testid={`service-${index}-more`}>
        <summary>
          More: <span className="muted">{moreSummary(s, eks)}</span>
        </summary>
        {moreOpen ? <ServiceMore index={index} service={s} eks={eks} errors={errors} onChange={onChange} /> : null}
      </details>

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
