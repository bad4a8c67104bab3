/**
 * The recommendation's two tables: monthly cost of the current and the recommended size on every launch type,
 * and the price lines behind the recommended size. Amounts are lib/present's cents, so "current - recommended
 * = savings" and each option's lines add up to its total on screen.
 */
import { formatQuantity, formatRate } from "@/lib/format";
import { formatCents, negCents } from "@/lib/money";
import { presentOption } from "@/lib/present/estimate";
import { presentComparison } from "@/lib/present/rightsize";
import type { RightsizeResult } from "@/lib/rightsize/recommend";
import styles from "./rightsize.module.css";

export function CostComparisonTable({ result: r }: { result: RightsizeResult }) {
  return (
    <div className="table-wrap" style={{ marginTop: 12 }}>
      <table data-testid="cost-table" className={styles.costTable}>
        <caption className={styles.caption}>Monthly cost, current vs recommended size</caption>
        <thead>
          <tr>
            <th scope="col">Launch type</th>
            <th scope="col" className="r">
              Current
            </th>
            <th scope="col" className="r">
              Recom&shy;mended
            </th>
            <th scope="col" className="r">
              Savings
            </th>
          </tr>
        </thead>
        <tbody>
          {r.options.map(presentComparison).map(({ comparison: o, currentCents, recommendedCents, savingsCents }) => (
            <tr key={o.id}>
              <th scope="row" style={{ background: "transparent", whiteSpace: "normal" }}>
                {o.label}
                {o.currentPlan || o.recommendedPlan ? (
                  <div className="small muted" style={{ fontWeight: 400 }}>
                    {o.currentPlan ?? "—"} → {o.recommendedPlan ?? "—"}
                  </div>
                ) : null}
                {o.reason ? (
                  <div className="small muted" style={{ fontWeight: 400 }}>
                    {o.reason}
                  </div>
                ) : null}
              </th>
              <td className="r" data-testid={`cost-${o.id}-current`}>
                {currentCents === null ? "unavailable" : formatCents(currentCents)}
              </td>
              <td className="r" data-testid={`cost-${o.id}-recommended`}>
                {recommendedCents === null ? "unavailable" : formatCents(recommendedCents)}
              </td>
              <td className="r" data-testid={`cost-${o.id}-savings`}>
                {savingsCents === null ? "—" : <span className={savingsCents >= 0 ? styles.save : styles.cost}>{savingsCents >= 0 ? formatCents(savingsCents) : `−${formatCents(negCents(savingsCents))}`}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PriceLines({ result: r }: { result: RightsizeResult }) {
  return (
    <details data-testid="cost-lines">
      <summary>Where the recommended size&apos;s prices come from</summary>
      <div className="table-wrap">
        <table className={styles.linesTable}>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Line</th>
              <th scope="col" className="r">
                Quantity
              </th>
              <th scope="col" className="r">
                Rate
              </th>
              <th scope="col" className="r">
                Monthly
              </th>
              <th scope="col">Usage type · price date</th>
            </tr>
          </thead>
          <tbody>
            {r.estimates.recommended.options
              .map(presentOption)
              .filter((p) => p.totalCents !== null)
              .flatMap(({ option: o, groups, totalCents }) => [
                ...groups
                  .flatMap((g) => g.lines)
                  .map(({ line: l, cents }, i) => (
                  <tr key={`${o.id}-${i}`}>
                    <td>{i === 0 ? o.label : ""}</td>
                    <td>{l.label ?? l.component}</td>
                    <td className="r">
                      {formatQuantity(l.quantity)} {l.unit}
                    </td>
                    <td className="r">{formatRate(l.rateUSD)}</td>
                    <td className="r">{formatCents(cents)}</td>
                    <td>
                      <span className="usage-type">{l.usageType ?? "—"}</span> · {l.asOf}
                      {l.derived ? (
                        <span className="derived" title={l.note ?? "derived rate"}>
                          {" "}
                          (derived)
                        </span>
                      ) : null}
                    </td>
                  </tr>
                  )),
                <tr key={`${o.id}-total`} className="total">
                  <td></td>
                  <td>Total</td>
                  <td colSpan={2}></td>
                  <td className="r">{formatCents(totalCents)}</td>
                  <td></td>
                </tr>,
              ])}
          </tbody>
        </table>
      </div>
    </details>
  );
}
