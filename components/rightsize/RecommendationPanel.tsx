"use client";
/**
 * The recommendation: the verdict, current vs recommended size, monthly cost of both on every launch type (with
 * the rates behind the recommended one) and the link that applies it to the estimate. Empty states say what is
 * missing. Every number comes from lib/rightsize's result.
 */
import { num } from "@/lib/format";
import type { RightsizeResult } from "@/lib/rightsize/recommend";
import { Banner } from "@/components/ui/fields";
import { CostComparisonTable, PriceLines } from "./CostTables";
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
            {r.underProvisioned.cpu && cpu ? <li>CPU peaked at {Math.round(cpu.peakPctOfCurrent)}% of {num(r.current.vcpu)} vCPU: the task was throttled, so it may need more than the data shows.</li> : null}
            {r.underProvisioned.memory && mem ? <li>Memory peaked at {Math.round(mem.peakPctOfCurrent)}% of {num(r.current.memoryGiB)} GiB: tasks risk being stopped for running out of memory.</li> : null}
          </ul>
        </Banner>
      ) : null}
      <div className={styles.sizes}>
        <div className={styles.sizeCard}>
          <h3>Current size</h3>
          <div className={`${styles.sizeValue} num`} data-testid="rec-current-size">
            {num(r.current.vcpu)} vCPU / {num(r.current.memoryGiB)} GiB
          </div>
          <div className={styles.sizeNote}>
            {r.current.os === "windows" ? "Windows" : "Linux"}, {r.current.architecture} · {num(r.tasks)} task(s)
            {currentFromFile ? <span data-testid="rec-current-source"> · from the file&apos;s reservation</span> : null}
          </div>
        </div>
        <div className={`${styles.sizeCard} ${styles.recommended}`}>
          <h3>Recommended size</h3>
          <div className={`${styles.sizeValue} num`} data-testid="rec-recommended-size">
            {num(r.recommended.vcpu)} vCPU / {num(r.recommended.memoryGiB)} GiB
          </div>
          <div className={styles.sizeNote}>
            needs {num(r.required.vcpu)} vCPU / {num(r.required.memoryGiB)} GiB
            {r.recommended.validFargateSize ? " → smallest valid Fargate size" : " (larger than any Fargate size)"}
          </div>
        </div>
      </div>
      <p className={styles.why} data-testid="rec-why">
        {r.why}
      </p>

      <CostComparisonTable result={r} />
      <PriceLines result={r} />
      <div className={styles.applyRow}>
        {applyHref ? (
          <a className="btn btn-primary" href={applyHref} data-testid="apply-to-estimate">
            {fromEstimate ? "Apply to estimate" : "Open as a new estimate"} ({num(r.recommended.vcpu)} vCPU / {num(r.recommended.memoryGiB)} GiB)
          </a>
        ) : null}
        <span className="small muted">Opens the estimator with this service resized; the link holds the whole estimate.</span>
      </div>
    </section>

  );
}
