"use client";
/**
 * Both charts with their titles and table alternatives. The recharts components are loaded with
 * next/dynamic after first paint (recharts is ~118 kB gzip); the tables render immediately.
 */
import { memo } from "react";
import dynamic from "next/dynamic";
import type { EstimateResult } from "@/lib/schemas/estimate";
import { formatUSD } from "@/lib/format";
import { costByComponent, presentComponents, SERIES } from "@/components/charts/data";
import type { CurveData } from "@/lib/present/curve";
import { ChartPlaceholder, NumberColumnHeaders, TableAlternative } from "@/components/charts/TableAlternative";

const CostBarChart = dynamic(() => import("@/components/charts/CostBarChart"), { ssr: false, loading: ChartPlaceholder });
const CrossoverChart = dynamic(() => import("@/components/charts/CrossoverChart"), { ssr: false, loading: ChartPlaceholder });

interface CrossoverProps {
  curve: CurveData | null;
  serviceNames: string[];
  curveService: number;
  onCurveService: (index: number) => void;
  /** Orchestrator EKS: pods, EC2 nodes and EKS on Fargate in the words. */
  eks?: boolean;
}

/** Stacked bar of the current result: part of the urgent update of an edit. */
export const CostChartPanel = memo(function CostChartPanel({ result }: { result: EstimateResult }) {
  const rows = costByComponent(result);
  const parts = presentComponents(rows);
  return (
      <section className="panel" aria-labelledby="chart-cost-title">
        <figure>
          <h2 id="chart-cost-title">Monthly cost by option and component</h2>
          <figcaption>Stacked: what each option pays for. Unavailable options are left out.</figcaption>
          <CostBarChart rows={rows} />
          <TableAlternative testId="table-cost" caption="Monthly cost by option and component, USD">
            <NumberColumnHeaders first="Option" columns={[...parts, { key: "total", label: "Total" }]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.option}</th>
                  {parts.map((c) => (
                    <td key={c.key} className="r">
                      {r[c.key] === undefined ? "—" : formatUSD(r[c.key])}
                    </td>
                  ))}
                  <td className="r">{formatUSD(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </TableAlternative>
        </figure>
      </section>
  );
});

/** Crossover chart: ~20 full estimates, so it is rendered from a deferred value (see Estimator). */
export const CrossoverPanel = memo(function CrossoverPanel({ curve, serviceNames, curveService, onCurveService, eks = false }: CrossoverProps) {
  const w = eks
    ? { title: "When do EC2 nodes become cheaper?", unit: "pod", units: "pods", Units: "Pods", ec2: "An EC2 node group", fargate: "EKS on Fargate", service: "workload" }
    : { title: "When does EC2 become cheaper?", unit: "task", units: "tasks", Units: "Tasks", ec2: "EC2", fargate: "Fargate on-demand", service: "service" };
  return (
      <section className="panel" aria-labelledby="chart-crossover-title">
        <figure>
          <h2 id="chart-crossover-title">{w.title}</h2>
          <figcaption>
            Monthly cost of the whole estimate as the {w.unit} count of one {w.service} changes
            {curve?.crossover ? (
              <>
                {"; "}
                <strong data-testid="crossover-text">{w.ec2} is cheaper than {w.fargate} from {curve.crossover.tasks} {curve.crossover.tasks === 1 ? w.unit : w.units} of {curve.serviceName}</strong>
              </>
            ) : curve ? (
              <span data-testid="crossover-text">; {w.ec2} is not cheaper than {w.fargate} in this range</span>
            ) : null}
            {curve?.managedInstancesCrossover ? (
              <span data-testid="crossover-mi-text">
                ; ECS Managed Instances from {curve.managedInstancesCrossover.tasks} {curve.managedInstancesCrossover.tasks === 1 ? w.unit : w.units}
              </span>
            ) : curve && curve.points.some((p) => p.managedInstances !== null) ? (
              <span data-testid="crossover-mi-text">; ECS Managed Instances is not cheaper in this range</span>
            ) : null}
            .
          </figcaption>
          {serviceNames.length > 1 ? (
            <div className="field" style={{ maxWidth: 260, marginBottom: 8 }}>
              <label htmlFor="curve-service">Vary the {w.unit} count of</label>
              <select id="curve-service" value={curveService} onChange={(e) => onCurveService(Number(e.target.value))}>
                {serviceNames.map((n, i) => (
                  <option key={i} value={i}>
                    {n || `Service ${i + 1}`}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {curve ? <CrossoverChart curve={curve} /> : <ChartPlaceholder />}
          {curve ? (
            <TableAlternative testId="table-crossover" caption={`Monthly cost vs ${w.unit} count of ${curve.serviceName}, USD`}>
              <NumberColumnHeaders columns={[{ key: "tasks", label: `${w.Units} of ${curve.serviceName}` }, ...SERIES]} />
              <tbody>
                {curve.points.map((p) => (
                  <tr key={p.tasks}>
                    <td className="r">
                      {p.tasks}
                      {curve.crossover?.tasks === p.tasks ? " ← EC2 cheaper from here" : ""}
                      {curve.managedInstancesCrossover?.tasks === p.tasks ? " ← Managed Instances cheaper from here" : ""}
                    </td>
                    {SERIES.map((s) => (
                      <td key={s.key} className="r">
                        {p[s.key] === null ? "n/a" : formatUSD(p[s.key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </TableAlternative>
          ) : null}
        </figure>
      </section>
  );
});
