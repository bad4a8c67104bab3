"use client";
/**
 * Monthly net saving against the hourly Savings Plan commitment, one line per term, with each term's recommended
 * commitment marked. The curve is straight between its points (lib/commitment), so the lines are drawn linear.
 * Decorative for assistive technology: the panel gives the same numbers as a table.
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUSD, formatUSDShort } from "@/lib/format";

export interface CommitmentSeries {
  key: string;
  label: string;
  color: string;
  points: Array<{ commitment: number; saving: number }>;
  best: { commitment: number; saving: number } | null;
  bestLabelPosition?: "top" | "bottom";
}

const rate = (v: number) => `$${Number(v.toFixed(v >= 1 ? 2 : 3))}`;

export default function CommitmentChart({ series }: { series: CommitmentSeries[] }) {
  return (
    <div className="chart-frame" data-testid="chart-commitment" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 18, right: 16, bottom: 18, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e6e9ed" />
          <XAxis
            dataKey="commitment"
            type="number"
            domain={[0, "dataMax"]}
            tick={{ fontSize: 11 }}
            tickFormatter={rate}
            label={{ value: "commitment per hour", position: "insideBottom", offset: -12, fontSize: 11, fill: "#57606a" }}
          />
          <YAxis dataKey="saving" tickFormatter={(v: number) => formatUSDShort(v)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip
            labelFormatter={(v) => `${rate(Number(v))}/h committed`}
            formatter={(v) => `${formatUSD(typeof v === "number" ? v : Number(v))}/month`}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} verticalAlign="top" />
          <ReferenceLine y={0} stroke="#57606a" />
          {series.map((s) => (
            <Line key={s.key} data={s.points} dataKey="saving" name={s.label} stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} type="linear" />
          ))}
          {series.map((s) =>
            s.best ? (
              <ReferenceDot key={`${s.key}-best`} x={s.best.commitment} y={s.best.saving} r={5} fill={s.color} stroke="#fff" label={{ value: `best ${s.key}`, position: s.bestLabelPosition ?? "top", fontSize: 11, fill: s.color }} />
            ) : null,
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
