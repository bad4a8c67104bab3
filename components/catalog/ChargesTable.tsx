/** Every AWS charge the estimator bills (lib/charges), with how many regions of the snapshot can price it. */
import type { ChargeCoverage } from "@/lib/catalog/charge-coverage";
import styles from "./catalog.module.css";

export function ChargesTable({ rows, regions, catalogId }: { rows: ChargeCoverage[]; regions: number; catalogId: string }) {
  return (
    <>
      <p className={styles.hintAlways}>The table scrolls sideways; the charge column stays in place.</p>
      <div className={styles.scroller} role="region" aria-labelledby="charges-caption" tabIndex={0}>
        <table className={styles.table} data-testid="charges-table">
          <caption id="charges-caption">
            The {rows.length} charges an estimate can have, and in how many of the {regions} regions of price catalog {catalogId} each can be priced
          </caption>
          <thead>
            <tr>
              <th scope="col" className={`${styles.sticky} ${styles.chargeName}`}>Charge</th>
              <th scope="col">Billed by (FOCUS service)</th>
              <th scope="col">Pricing</th>
              <th scope="col">Rate unit</th>
              <th scope="col">Regions priced</th>
              <th scope="col">Rule</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-charge={c.id}>
                <th scope="row" className={`${styles.sticky} ${styles.chargeName}`}>
                  {c.name}
                  <br />
                  <code className={styles.small}>{c.id}</code>
                </th>
                <td>
                  {c.focusService}
                  {c.awsService ? (
                    <>
                      <br />
                      <code className={styles.small}>{c.awsService}</code>
                    </>
                  ) : null}
                </td>
                <td>{c.pricing}</td>
                <td>{c.units.join(", ")}</td>
                <td>
                  {c.outsideCatalog ? (
                    <span className={styles.small}>not a catalog rate (every region)</span>
                  ) : (
                    <span className={styles.nowrap}>
                      {c.published + c.derived} of {regions}
                      {c.derived > 0 ? <span className={styles.small}> ({c.derived} derived)</span> : null}
                    </span>
                  )}
                  <br />
                  <span className={styles.small}>since {c.firstSnapshot}</span>
                </td>
                <td>
                  <code className={styles.small}>docs/billing-rules.md#{c.docs}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
