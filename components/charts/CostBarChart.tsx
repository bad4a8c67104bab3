"use client";
/** Stacked bar: monthly cost per option split by component. Loaded after first paint (recharts is large). */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUSD, formatUSDShort } from "@/lib/format";
import { presentComponents, type BarRow } from "./data";

export default function CostBarChart({ rows }: { rows: BarRow[] }) {
  const parts = presentComponents(rows);
  return (
    <div className="chart-frame" data-testid="chart-cost" aria-hidden="true" /* the table below is the accessible version */>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false} stackOffset="sign">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e6e9ed" />
          <XAxis dataKey="short" tick={{ fontSize: 11 }} interval={0} />
          <YAxis tickFormatter={(v: number) => formatUSDShort(v)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip
            formatter={(v) => formatUSD(typeof v === "number" ? v : Number(v))}
            labelFormatter={(_label, payload) => (payload?.[0]?.payload as BarRow | undefined)?.option ?? String(_label)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {parts.map((c) => (
            <Bar key={c.key} dataKey={c.key} name={c.label} stackId="cost" fill={c.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
