"use client";
/** Step 3: the percentiles and headroom the recommendation is sized from. */
import { PERCENTILES, type PercentileKey } from "@/lib/rightsize/percentile";
import { SelectField, TextField } from "@/components/ui/fields";
import styles from "./rightsize.module.css";

const PERCENTILE_LABEL: Record<PercentileKey, string> = { p50: "p50 (median)", p90: "p90", p95: "p95", p99: "p99", max: "max (peak)" };
const PCT_OPTIONS = PERCENTILES.map((k) => ({ value: k, label: PERCENTILE_LABEL[k] }));

export interface SizingRuleFields {
  cpuPercentile: PercentileKey;
  memoryPercentile: PercentileKey;
  /** As typed. */
  headroom: string;
}

export function SizingRulePanel({ rule, headroomError, onChange }: { rule: SizingRuleFields; headroomError: string | undefined; onChange: (patch: Partial<SizingRuleFields>) => void }) {
  return (
    <section className="panel" aria-labelledby="settings-title">
      <div className="panel-head">
        <h2 id="settings-title" className={styles.panelTitle}>
          <span className={styles.step} aria-hidden="true">3</span>Sizing rule
        </h2>
      </div>
      <div className="fields">
        <SelectField id="rs-cpu-pct" label="CPU percentile" value={rule.cpuPercentile} options={PCT_OPTIONS} onChange={(v) => onChange({ cpuPercentile: v })} testId="rs-cpu-pct" />
        <SelectField id="rs-mem-pct" label="Memory percentile" value={rule.memoryPercentile} options={PCT_OPTIONS} onChange={(v) => onChange({ memoryPercentile: v })} testId="rs-mem-pct" />
        <TextField
          id="rs-headroom"
          label="Headroom (%)"
          value={rule.headroom}
          onChange={(v) => onChange({ headroom: v })}
          error={headroomError}
          inputMode="decimal"
          testId="rs-headroom"
          hint="Added above the percentile before snapping to a valid Fargate size."
        />
      </div>
      <p className="small muted" style={{ marginBottom: 0 }}>
        Defaults follow KRR and the Kubernetes VPA: CPU at p95, memory at the peak (a task over its memory is stopped), plus 15%.
        Percentiles are nearest-rank: always a value that was observed.
      </p>
    </section>
  );
}
