"use client";
/**
 * The body of "Import Kubernetes manifests" (K8sImportPanel.tsx) and the outcome under it, loaded when the panel
 * is first opened or an import starts, so none of it is in the page's first-load JavaScript.
 */
import { useId, useState, type ChangeEvent } from "react";
import { Banner, FieldErrorList, TextField } from "@/components/ui/fields";
import type { ImportOptions, K8sImportState } from "./useK8sImport";
import styles from "./k8s-import.module.css";

export interface K8sImportFormProps {
  state: K8sImportState;
  /** false until the estimator's calculator has loaded (the import fills its form). */
  ready: boolean;
  onText: (text: string, source: string, options: ImportOptions) => void;
  onFile: (file: File, options: ImportOptions) => void;
}

/** "" -> the importer's default; anything else goes to it as a number, and it says what is wrong with it. */
function optionNumber(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text.trim());
}

export function K8sImportForm({ state, ready, onText, onFile }: K8sImportFormProps) {
  const id = useId();
  const [text, setText] = useState("");
  const [nodes, setNodes] = useState("");
  const [jobSeconds, setJobSeconds] = useState("");
  const options = (): ImportOptions => {
    const out: ImportOptions = {};
    const n = optionNumber(nodes);
    const s = optionNumber(jobSeconds);
    if (n !== undefined) out.daemonSetNodes = n;
    if (s !== undefined) out.jobRunSeconds = s;
    return out;
  };
  const working = state.status === "working";
  const pickFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) onFile(file, options());
  };

  return (
    <div className={styles.body}>
      <p className="muted small">
        Deployments, StatefulSets, ReplicaSets, DaemonSets, Jobs, CronJobs and Pods (also inside a List) become services: their containers&apos;
        requests (limits where only limits are set), replicas, and CronJob schedules as scheduled runs. Services, ConfigMaps and other objects are
        skipped with a note. The import replaces the services in the form and sets the orchestrator to EKS; region, EC2 and network settings stay.
      </p>
      <div className={styles.actions}>
        <span className="btn file-button">
          <label htmlFor={`${id}-file`}>Upload a .yaml file</label>
          <input id={`${id}-file`} type="file" accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json" onChange={pickFile} disabled={!ready || working} data-testid="k8s-file" />
        </span>
      </div>
      <div className="field" style={{ marginTop: 10 }}>
        <label htmlFor={`${id}-text`}>Or paste manifests (YAML, several documents separated by ---)</label>
        <textarea
          id={`${id}-text`}
          className={styles.textarea}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          placeholder={"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  ..."}
          data-testid="k8s-text"
        />
      </div>
      <div className={styles.row}>
        <TextField id={`${id}-nodes`} label="Nodes per DaemonSet" value={nodes} inputMode="numeric" placeholder="3" onChange={setNodes} hint="One pod per node" testId="k8s-daemonset-nodes" />
        <TextField id={`${id}-job`} label="Job pod run time (s)" value={jobSeconds} inputMode="numeric" placeholder="600" onChange={setJobSeconds} hint="When activeDeadlineSeconds is not set" testId="k8s-job-seconds" />
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn btn-primary" onClick={() => onText(text, "the pasted manifests", options())} disabled={!ready || working || text.trim() === ""} data-testid="k8s-import">
          {working ? "Importing…" : "Import manifests"}
        </button>
        {!ready ? <span className="muted small">Available once the calculator has loaded…</span> : null}
      </div>
    </div>
  );
}

export function K8sImportStatus({ state }: { state: K8sImportState }) {
  if (state.status === "ok") {
    return (
      <div className={styles.status}>
        <Banner
          tone="info"
          testId="k8s-status"
          title={`Imported ${state.services.length} service${state.services.length === 1 ? "" : "s"} from ${state.source}: ${state.services.join(", ")}. Orchestrator: EKS.`}
        >
          {state.notes.length > 0 ? (
            <>
              <p className="small">What the import assumed or skipped:</p>
              {/* A long list scrolls: focusable so keyboard users can scroll it too. */}
              <div className={styles.notes} tabIndex={0} role="region" aria-label="Import notes">
                <ul data-testid="k8s-notes">
                  {state.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </div>
            </>
          ) : null}
        </Banner>
      </div>
    );
  }
  if (state.status === "error") {
    return (
      <div className={styles.status}>
        <Banner tone="error" testId="k8s-errors" title={`Could not import ${state.source}; the form was left as it was.`}>
          <FieldErrorList errors={state.errors} max={30} testId="k8s-error-list" />
        </Banner>
      </div>
    );
  }
  if (state.status === "working") return <p className="muted small" role="status">Importing {state.source}…</p>;
  return null;
}
