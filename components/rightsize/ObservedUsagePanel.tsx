"use client";
/** What the file showed: CPU and memory over time against the current and recommended size, and the percentiles. */
import { num } from "@/lib/format";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { PERCENTILES, type PercentileKey } from "@/lib/rightsize/percentile";
import { cpuSampleToVcpu, memorySampleToGiB, type RightsizeResult } from "@/lib/rightsize/recommend";
import type { UsageSummary } from "@/lib/rightsize/usage";
import styles from "./rightsize.module.css";

const loadUsageChart = () => import("./UsageChart");
const UsageChart = dynamic(loadUsageChart, {
  ssr: false,
  loading: () => <div className="chart-placeholder">Loading chart…</div>,
});

/**
 * Fetch and evaluate the chart code while a file is still being parsed (the main thread is idle then), so the
 * result's first paint is not one long task of loading recharts and drawing both charts.
 */
export function preloadUsageChart(): void {
  void loadUsageChart();
}

const pctLabel = (k: PercentileKey) => (k === "max" ? "peak" : k);

export function ObservedUsagePanel({ summary, result: r }: { summary: UsageSummary; result: RightsizeResult }) {
  const cpu = r.observed.cpu;
  const mem = r.observed.memory;
  // Chart values in vCPU / GiB, converted by the same lib functions the recommendation uses.
  const toVcpu = (v: number) => (summary.cpu ? cpuSampleToVcpu(v, summary.cpu.unit, r.current.vcpu) : v);
  const toGiB = (v: number) => (summary.memory ? memorySampleToGiB(v, summary.memory.unit, r.current.memoryGiB) : v);
  return (
    <section className="panel" aria-labelledby="charts-title">
      <h2 id="charts-title">Observed usage</h2>
      <div className={styles.charts} style={{ marginTop: 10 }}>
        {summary.cpu && cpu ? (
          <UsageFigure
            title="CPU (vCPU)"
            testId="chart-cpu"
            unit="vCPU"
            byTime={summary.cpu.byTime}
            points={summary.cpu.series.map((p) => ({ x: p.x, peak: toVcpu(p.max), mean: toVcpu(p.mean) }))}
            current={r.current.vcpu}
            recommended={r.recommended.vcpu}
            percentile={{ label: pctLabel(r.settings.cpuPercentile), value: cpu.atPercentile }}
          />
        ) : null}
        {summary.memory && mem ? (
          <UsageFigure
            title="Memory (GiB)"
            testId="chart-memory"
            unit="GiB"
            byTime={summary.memory.byTime}
            points={summary.memory.series.map((p) => ({ x: p.x, peak: toGiB(p.max), mean: toGiB(p.mean) }))}
            current={r.current.memoryGiB}
            recommended={r.recommended.memoryGiB}
            percentile={{ label: pctLabel(r.settings.memoryPercentile), value: mem.atPercentile }}
          />
        ) : null}
      </div>
      <details open>
        <summary>Observed percentiles (table)</summary>
        <div className="table-wrap">
          <table data-testid="percentile-table">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                {PERCENTILES.map((k) => (
                  <th key={k} scope="col" className="r">
                    {k}
                  </th>
                ))}
                <th scope="col" className="r">
                  Current
                </th>
                <th scope="col" className="r">
                  Recommended
                </th>
              </tr>
            </thead>
            <tbody>
              {cpu ? <PercentileRow label="CPU (vCPU)" all={cpu.all} current={r.current.vcpu} recommended={r.recommended.vcpu} /> : null}
              {mem ? <PercentileRow label="Memory (GiB)" all={mem.all} current={r.current.memoryGiB} recommended={r.recommended.memoryGiB} /> : null}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** One dimension of the observed-percentiles table. */
function PercentileRow(props: { label: string; all: Record<PercentileKey, number>; current: number; recommended: number }) {
  return (
    <tr>
      <th scope="row" style={{ background: "transparent" }}>
        {props.label}
      </th>
      {PERCENTILES.map((k) => (
        <td key={k} className="r">
          {num(props.all[k])}
        </td>
      ))}
      <td className="r">{num(props.current)}</td>
      <td className="r">{num(props.recommended)}</td>
    </tr>
  );
}

/** One observed-usage chart with its title and caption. */
function UsageFigure(props: { title: string } & ComponentProps<typeof UsageChart>) {
  const { title, ...chart } = props;
  return (
    <figure>
      <h3>{title}</h3>
      <figcaption>
        Peak and mean per interval{chart.byTime ? " over time (UTC)" : " by sample order"}, against the current and recommended size and the {chart.percentile.label}.
      </figcaption>
      <UsageChart {...chart} />
    </figure>
  );
}
