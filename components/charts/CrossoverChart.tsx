"use client";
/**
 * Monthly cost vs task count for Fargate, Fargate Spot, EC2 and ECS Managed Instances, marking where EC2 (line
 * and label) and Managed Instances (dot) become cheaper than Fargate on-demand (the engine's crossovers) and the
 * current task count.
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUSD, formatUSDShort } from "@/lib/format";
import { SERIES } from "./data";
import type { CurveData } from "@/lib/present/curve";

export default function CrossoverChart({ curve }: { curve: CurveData }) {
  const x = curve.crossover;
  const mi = curve.managedInstancesCrossover;
  const maxTasks = curve.points.length > 0 ? curve.points[curve.points.length - 1]!.tasks : 0;
  // Keep the marker's label inside the plot whichever side of the chart the crossover falls on.
  const labelSide = x && x.tasks > maxTasks / 2 ? "insideTopRight" : "insideTopLeft";
  return (
    <div className="chart-frame" data-testid="chart-crossover" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={curve.points} margin={{ top: 18, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e6e9ed" />
          <XAxis dataKey="tasks" type="number" domain={["dataMin", "dataMax"]} tick={{ fontSize: 11 }} allowDecimals={false} />
          <YAxis tickFormatter={(v: number) => formatUSDShort(v)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip labelFormatter={(v) => `${String(v)} tasks`} formatter={(v) => formatUSD(typeof v === "number" ? v : Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} type="linear" />
          ))}
          <ReferenceLine x={curve.currentTasks} stroke="#57606a" strokeDasharray="4 3" label={{ value: "now", position: "insideBottomLeft", fontSize: 11, fill: "#57606a" }} />
          {x ? (
            <ReferenceLine x={x.tasks} stroke="#1a7f37" label={{ value: `EC2 cheaper from ${x.tasks}`, position: labelSide, fontSize: 11, fill: "#1a7f37" }} />
          ) : null}
          {x && x.ec2 !== null ? <ReferenceDot x={x.tasks} y={x.ec2} r={5} fill="#1a7f37" stroke="#fff" /> : null}
          {mi && mi.managedInstances !== null ? <ReferenceDot x={mi.tasks} y={mi.managedInstances} r={5} fill="#bc4c00" stroke="#fff" /> : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
