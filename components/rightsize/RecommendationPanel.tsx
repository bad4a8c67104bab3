"use client";
/**
 * The recommendation: the verdict, current vs recommended size, monthly cost of both on every launch type (with
 * the rates behind the recommended one) and the link that applies it to the estimate. Empty states say what is
 * missing. Every number comes from lib/rightsize's result.
 */
import { formatRate } from "@/lib/format";
import { formatCents } from "@/lib/money";
import { presentOption } from "@/lib/present/estimate";
import { presentComparison } from "@/lib/present/rightsize";
import type { RightsizeResult } from "@/lib/rightsize/recommend";
import { Banner } from "@/components/ui/fields";
import { fmtSize, intFmt } from "./format";
import styles from "./rightsize.module.css";

/** Why there is no recommendation yet, in the order the user can act on it. */
export type RecommendationWaiting = "usage" | "input" | "catalog-loading" | "settings";

const WAITING: Record<RecommendationWaiting, string> = {
  usage: "Upload a utilization file to see the recommended size and what it costs on Fargate, Fargate Spot and ECS on EC2.",
  input: "Fix the highlighted fields of the current service to see the recommendation.",
  "catalog-loading": "Loading prices…",
  settings: "Fix the sizing rule to see the recommendation.",
};

const FINDING_LABEL: Record<RightsizeResult["finding"], string> = {
  "under-provisioned": "Under-provisioned",
  "over-provisioned": "Over-provisioned",
  optimized: "Right-sized",
};

interface Props {
  result: RightsizeResult | null;
  waiting: RecommendationWaiting;
  catalogError: string | null;
  applyHref: string | null;
  fromEstimate: boolean;
  /** Both parts of the current size were taken from the utilization file. */
  currentFromFile: boolean;
}

export function RecommendationPanel({ result: r, waiting, catalogError, applyHref, fromEstimate, currentFromFile }: Props) {
  if (catalogError) {
    return (
      <Banner tone="error" title="The price catalog could not be loaded">
        <p>{catalogError}</p>
      </Banner>
    );
  }
  if (!r) {
    return (
      <section className="panel" aria-labelledby="result-title">
        <h2 id="result-title">Recommendation</h2>
        <p className={styles.empty} data-testid="result-empty">
          {WAITING[waiting]}
        </p>
      </section>
    );
  }
  const cpu = r.observed.cpu;
  const mem = r.observed.memory;
  const findingLabel = FINDING_LABEL[r.finding];
  return (
    <section className="panel" aria-labelledby="result-title" data-testid="result">
      <div className="panel-head">
        <h2 id="result-title">
          Recommendation for {r.service}
          <span className={`${styles.finding} ${styles[`finding-${r.finding}`]}`} data-testid="rec-finding">
            {findingLabel}
          </span>
        </h2>
        <span className="small muted">
          {r.region} · prices {r.catalogId}
        </span>
      </div>
      {r.underProvisioned.any ? (
        <Banner tone="error" title="Usage reaches the current size" testId="rec-underprovisioned">
          <ul>
            {r.underProvisioned.cpu && cpu ? <li>CPU peaked at {Math.round(cpu.peakPctOfCurrent)}% of {fmtSize(r.current.vcpu)} vCPU: the task was throttled, so it may need more than the data shows.</li> : null}
            {r.underProvisioned.memory && mem ? <li>Memory peaked at {Math.round(mem.peakPctOfCurrent)}% of {fmtSize(r.current.memoryGiB)} GiB: tasks risk being stopped for running out of memory.</li> : null}
          </ul>
        </Banner>
      ) : null}
      <div className={styles.sizes}>
        <div className={styles.sizeCard}>
          <h3>Current size</h3>
          <div className={`${styles.sizeValue} num`} data-testid="rec-current-size">
            {fmtSize(r.current.vcpu)} vCPU / {fmtSize(r.current.memoryGiB)} GiB
          </div>
          <div className={styles.sizeNote}>
            {r.current.os === "windows" ? "Windows" : "Linux"}, {r.current.architecture} · {fmtSize(r.tasks)} task(s)
            {currentFromFile ? <span data-testid="rec-current-source"> · from the file&apos;s reservation</span> : null}
          </div>
        </div>
        <div className={`${styles.sizeCard} ${styles.recommended}`}>
          <h3>Recommended size</h3>
          <div className={`${styles.sizeValue} num`} data-testid="rec-recommended-size">
            {fmtSize(r.recommended.vcpu)} vCPU / {fmtSize(r.recommended.memoryGiB)} GiB
          </div>
          <div className={styles.sizeNote}>
            needs {fmtSize(r.required.vcpu)} vCPU / {fmtSize(r.required.memoryGiB)} GiB
            {r.recommended.validFargateSize ? " → smallest valid Fargate size" : " (larger than any Fargate size)"}
          </div>
        </div>
      </div>
      <p className={styles.why} data-testid="rec-why">
        {r.why}
      </p>

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
                  {savingsCents === null ? "—" : <span className={savingsCents >= 0 ? styles.save : styles.cost}>{savingsCents >= 0 ? formatCents(savingsCents) : `−${formatCents(-savingsCents)}`}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details data-testid="cost-lines">
        <summary>Where the recommended size&apos;s prices come from</summary>
        <div className="table-wrap">
          <table>
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
                        {intFmt.format(Math.round(l.quantity * 100) / 100)} {l.unit}
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
      <div className={styles.applyRow}>
        {applyHref ? (
          <a className="btn btn-primary" href={applyHref} data-testid="apply-to-estimate">
            {fromEstimate ? "Apply to estimate" : "Open as a new estimate"} ({fmtSize(r.recommended.vcpu)} vCPU / {fmtSize(r.recommended.memoryGiB)} GiB)
          </a>
        ) : null}
        <span className="small muted">Opens the estimator with this service resized; the link holds the whole estimate.</span>
      </div>
    </section>

  );
}
