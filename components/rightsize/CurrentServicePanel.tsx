"use client";
/**
 * Step 1: the service being right-sized, as editable fields. Its size comes from the user, an estimate link,
 * a task definition or, when none of those gave it, the utilization file's reservation (the notes say which).
 */
import type { ChangeEvent } from "react";
import type { FieldError } from "@/lib/field-errors";
import type { RightsizeField, RightsizeFields } from "@/lib/rightsize/form";
import { FieldErrorList, SelectField, TextField } from "@/components/ui/fields";
import { TaskDefinitionStatus } from "@/components/ui/TaskDefinitionStatus";
import type { TaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import styles from "./rightsize.module.css";

export interface RegionOption {
  region: string;
  location: string;
}

interface Props {
  fields: RightsizeFields;
  regions: RegionOption[];
  /** Each field's problem (lib/rightsize/form.ts matches them by path), and the problems no field shows. */
  fieldErrors: Partial<Record<RightsizeField, string>>;
  otherErrors: FieldError[];
  /** Set when the page was opened from an estimate link. */
  fromEstimate: { serviceIndex: number; serviceCount: number } | null;
  taskDefinition: TaskDefinitionImport | null;
  /** Sentences saying which parts of the size were taken from the utilization file. */
  sizeFromFile: string[];
  onTaskDefinition: (file: File) => void;
  onChange: (patch: Partial<RightsizeFields>) => void;
}

export function CurrentServicePanel(props: Props) {
  const { fields: s } = props;
  const err = (field: RightsizeField) => props.fieldErrors[field];
  const other = props.otherErrors;
  const onTaskDefinitionInput = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) props.onTaskDefinition(file);
  };
  return (
    <section className="panel" aria-labelledby="current-title">
      <div className="panel-head">
        <h2 id="current-title" className={styles.panelTitle}>
          <span className={styles.step} aria-hidden="true">1</span>Current service
        </h2>
      </div>
      {props.fromEstimate ? (
        <p className="small muted" data-testid="from-estimate">
          From your estimate: service {props.fromEstimate.serviceIndex + 1} of {props.fromEstimate.serviceCount}. Its other settings (usage, Spot strategy) and
          the other services are kept when you apply the recommendation.
        </p>
      ) : (
        <p className="small muted">Type the current task size, import the task definition, or upload a Container Insights file that records it.</p>
      )}
      <div className="toolbar" style={{ marginBottom: 10 }}>
        <label className="btn file-button">
          Import task definition (JSON)
          <input type="file" accept=".json,application/json" onChange={onTaskDefinitionInput} data-testid="taskdef-file" aria-label="Import task definition (JSON)" />
        </label>
      </div>
      {props.taskDefinition ? (
        <div style={{ marginBottom: 10 }}>
          <TaskDefinitionStatus message={props.taskDefinition} />
        </div>
      ) : null}
      {props.sizeFromFile.length > 0 ? (
        <div className="banner banner-info small" role="status" data-testid="size-from-file">
          <ul style={{ margin: 0 }}>
            {props.sizeFromFile.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <p style={{ marginTop: 4 }}>Edit the fields to compare against another size.</p>
        </div>
      ) : null}
      <div className="fields">
        <TextField id="rs-name" label="Service name" value={s.name} onChange={(v) => props.onChange({ name: v })} error={err("name")} className="wide" maxLength={64} testId="rs-name" />
        <TextField id="rs-vcpu" label="vCPU" value={s.vcpu} onChange={(v) => props.onChange({ vcpu: v })} error={err("vcpu")} inputMode="decimal" testId="rs-vcpu" />
        <TextField id="rs-memory" label="Memory (GiB)" value={s.memoryGiB} onChange={(v) => props.onChange({ memoryGiB: v })} error={err("memoryGiB")} inputMode="decimal" testId="rs-memory" />
        <SelectField
          id="rs-arch"
          label="Architecture"
          value={s.architecture}
          options={[
            { value: "x86_64", label: "x86_64" },
            { value: "arm64", label: "arm64 (Graviton)" },
          ]}
          onChange={(v) => props.onChange({ architecture: v })}
          error={err("architecture")}
        />
        <SelectField
          id="rs-os"
          label="Operating system"
          value={s.os}
          options={[
            { value: "linux", label: "Linux" },
            { value: "windows", label: "Windows" },
          ]}
          onChange={(v) => props.onChange({ os: v })}
          error={err("os")}
        />
        <TextField id="rs-tasks" label="Tasks (average running)" value={s.tasks} onChange={(v) => props.onChange({ tasks: v })} error={err("tasks")} inputMode="decimal" testId="rs-tasks" />
        <TextField
          id="rs-storage"
          label="Ephemeral storage (GiB)"
          value={s.ephemeralStorageGiB}
          onChange={(v) => props.onChange({ ephemeralStorageGiB: v })}
          error={err("ephemeralStorageGiB")}
          inputMode="numeric"
        />
        <SelectField
          id="rs-region"
          label="Region"
          className="wide"
          value={s.region}
          options={props.regions.map((r) => ({ value: r.region, label: `${r.region} — ${r.location}` }))}
          onChange={(region) => props.onChange({ region })}
          error={err("region")}
        />
      </div>
      {other.length > 0 ? <FieldErrorList errors={other} className="errors" /> : null}
    </section>
  );
}
