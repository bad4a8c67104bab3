"use client";
/**
 * Observed usage of one dimension (downsampled: the peak and the mean of each interval) against the
 * current size, the recommended size and the chosen percentile. The page shows a table alternative.
 */
import { useDrawTurn } from "@/components/hooks/useDrawTurn";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface UsageChartProps {
  testId: string;
  unit: string;
  points: { x: number; peak: number; mean: number }[];
  byTime: boolean;
  current: number;
  recommended: number;
  percentile: { label: string; value: number };
}

const fmt = (v: number) => (v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3)).replace(/\.?0+$/, "");

function timeLabel(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const month = d.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  const day = d.getUTCDate();
  const hm = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  if (spanMs <= 86_400_000) return hm;
  return hm === "00:00" ? `${month} ${day}` : `${month} ${day} ${hm}`;
}

const DAY = 86_400_000;

/** UTC midnights for spans over a day (at most ~8 ticks), else undefined (recharts picks hours). */
function dayTicks(first: number, last: number): number[] | undefined {
  if (last - first <= DAY) return undefined;
  const days = (last - first) / DAY;
  const step = Math.max(1, Math.ceil(days / 7)) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(first / DAY) * DAY; t <= last; t += step) ticks.push(t);
  return ticks.length >= 2 ? ticks : undefined;
}

export default function UsageChart(p: UsageChartProps) {
  const ready = useDrawTurn();
  if (!ready) return <div className="chart-placeholder">Drawing chart…</div>;
  return <UsageLines {...p} />;
}

function UsageLines(p: UsageChartProps) {
  const first = p.points[0]?.x ?? 0;
  const last = p.points[p.points.length - 1]?.x ?? 0;
  const span = last - first;
  const ticks = p.byTime ? dayTicks(first, last) : undefined;
  const top = Math.max(p.current, p.recommended, ...p.points.map((q) => q.peak)) * 1.12;
  return (
    <div className="chart-frame" data-testid={p.testId} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={p.points} margin={{ top: 16, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false} /* aria-hidden frame: no focusable SVG inside */>
          <CartesianGrid strokeDasharray="3 3" stroke="#e6e9ed" />
          <XAxis
            dataKey="x"
            type="number"
            domain={["dataMin", "dataMax"]}
            ticks={ticks}
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => (p.byTime ? timeLabel(v, span) : `#${v}`)}
            minTickGap={24}
          />
          <YAxis domain={[0, top]} tickFormatter={(v: number) => fmt(v)} tick={{ fontSize: 11 }} width={48} />
          <Tooltip
            labelFormatter={(v) => (p.byTime ? `${new Date(Number(v)).toISOString().replace("T", " ").slice(0, 16)} UTC` : `sample ${String(v)}`)}
            formatter={(v) => `${fmt(typeof v === "number" ? v : Number(v))} ${p.unit}`}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="peak" name={`peak per interval (${p.unit})`} stroke="#0a58ca" dot={false} strokeWidth={1.5} isAnimationActive={false} type="linear" />
          <Line dataKey="mean" name={`mean (${p.unit})`} stroke="#8cb4f0" dot={false} strokeWidth={1} isAnimationActive={false} type="linear" />
          <ReferenceLine y={p.current} stroke="#cf222e" strokeDasharray="6 3" label={{ value: `current ${fmt(p.current)} ${p.unit}`, position: "insideTopRight", fontSize: 11, fill: "#cf222e" }} />
          <ReferenceLine y={p.recommended} stroke="#1a7f37" strokeWidth={2} label={{ value: `recommended ${fmt(p.recommended)} ${p.unit}`, position: "insideBottomRight", fontSize: 11, fill: "#1a7f37" }} />
          <ReferenceLine y={p.percentile.value} stroke="#57606a" strokeDasharray="2 3" label={{ value: `${p.percentile.label} ${fmt(p.percentile.value)}`, position: "insideTopLeft", fontSize: 11, fill: "#57606a" }} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
