"use client";
/** Step 2: choose or drop a CloudWatch export; shows the worker's progress, then what was read from the file. */
import { formatMegabytes, formatQuantity } from "@/lib/format";
import { useState, type ChangeEvent, type DragEvent } from "react";
import { Banner } from "@/components/ui/fields";
import type { UsageState } from "./useUsageFile";
import styles from "./rightsize.module.css";

export function UsageFilePanel({ usage, elapsed, onFile, onCancel }: { usage: UsageState; elapsed: number; onFile: (file: File) => void; onCancel: () => void }) {
  const [dragging, setDragging] = useState(false);
  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) onFile(file);
    e.target.value = "";
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <section className="panel" aria-labelledby="usage-title">
      <div className="panel-head">
        <h2 id="usage-title" className={styles.panelTitle}>
          <span className={styles.step} aria-hidden="true">2</span>Utilization file
        </h2>
      </div>
      <div
        className={`${styles.drop} ${dragging ? styles.active : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="btn btn-primary file-button">
          Choose a CloudWatch export…
          <input type="file" accept=".csv,.json,.jsonl,.txt,.log,text/csv,application/json" onChange={onInput} data-testid="usage-file" aria-label="Utilization file (CSV or JSON exported from CloudWatch)" />
        </label>
        <p>
          or drop it here. CSV or JSON, up to 50 MB: Container Insights (CpuUtilized, MemoryUtilized; CpuReserved and MemoryReserved give
          the current size), service metrics (CPUUtilization, MemoryUtilization %), GetMetricData output or performance log events.
        </p>
      </div>
      <UsageStatus usage={usage} elapsed={elapsed} onCancel={onCancel} />
    </section>
  );
}

function UsageStatus({ usage, elapsed, onCancel }: { usage: UsageState; elapsed: number; onCancel: () => void }) {
  if (usage.status === "idle") return null;
  if (usage.status === "cancelled") {
    return (
      <div className={styles.status} role="status" data-testid="usage-status">
        Cancelled {usage.fileName} at {Math.round(usage.fraction * 100)}%; nothing was kept. Choose a file to start again.
      </div>
    );
  }
  if (usage.status === "working") {
    const pct = Math.round(usage.fraction * 100);
    return (
      <div className={styles.status} role="status" aria-live="polite" data-testid="usage-status">
        <progress className={styles.progress} max={100} value={usage.phase === "reading" ? undefined : pct} aria-label="Parsing progress" />
        <div>
          {usage.phase === "reading" ? "Reading" : `Parsing ${pct}%`} · {usage.fileName} ({formatMegabytes(usage.bytes)}) · {(elapsed / 1000).toFixed(1)} s
        </div>
        <button type="button" className="btn" onClick={onCancel} data-testid="usage-cancel">
          Cancel
        </button>
      </div>
    );
  }
  if (usage.status === "error") {
    return (
      <div style={{ marginTop: 10 }}>
        <Banner tone="error" title={`${usage.fileName} cannot be used`} testId="usage-error">
          <p>{usage.error}</p>
        </Banner>
      </div>
    );
  }
  const s = usage.summary;
  const utc = (t: number) => new Date(t).toISOString().slice(0, 16).replace("T", " ");
  const range = s.timeRange
    ? `${utc(s.timeRange.from)} to ${utc(s.timeRange.to)} UTC (${s.timeRange.hours >= 48 ? `${(s.timeRange.hours / 24).toFixed(1)} days` : `${s.timeRange.hours.toFixed(1)} h`})`
    : "no timestamps";
  return (
    <div className={styles.status} role="status" data-testid="usage-status">
      <div>
        <strong>{usage.fileName}</strong>: {formatQuantity(s.rows)} rows parsed in {(usage.parseMs / 1000).toFixed(2)} s ({formatMegabytes(usage.bytes)}, in a background worker).
      </div>
      <dl className={styles.facts}>
        <dt>Format</dt>
        <dd data-testid="usage-format">{s.formatLabel}</dd>
        <dt>CPU</dt>
        <dd>{s.cpu ? `${formatQuantity(s.cpu.stats.count)} samples from ${s.cpu.source}` : "none"}</dd>
        <dt>Memory</dt>
        <dd>{s.memory ? `${formatQuantity(s.memory.stats.count)} samples from ${s.memory.source}` : "none"}</dd>
        <dt>Period</dt>
        <dd>{range}</dd>
        {s.skippedCount > 0 ? (
          <>
            <dt>Skipped</dt>
            <dd data-testid="usage-skipped">{formatQuantity(s.skippedCount)} unreadable row(s)</dd>
          </>
        ) : null}
      </dl>
      {s.skipped.length > 0 ? (
        <details>
          <summary>Skipped rows</summary>
          <ul className="warnings">
            {s.skipped.map((k, i) => (
              <li key={i}>
                {k.where}: {k.reason}
              </li>
            ))}
            {s.skippedCount > s.skipped.length ? <li>… and {formatQuantity(s.skippedCount - s.skipped.length)} more</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
