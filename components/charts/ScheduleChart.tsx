"use client";
/**
 * Tasks and cost over the week (168 hours, UTC), stacked per environment; the cost chart adds the lines shared by
 * all environments. Loaded after first paint (recharts is large); the table next to it is the accessible version.
 */
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUSD, formatUSDShort } from "@/lib/format";
import { ENV_COLORS, SHARED_COLOR, weekHourLabel, type ScheduleData } from "./schedule-data";

const DAY_TICKS = [0, 24, 48, 72, 96, 120, 144];
const dayTick = (h: number) => weekHourLabel(h).slice(0, 3);

function WeekAxis() {
  return <XAxis dataKey="hour" type="number" domain={[0, 167]} ticks={DAY_TICKS} tickFormatter={dayTick} tick={{ fontSize: 11 }} />;
}

export default function ScheduleChart({ data }: { data: ScheduleData }) {
  const label = (v: unknown) => `${weekHourLabel(Number(v))} UTC`;
  return (
    <div data-testid="chart-schedule" aria-hidden="true">
      <div className="chart-frame chart-frame-short">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data.rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e6e9ed" />
            {WeekAxis()}
            <YAxis tick={{ fontSize: 11 }} width={56} allowDecimals label={{ value: "tasks", angle: -90, position: "insideLeft", fontSize: 11 }} />
            <Tooltip labelFormatter={label} formatter={(v) => Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {data.environments.map((name, i) => (
              <Area key={i} dataKey={`t${i}`} name={name} stackId="tasks" type="stepAfter" stroke={ENV_COLORS[i % ENV_COLORS.length]} fill={ENV_COLORS[i % ENV_COLORS.length]} fillOpacity={0.35} isAnimationActive={false} />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <div className="chart-frame chart-frame-short">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data.rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e6e9ed" />
            {WeekAxis()}
            {/* Dollars per hour are often cents: the whole-dollar axis format would print $0 on every tick. */}
            <YAxis tickFormatter={(v: number) => (v >= 10 ? formatUSDShort(v) : `$${v.toFixed(2)}`)} tick={{ fontSize: 11 }} width={56} />
            <Tooltip labelFormatter={label} formatter={(v) => `${formatUSD(Number(v))}/h`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {data.sharedMonthlyUSD > 0 ? <Area dataKey="shared" name="Shared by all" stackId="cost" type="stepAfter" stroke={SHARED_COLOR} fill={SHARED_COLOR} fillOpacity={0.5} isAnimationActive={false} /> : null}
            {data.environments.map((name, i) => (
              <Area key={i} dataKey={`c${i}`} name={name} stackId="cost" type="stepAfter" stroke={ENV_COLORS[i % ENV_COLORS.length]} fill={ENV_COLORS[i % ENV_COLORS.length]} fillOpacity={0.35} isAnimationActive={false} />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
