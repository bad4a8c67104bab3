/**
 * What every chart on / shows while recharts loads, and its table alternative behind "Show as a table". Plain
 * markup (no recharts), so it renders in the first HTML.
 */
import type { ReactNode } from "react";

export const ChartPlaceholder = () => <div className="chart-placeholder">Drawing chart…</div>;

interface TableAlternativeProps {
  testId: string;
  /** Read by screen readers only: what the table holds, with its unit. */
  caption: ReactNode;
  /** A tall table scrolls inside its own keyboard-focusable region, named by this label. */
  tallRegionLabel?: string;
  /** The table's thead and tbody. */
  children: ReactNode;
}

export function TableAlternative({ testId, caption, tallRegionLabel, children }: TableAlternativeProps) {
  const wrap = tallRegionLabel ? { className: "table-wrap table-tall", tabIndex: 0, role: "region", "aria-label": tallRegionLabel } : { className: "table-wrap" };
  return (
    <details>
      <summary>Show as a table</summary>
      <div {...wrap}>
        <table data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}

/** A table's column headers: an optional first (text) column, then right-aligned number columns. */
export function NumberColumnHeaders({ first, columns }: { first?: string; columns: ReadonlyArray<{ key: string; label: ReactNode }> }) {
  return (
    <thead>
      <tr>
        {first !== undefined ? <th scope="col">{first}</th> : null}
        {columns.map((c) => (
          <th key={c.key} scope="col" className="r">
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
