"use client";
/**
 * Environments in the results: each environment's subtotal per option, what the estimate pays at zero tasks, and
 * the schedule chart (tasks and cost per hour over the week) with its table. Shown only when the estimate has
 * environments. Numbers come from result.environments / result.costAtZeroTasks (lib/engine/environments.ts).
 */
import { memo, useState } from "react";
import dynamic from "next/dynamic";
import type { EstimateResult } from "@/lib/schemas/estimate";
import { formatUSD } from "@/lib/format";
import { formatCents } from "@/lib/money";
import { environmentCents } from "@/lib/present/environments";
import { scheduleData } from "@/components/charts/schedule-data";
import { ChartPlaceholder, NumberColumnHeaders, TableAlternative } from "@/components/charts/TableAlternative";

const ScheduleChart = dynamic(() => import("@/components/charts/ScheduleChart"), { ssr: false, loading: ChartPlaceholder });

const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

export const SchedulePanel = memo(function SchedulePanel({ result }: { result: EstimateResult }) {
  const available = result.options.filter((o) => o.available);
  const [chosen, setChosen] = useState<string | null>(null);
  const optionId = chosen && available.some((o) => o.id === chosen) ? chosen : (result.recommendation?.optionId ?? available[0]?.id ?? "fargate");
  const envs = result.environments;
  if (!envs || envs.length === 0) return null;
  const data = scheduleData(result, optionId);
  const cents = environmentCents(result);
  const zero = new Map((result.costAtZeroTasks ?? []).map((z) => [z.optionId, z]));
  const option = result.options.find((o) => o.id === optionId);

  return (
    <section className="panel" aria-labelledby="schedule-title" data-testid="schedule-panel">
      <h2 id="schedule-title">Environments over the week</h2>
      {/* Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Monthly cost per environment">
        <table data-testid="table-environments">
          <caption className="visually-hidden">Monthly cost per environment and option, USD</caption>
          <NumberColumnHeaders first="Environment" columns={[{ key: "task-hours", label: "Task-hours / month" }, ...cents.map((c) => ({ key: c.optionId, label: c.label }))]} />
          <tbody>
            {envs.map((e, i) => (
              <tr key={e.name}>
                <th scope="row">
                  {e.name} <span className="line-tag">{num(e.onHoursPerWeek)} h a week, tasks × {num(e.multiplier)}</span>
                </th>
                <td className="r">{num(e.taskHoursPerMonth)}</td>
                {cents.map((c) => (
                  <td key={c.optionId} className="r">
                    {formatCents(c.environments[i])}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">
                Shared by all environments <span className="line-tag">network lines; EC2 instances kept while nothing runs</span>
              </th>
              <td className="r">—</td>
              {cents.map((c) => (
                <td key={c.optionId} className="r">
                  {formatCents(c.shared)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Total</th>
              <td className="r">{num(envs.reduce((s, e) => s + e.taskHoursPerMonth, 0))}</td>
              {cents.map((c) => (
                <td key={c.optionId} className="r">
                  <strong>{formatCents(c.total)}</strong>
                </td>
              ))}
            </tr>
            <tr data-testid="cost-at-zero">
              <th scope="row">
                Cost at zero tasks <span className="line-tag">what still bills with every environment scaled to zero</span>
              </th>
              <td className="r">0</td>
              {cents.map((c) => {
                const lines = zero.get(c.optionId)?.lines ?? [];
                return (
                  <td key={c.optionId} className="r" title={lines.length > 0 ? lines.join("; ") : "nothing"}>
                    {c.atZero === null ? "n/a" : formatCents(c.atZero)}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <figure>
        <figcaption>Tasks running and cost per hour over a week (UTC), stacked per environment. A week is 168 h; a month is 730 h.</figcaption>
        <div className="field schedule-option">
          <label htmlFor="schedule-option">Cost per hour of</label>
          <select id="schedule-option" value={optionId} onChange={(e) => setChosen(e.target.value)} data-testid="schedule-option">
            {available.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {data ? <ScheduleChart data={data} /> : <ChartPlaceholder />}
        {data ? (
          <TableAlternative testId="table-schedule" caption={`Tasks and cost per hour of the week, ${option?.label ?? optionId}`} tallRegionLabel="Tasks and cost per hour of the week">
            <NumberColumnHeaders
              first="Hour (UTC)"
              columns={[
                ...data.environments.map((name, i) => ({ key: `t${i}`, label: `${name} tasks` })),
                ...data.environments.map((name, i) => ({ key: `c${i}`, label: `${name} $/h` })),
                { key: "shared", label: "Shared $/h" },
              ]}
            />
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.hour}>
                  <th scope="row">{row.label}</th>
                  {data.environments.map((_, i) => (
                    <td key={`t${i}`} className="r">
                      {num(row[`t${i}`] as number)}
                    </td>
                  ))}
                  {data.environments.map((_, i) => (
                    <td key={`c${i}`} className="r">
                      {formatUSD(row[`c${i}`] as number)}
                    </td>
                  ))}
                  <td className="r">{formatUSD(row.shared)}</td>
                </tr>
              ))}
            </tbody>
          </TableAlternative>
        ) : null}
      </figure>
    </section>
  );
});
