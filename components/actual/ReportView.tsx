"use client";
/** The variance report as the page shows it: every number and sentence comes from lib/actual (nothing computed here). */
import type { VarianceLine, VarianceReport } from "@/lib/actual/variance";
import { formatQuantity } from "@/lib/format";
import { formatUSD } from "@/lib/money";
import styles from "./actual.module.css";

const signed = (usd: number) => (usd >= 0.005 ? `+${formatUSD(usd)}` : usd <= -0.005 ? `-${formatUSD(-usd)}` : "$0.00");
const gapClass = (usd: number) => (Math.abs(usd) < 0.005 ? "num" : usd > 0 ? "num delta-up" : "num delta-down");

function LinesTable({ lines, caption, testId }: { lines: VarianceLine[]; caption: string; testId?: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Charge</th>
            <th scope="col" className="num">Estimated</th>
            <th scope="col" className="num">Actual</th>
            <th scope="col" className="num">Gap</th>
            <th scope="col" className="num">Usage (actual / estimated)</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.charge}>
              <td>{l.label}</td>
              <td className="num">{formatUSD(l.estimatedUSD)}</td>
              <td className="num">{formatUSD(l.actualUSD)}</td>
              <td className={gapClass(l.gapUSD)}>{signed(l.gapUSD)}</td>
              <td className="num">
                {formatQuantity(l.actualQuantity)} / {formatQuantity(l.estimatedQuantity)} {l.unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportView({ report }: { report: VarianceReport }) {
  const t = report.totals;
  const pct = t.gapPct === null ? "" : ` (${t.gapPct >= 0 ? "+" : ""}${formatQuantity(Math.round(t.gapPct * 10) / 10)}%)`;
  return (
    <section className={`panel ${styles.report}`} aria-labelledby="report-title" data-testid="variance-report">
      <div className="panel-head">
        <h2 id="report-title">
          {report.period ?? "The bill"} in {report.region}: estimate vs bill
        </h2>
      </div>
      <p className="small muted">
        {report.format} · {formatQuantity(report.rows.read)} rows read, {formatQuantity(report.rows.recognised)} recognised as charges the estimator models · option{" "}
        {report.option.label} · price catalog {report.catalog}
        {report.periodHours ? ` · ${formatQuantity(report.periodHours)} h in the period` : ""}
      </p>
      <div className="cards" data-testid="variance-totals">
        <div className="card">
          <h3>Estimated</h3>
          <div className="amount">{formatUSD(t.estimatedUSD)}</div>
          <div className="small muted">the {report.option.label} option, a 730-hour month</div>
        </div>
        <div className="card">
          <h3>Actual</h3>
          <div className="amount" data-testid="actual-total">{formatUSD(t.actualUSD)}</div>
          <div className="small muted">effective cost; billed {formatUSD(t.billedUSD)}</div>
        </div>
        <div className="card">
          <h3>Gap</h3>
          <div className={`amount ${t.gapUSD > 0.005 ? "delta-up" : t.gapUSD < -0.005 ? "delta-down" : ""}`} data-testid="gap-total">
            {signed(t.gapUSD)}
            {pct}
          </div>
          <div className="small muted">actual − estimated, on the charges the estimator models</div>
        </div>
      </div>
      {report.topGap ? (
        <p className="why" data-testid="top-gap">
          <strong>Largest gap:</strong> {report.topGap.sentence}
        </p>
      ) : (
        <p className="why">The bill matches the estimate on every charge.</p>
      )}

      <h3 style={{ marginTop: 16 }}>By service</h3>
      <div className="table-wrap" role="region" aria-label="Estimated and actual cost per service" tabIndex={0}>
        <table data-testid="variance-services">
          <caption className="visually-hidden">Estimated and actual cost per service, largest gap first</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="num">Estimated</th>
              <th scope="col" className="num">Actual</th>
              <th scope="col" className="num">Gap</th>
            </tr>
          </thead>
          <tbody>
            {report.services.map((s) => (
              <tr key={s.name}>
                <td>{s.name}</td>
                <td className="num">{formatUSD(s.estimatedUSD)}</td>
                <td className="num">{formatUSD(s.actualUSD)}</td>
                <td className={gapClass(s.gapUSD)}>{signed(s.gapUSD)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.services.map((s) =>
        s.lines.length > 0 ? (
          <details key={s.name} style={{ marginTop: 8 }}>
            <summary>
              {s.name}: {s.lines.length} charge{s.lines.length === 1 ? "" : "s"}
            </summary>
            <LinesTable lines={s.lines} caption={`Charges of ${s.name}`} />
            <ul className="warnings">
              {s.lines.map((l) => (
                <li key={l.charge}>{l.sentence}</li>
              ))}
            </ul>
          </details>
        ) : null,
      )}

      <h3 style={{ marginTop: 16 }}>By charge, largest gap first</h3>
      <LinesTable lines={report.charges} caption="Estimated and actual cost per charge" testId="variance-charges" />
      <ul className="warnings" data-testid="charge-sentences">
        {report.charges.map((l) => (
          <li key={l.charge}>{l.sentence}</li>
        ))}
      </ul>

      {report.missing.length > 0 || t.otherRegionsUSD !== 0 ? (
        <>
          <h3 style={{ marginTop: 16 }}>In the bill, not in the estimate</h3>
          <ul className="warnings" data-testid="variance-missing">
            {report.missing.map((m, i) => (
              <li key={i}>{m.sentence}</li>
            ))}
            {t.otherRegionsUSD !== 0 ? <li>Other regions and rows without a region: {formatUSD(t.otherRegionsUSD)} (not compared).</li> : null}
          </ul>
        </>
      ) : null}

      {report.unmapped.length > 0 ? (
        <>
          <h3 style={{ marginTop: 16 }}>Not mapped to a service</h3>
          <p className="small muted">
            Rows whose tag {report.tag.service.join(" or ")} names no service of the estimate. They count in the totals and the charges, not in a service.
          </p>
          <ul className="warnings" data-testid="variance-unmapped">
            {report.unmapped.map((u, i) => (
              <li key={i}>{u.sentence}</li>
            ))}
          </ul>
        </>
      ) : null}

      {report.problems.count > 0 ? (
        <details style={{ marginTop: 12 }} data-testid="variance-problems">
          <summary>{formatQuantity(report.problems.count)} row(s) could not be read and were skipped</summary>
          <ul className="warnings">
            {report.problems.examples.map((p, i) => (
              <li key={i}>
                Row {p.row}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.notes.length > 0 ? (
        <>
        <h3 style={{ marginTop: 16 }}>Notes</h3>
        <ul className="warnings small" data-testid="variance-notes">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
        </>
      ) : null}
    </section>
  );
}
