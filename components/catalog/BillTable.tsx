import { Fragment } from "react";
import { CATALOG_GROUPS } from "@/lib/charges";
import { BILL_KINDS, type FeeSummary, type KindSummary, type RegionSummary } from "@/lib/catalog/summary";
import { AvailabilityBadge } from "./AvailabilityBadge";
import styles from "./catalog.module.css";

const count = new Intl.NumberFormat("en-US");

function Kind({ kind }: { kind: KindSummary }) {
  return (
    <>
      <AvailabilityBadge value={kind.availability} />
      {kind.asOf.map((d, i) => (
        <Fragment key={d}>
          {i === 0 ? <br /> : ", "}
          <time dateTime={d} className={styles.nowrap}>
            {d}
          </time>
        </Fragment>
      ))}
    </>
  );
}

/** A per-type fee: which types carry AWS's own fee and how many the derived rule. */
function Fee({ fee }: { fee: FeeSummary }) {
  return (
    <>
      <Kind kind={fee} />
      {fee.availability !== "unavailable" ? (
        <>
          <br />
          <span className={styles.small} data-testid="fee-split">
            AWS&apos;s fee: {fee.awsTypes === 0 ? "no type" : `${count.format(fee.awsTypes)} ${fee.awsTypes === 1 ? "type" : "types"}`}
            {fee.awsTypeNames.length > 0 ? ` (${fee.awsTypeNames.join(", ")})` : ""}
            {fee.derivedTypes > 0 ? `; derived ${fee.derivedPct ?? ""}${fee.derivedPct !== null ? "% of On-Demand" : ""}: ${count.format(fee.derivedTypes)} types` : ""}
          </span>
        </>
      ) : null}
    </>
  );
}

/** One row per region: EC2 commitments, Managed Instances and EKS Auto Mode fees, ECS trunking and the rest of a service's bill. */
export function BillTable({ rows, catalogId }: { rows: RegionSummary[]; catalogId: string }) {
  return (
    <>
      <p className={styles.hintAlways}>The table scrolls sideways; the region column stays in place.</p>
      <div className={styles.scroller} role="region" aria-labelledby="bill-caption" tabIndex={0}>
        <table className={styles.table} data-testid="bill-table">
          <caption id="bill-caption">EC2 commitments, ECS options and the rest of the bill in price catalog {catalogId}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.sticky}>Region</th>
              <th scope="col">EC2 Reserved (1y, 3y)</th>
              <th scope="col">Managed Instances fee</th>
              <th scope="col">EKS Auto Mode fee</th>
              <th scope="col">ECS trunking</th>
              {BILL_KINDS.map((k) => (
                <th scope="col" key={k}>
                  {CATALOG_GROUPS[k].title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.region} data-region={r.region}>
                <th scope="row" className={styles.sticky}>
                  {r.region}
                </th>
                <td>
                  <Kind kind={r.ec2.reserved} />
                  {r.ec2.reserved.types > 0 ? <span className={styles.small}> ({count.format(r.ec2.reserved.types)} types)</span> : null}
                </td>
                <td>
                  <Fee fee={r.ec2.managedInstances} />
                </td>
                <td>
                  <Fee fee={r.ec2.autoMode} />
                </td>
                <td>
                  <span className={styles.nowrap}>{count.format(r.ec2.trunking.supported)} types trunk</span>
                  <br />
                  <span className={styles.small}>
                    {count.format(r.ec2.trunking.unsupported)} cannot, {count.format(r.ec2.trunking.notListed)} not listed
                  </span>
                  <br />
                  <span className={styles.small}>ECS table </span>
                  <time dateTime={r.ec2.trunking.asOf} className={styles.nowrap}>
                    {r.ec2.trunking.asOf}
                  </time>
                </td>
                {BILL_KINDS.map((k) => (
                  <td key={k}>
                    <Kind kind={r.bill[k]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
