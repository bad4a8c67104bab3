"use client";
/** The comparison report as tables: the same rows and sentences as the CLI's table and Markdown (lib/compare/render). */
import type { CompareReport, OptionDelta } from "@/lib/compare/compare";
import { compareTextModel, lineWhat, signedCents } from "@/lib/compare/render";
import type { ThresholdVerdict } from "@/lib/compare/threshold";
import { formatCents } from "@/lib/money";

const deltaClass = (cents: number | null) => (cents === null || cents === 0 ? "num" : cents > 0 ? "num delta-up" : "num delta-down");

function Table({ caption, head, rows, testId }: { caption: string; head: string[]; rows: Array<Array<{ text: string; className?: string }>>; testId?: string }) {
  return (
    // A table wider than a phone scrolls sideways: the region takes keyboard focus so it can be scrolled without a mouse.
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      {/* Phones: each row stacks into "label: value" lines (globals.css .stack-table), nothing is cut off. */}
      <table data-testid={testId} className="stack-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={cell.className} data-label={head[j]}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OptionDetails({ option, open }: { option: OptionDelta; open: boolean }) {
  const services = option.services.map((s) => [
    { text: s.name },
    { text: s.status },
    { text: formatCents(s.oldCents), className: "num" },
    { text: formatCents(s.newCents), className: "num" },
    { text: signedCents(s.deltaCents), className: deltaClass(s.deltaCents) },
    { text: signedCents(s.inputDeltaCents), className: deltaClass(s.inputDeltaCents) },
    { text: signedCents(s.priceDeltaCents), className: deltaClass(s.priceDeltaCents) },
  ]);
  const changed = option.lines.filter((l) => l.status !== "unchanged");
  const lines = changed.map((l) => [
    { text: l.service },
    { text: l.label },
    { text: l.status },
    { text: formatCents(l.old?.cents ?? null), className: "num" },
    { text: formatCents(l.new?.cents ?? null), className: "num" },
    { text: signedCents(l.deltaCents), className: deltaClass(l.deltaCents) },
    { text: lineWhat(l) },
  ]);
  return (
    <details className="option-block" open={open} data-testid={`compare-option-${option.id}`}>
      <summary>
        <strong>{option.label}</strong> <span className="muted">{option.status}</span>
      </summary>
      {option.oldReason || option.newReason ? (
        <p className="small muted">
          {option.oldReason ? `Old: unavailable: ${option.oldReason} ` : ""}
          {option.newReason ? `New: unavailable: ${option.newReason}` : ""}
        </p>
      ) : null}
      {services.length > 0 ? <Table caption={`Services of ${option.label}`} head={["Service", "Status", "Old", "New", "Change", "Input change", "Price change"]} rows={services} /> : null}
      <h4 className="small" style={{ margin: "8px 0 4px" }}>
        Changed lines
      </h4>
      {lines.length > 0 ? <Table caption={`Changed lines of ${option.label}`} head={["Service", "Line", "Status", "Old", "New", "Change", "What changed"]} rows={lines} testId={`compare-lines-${option.id}`} /> : <p className="small muted">No line changed.</p>}
    </details>
  );
}

export function CompareReportView({ report }: { report: CompareReport & { threshold: ThresholdVerdict } }) {
  const m = compareTextModel(report, report.threshold);
  const focusId = m.focus?.id;
  return (
    <section className="panel" aria-labelledby="report-heading" data-testid="compare-report">
      <div className="panel-head">
        <h2 id="report-heading">What changed</h2>
      </div>
      {m.verdict.length > 0 ? (
        <p className={`banner ${report.threshold.exceeded ? "banner-error" : "banner-info"}`} data-testid="compare-verdict">
          {m.verdict[0]}
        </p>
      ) : null}
      <p data-testid="compare-headline">
        <strong>{m.headline}</strong>
      </p>
      <p className="small">{m.repricing}</p>
      <ul className="small">
        <li>Old: {m.sides[0]}</li>
        <li>New: {m.sides[1]}</li>
      </ul>
      <h3 style={{ margin: "12px 0 6px" }}>Input changes</h3>
      {m.inputChanges.length > 0 ? (
        <Table caption="Input changes" testId="compare-input-changes" head={["Field", "Old", "New"]} rows={m.inputChanges.map((r) => r.map((text) => ({ text })))} />
      ) : (
        <p className="small muted">None: the same input.</p>
      )}
      <h3 style={{ margin: "12px 0 6px" }}>Per option</h3>
      <Table
        caption="Monthly total per option"
        testId="compare-options"
        head={["Option", "Status", "Old", "New", "Change", "Input change", "Price change"]}
        rows={report.options.map((o) => [
          { text: o.label },
          { text: o.status },
          { text: o.oldCents === null ? (o.oldReason ? "unavailable" : "—") : formatCents(o.oldCents), className: "num" },
          { text: o.newCents === null ? (o.newReason ? "unavailable" : "—") : formatCents(o.newCents), className: "num" },
          { text: signedCents(o.deltaCents), className: deltaClass(o.deltaCents) },
          { text: signedCents(o.inputDeltaCents), className: deltaClass(o.inputDeltaCents) },
          { text: signedCents(o.priceDeltaCents), className: deltaClass(o.priceDeltaCents) },
        ])}
      />
      <h3 style={{ margin: "14px 0 6px" }}>Per service and line</h3>
      {report.options.map((o) => (
        <OptionDetails key={o.id} option={o} open={o.id === focusId} />
      ))}
    </section>
  );
}
