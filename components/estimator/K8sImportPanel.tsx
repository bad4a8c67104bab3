"use client";
/**
 * "Import Kubernetes manifests": paste or upload multi-document YAML (or kubectl's JSON); the workloads become
 * the form's services with orchestrator EKS (lib/import/k8s.ts, loaded on first use). The outcome stays visible
 * under the heading: the services and the import's notes, or every problem with its document, field and line
 * (the form is then left as it was). Only this shell is in the page's first load: the form (K8sImportForm.tsx)
 * loads when the panel is opened, the importer when an import starts.
 */
import { lazy, Suspense, useState } from "react";
import type { K8sImportFormProps } from "./K8sImportForm";
import styles from "./k8s-import.module.css";

const K8sImportForm = lazy(() => import("./K8sImportForm").then((m) => ({ default: m.K8sImportForm })));
const K8sImportStatus = lazy(() => import("./K8sImportForm").then((m) => ({ default: m.K8sImportStatus })));

export function K8sImportPanel(props: K8sImportFormProps) {
  const [opened, setOpened] = useState(false);
  return (
    <section className="panel" aria-labelledby="k8s-import-heading" data-testid="k8s-panel">
      <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary className={styles.summary}>
          <h2 id="k8s-import-heading">Import Kubernetes manifests</h2>
          <span className="muted small">Deployments, CronJobs, … as EKS services</span>
        </summary>
        {opened ? (
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <K8sImportForm {...props} />
          </Suspense>
        ) : null}
      </details>
      {props.state.status !== "idle" ? (
        <Suspense fallback={null}>
          <K8sImportStatus state={props.state} />
        </Suspense>
      ) : null}
    </section>
  );
}
