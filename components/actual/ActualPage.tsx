"use client";
/**
 * /actual: an estimate (share link, JSON export or input) held against one month of the AWS bill. The bill is read
 * in a Web Worker on this device (./bill.worker.ts) and never sent anywhere; the estimate is priced here too, from
 * the bundled price files the page fetches. Every number and sentence comes from lib/actual.
 */
import "@/components/security/zod-browser";
import { useEffect, useMemo, useState, type ChangeEvent, type DragEvent } from "react";
import { calibrateEstimate, type CalibrateOutcome } from "@/lib/actual";
import { buildVarianceReport } from "@/lib/actual/variance";
import { checkTagKey, defaultTagKeys, tagKeysFor } from "@/lib/actual/tags";
import { CatalogLookupError } from "@/lib/catalog/errors";
import { parseRegionCatalog } from "@/lib/catalog/parse";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { readCompareSide } from "@/lib/compare/read";
import { formatMegabytes, formatQuantity } from "@/lib/format";
import { formatUSD } from "@/lib/money";
import { estimateWithLoader } from "@/lib/pipeline/estimate";
import { fetchRegionCatalog } from "@/lib/pipeline/region-catalog";
import { encodeShareToken } from "@/lib/share/codec";
import { shareTokenFromSearch } from "@/lib/share/codec-url";
import { Banner, FieldErrorList } from "@/components/ui/fields";
import { useOpenedLink } from "@/components/hooks/useShareLink";
import { ReportView } from "./ReportView";
import { useBillFile, type BillState } from "./useBillFile";
import styles from "./actual.module.css";

type Catalogs = Record<string, { catalog: RegionCatalog } | { error: string }>;

export function ActualPage({ newestCatalogId, bundledCatalogIds, exampleInput }: { newestCatalogId: string; bundledCatalogIds: string[]; exampleInput: string }) {
  const [estimateText, setEstimateText] = useState("");
  const [tagText, setTagText] = useState("");
  const [optionId, setOptionId] = useState("recommended");
  const [file, setFile] = useState<File | null>(null);
  const [catalogs, setCatalogs] = useState<Catalogs>({});
  const [calibrated, setCalibrated] = useState<{ forReport: unknown; outcome: CalibrateOutcome } | null>(null);
  const [dragging, setDragging] = useState(false);
  const { bill, elapsed, start, cancel } = useBillFile();

  // Opened from the estimator with ?s=<share token>: that estimate.
  useOpenedLink(shareTokenFromSearch, (token) => setEstimateText(token));

  const side = useMemo(() => (estimateText.trim() === "" ? null : readCompareSide(estimateText, "estimate")), [estimateText]);
  const input = side?.ok ? side.side.input : null;
  const region = input?.region ?? null;
  const wanted = useMemo(() => {
    if (!input) return [];
    return [...new Set([input.catalog ?? newestCatalogId, newestCatalogId])].filter((id) => bundledCatalogIds.includes(id)).map((id) => `${id}/${input.region}`);
  }, [input, newestCatalogId, bundledCatalogIds]);

  useEffect(() => {
    for (const key of wanted) {
      if (catalogs[key]) continue;
      const [id, r] = key.split("/") as [string, string];
      fetchRegionCatalog(fetch, parseRegionCatalog, id, r)
        .then((catalog) => setCatalogs((c) => ({ ...c, [key]: { catalog } })))
        .catch((e: unknown) => setCatalogs((c) => ({ ...c, [key]: { error: e instanceof Error ? e.message : String(e) } })));
    }
  }, [wanted, catalogs]);

  const catalogsReady = wanted.every((k) => catalogs[k]);
  const catalogError = wanted.map((k) => catalogs[k]).find((c): c is { error: string } => !!c && "error" in c)?.error ?? null;
  const loader = useMemo(
    () => (r: string, id: string | undefined) => {
      const entry = catalogs[`${id ?? newestCatalogId}/${r}`];
      if (entry && "catalog" in entry) return entry.catalog;
      throw new CatalogLookupError("unknown-catalog", `price snapshot ${id ?? newestCatalogId} is not bundled with this site (bundled: ${bundledCatalogIds.join(", ")})`, bundledCatalogIds);
    },
    [catalogs, newestCatalogId, bundledCatalogIds],
  );
  const estimate = useMemo(() => (input && catalogsReady && !catalogError ? estimateWithLoader(input, loader) : null), [input, catalogsReady, catalogError, loader]);
  const result = estimate?.ok ? estimate.result : null;

  const tagProblem = tagText.trim() === "" ? null : checkTagKey(tagText);
  const tagKeys = useMemo(() => tagKeysFor(input?.orchestrator, tagProblem ? null : tagText), [input?.orchestrator, tagText, tagProblem]);
  const readWith = bill.status === "done" ? bill.aggregate : null;
  const stale = readWith !== null && (readWith.region !== region || readWith.tagKeys.service.join() !== tagKeys.service.join());

  const report = useMemo(() => (result && readWith && !stale ? buildVarianceReport(result, readWith, { optionId }) : null), [result, readWith, stale, optionId]);
  // A calibration belongs to the report it was made from: a new bill, tag or option hides it.
  const calibration = calibrated && report?.ok && calibrated.forReport === report.report ? calibrated.outcome : null;

  const read = (f: File) => {
    setFile(f);
    if (region) start(f, region, tagKeys);
  };
  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (f) read(f);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) read(f);
  };
  const calibrate = () => {
    if (!result || !report?.ok) return;
    setCalibrated({ forReport: report.report, outcome: calibrateEstimate(result.input, report.report, loader) });
  };
  const compareHref =
    calibration?.ok && result ? `/compare?old=${encodeURIComponent(encodeShareToken(result.input))}&new=${encodeURIComponent(encodeShareToken(calibration.calibrated.input))}` : null;
  const calibratedOption = calibration?.ok && report?.ok ? calibration.calibrated.result.options.find((o) => o.id === report.report.option.id) : null;

  return (
    <div className="stack">
      <div className={styles.privacy} role="note" data-testid="privacy-note">
        <svg className={styles.lock} aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <rect x="4" y="11" width="16" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
        <div>
          <strong>The bill never leaves your browser.</strong> It is read and summed on this device, in a background Web Worker; nothing is uploaded. The estimate is
          priced here too, from the public price file of its region.
        </div>
      </div>

      <div className={styles.layout}>
        <section className="panel" aria-labelledby="estimate-title">
          <div className="panel-head">
            <h2 id="estimate-title" className={styles.panelTitle}>
              <span className={styles.step} aria-hidden="true">1</span>The estimate
            </h2>
          </div>
          <div className="field">
            <label htmlFor="estimate-text">Share link, JSON export or estimate input</label>
            <textarea id="estimate-text" rows={5} value={estimateText} onChange={(e) => setEstimateText(e.target.value)} spellCheck={false} data-testid="estimate-text" aria-describedby="estimate-hint" />
            <span className="hint" id="estimate-hint">
              Copy the link from the estimator (&ldquo;Copy link&rdquo;), or paste its JSON export.
            </span>
          </div>
          <div className="toolbar" style={{ marginTop: 8 }}>
            <button type="button" className="btn" onClick={() => setEstimateText(exampleInput)} data-testid="use-example">
              Use the example estimate (api + web)
            </button>
          </div>
          {side && !side.ok ? <FieldErrorList errors={side.errors} className="errors" testId="estimate-errors" label="Problems with the estimate" /> : null}
          {estimate && !estimate.ok ? <FieldErrorList errors={estimate.errors} className="errors" testId="estimate-errors" label="Problems with the estimate" /> : null}
          {catalogError ? (
            <Banner tone="error" title="The prices could not be loaded" testId="catalog-error">
              <p>{catalogError}</p>
            </Banner>
          ) : null}
          {input && !catalogsReady ? <p className="small muted">Loading the prices of {input.region}…</p> : null}
          {result ? (
            <p className="small" data-testid="estimate-summary">
              {input?.services.length} service{input?.services.length === 1 ? "" : "s"} in {result.catalog.region}, price catalog {result.catalog.id}; recommended:{" "}
              {result.options.find((o) => o.id === result.recommendation?.optionId)?.label ?? "none"}
              {result.recommendation ? ` at ${formatUSD(result.recommendation.monthlyUSD)}/month` : ""}.
            </p>
          ) : null}
          <div className={`fields ${styles.stackFields}`} style={{ marginTop: 8 }}>
            <div className="field">
              <label htmlFor="service-tag">Tag that names the service</label>
              <input id="service-tag" type="text" value={tagText} onChange={(e) => setTagText(e.target.value)} placeholder={defaultTagKeys(input?.orchestrator).service.join(" or ")} data-testid="service-tag" aria-describedby="service-tag-hint" />
              <span className="hint" id="service-tag-hint">
                A cost allocation tag on the bill&rsquo;s rows whose value is the service name. Default: AWS&rsquo;s ECS tag (EKS: the workload tag).
              </span>
              {tagProblem ? <span className="error">{tagProblem}</span> : null}
            </div>
            <div className="field">
              <label htmlFor="option">Compare with the option</label>
              <select id="option" value={optionId} onChange={(e) => setOptionId(e.target.value)} data-testid="option">
                <option value="recommended">The recommended one</option>
                {(result?.options ?? [])
                  .filter((o) => o.available)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
              </select>
            </div>
          </div>
        </section>

        <section className="panel" aria-labelledby="bill-title">
          <div className="panel-head">
            <h2 id="bill-title" className={styles.panelTitle}>
              <span className={styles.step} aria-hidden="true">2</span>The bill
            </h2>
          </div>
          <div
            className={`${styles.drop} ${dragging ? styles.active : ""}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label className={`btn btn-primary file-button ${region ? "" : styles.disabled}`}>
              Choose a bill export…
              <input type="file" accept=".csv,.gz,.parquet,text/csv,application/gzip,application/vnd.apache.parquet" onChange={onInput} disabled={!region} data-testid="bill-file" aria-label="Bill export (FOCUS or CUR 2.0: CSV, gzip CSV or Parquet)" />
            </label>
            <p>
              {region ? "or drop it here. " : "First give the estimate (step 1). "}One month of AWS Data Exports: FOCUS 1.0 or 1.2 with AWS columns, or CUR 2.0; CSV, gzip CSV (.csv.gz) or
              Parquet; up to 1 GB.
            </p>
          </div>
          <BillStatus bill={bill} elapsed={elapsed} onCancel={cancel} />
          {stale && file ? (
            <div className="toolbar" style={{ marginTop: 8 }}>
              <button type="button" className="btn" onClick={() => region && start(file, region, tagKeys)} data-testid="read-again">
                Read {file.name} again with {tagKeys.service.join(" or ")} in {region}
              </button>
            </div>
          ) : null}
        </section>
      </div>

      {report && !report.ok ? (
        <Banner tone="error" title="The bill cannot be compared with this estimate" testId="report-error">
          <p>{sentence(report.error)}</p>
        </Banner>
      ) : null}
      {report?.ok ? <ReportView report={report.report} /> : null}

      {report?.ok ? (
        <section className="panel" aria-labelledby="calibrate-title">
          <div className="panel-head">
            <h2 id="calibrate-title">Calibrate the estimate from the bill</h2>
          </div>
          <p className="small">
            A new estimate whose usage comes from the bill: average running tasks, NAT, endpoint, log and egress GB, load balancer capacity units. Open it next to the
            original in /compare to see what changed.
          </p>
          <div className="toolbar">
            <button type="button" className="btn btn-primary" onClick={calibrate} data-testid="calibrate">
              Calibrate
            </button>
            {compareHref ? (
              <a className="btn" href={compareHref} data-testid="open-compare">
                Compare with the original →
              </a>
            ) : null}
          </div>
          {calibration && !calibration.ok ? <FieldErrorList errors={calibration.errors} className="errors" testId="calibrate-errors" label="Problems" /> : null}
          {calibration?.ok ? (
            <div data-testid="calibration">
              <p>
                <strong>
                  Calibrated {calibratedOption?.label ?? "estimate"}: {calibratedOption?.monthlyUSD != null ? `${formatUSD(calibratedOption.monthlyUSD)}/month` : "unavailable"}
                </strong>{" "}
                (was {formatUSD(report.report.totals.estimatedUSD)}).
              </p>
              <ul className="warnings">
                {calibration.calibrated.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
              {calibration.calibrated.catalogNote ? <p className="small muted">{calibration.calibrated.catalogNote}</p> : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** lib's messages are clauses ("the file is empty"); a banner shows them as a sentence. */
function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function BillStatus({ bill, elapsed, onCancel }: { bill: BillState; elapsed: number; onCancel: () => void }) {
  if (bill.status === "idle") return null;
  if (bill.status === "cancelled") {
    return (
      <div className={styles.status} role="status" data-testid="bill-status">
        Cancelled {bill.fileName} at {Math.round(bill.fraction * 100)}%; nothing was kept. Choose a file to start again.
      </div>
    );
  }
  if (bill.status === "working") {
    const pct = Math.round(bill.fraction * 100);
    return (
      <div className={styles.status} role="status" aria-live="polite" data-testid="bill-status">
        <progress className={styles.progress} max={100} value={pct} aria-label="Reading progress" />
        <div>
          Reading {pct}% · {bill.fileName} ({formatMegabytes(bill.bytes)}) · {(elapsed / 1000).toFixed(1)} s
        </div>
        <button type="button" className="btn" onClick={onCancel} data-testid="bill-cancel">
          Cancel
        </button>
      </div>
    );
  }
  if (bill.status === "error") {
    return (
      <div style={{ marginTop: 10 }}>
        <Banner tone="error" title={`${bill.fileName} cannot be used`} testId="bill-error">
          <p>{sentence(bill.error)}</p>
        </Banner>
      </div>
    );
  }
  const a = bill.aggregate;
  return (
    <div className={styles.status} role="status" data-testid="bill-status">
      <strong>{bill.fileName}</strong>: {a.format}, {a.periodStart ? a.periodStart.slice(0, 7) : "no period"}; {formatQuantity(a.rowsRead)} rows read in{" "}
      {(bill.readMs / 1000).toFixed(2)} s ({bill.bytes < 100 * 1024 ? `${Math.max(1, Math.round(bill.bytes / 1024))} KB` : formatMegabytes(bill.bytes)}, in a background worker), {formatQuantity(a.rowsInRegion)} in {a.region}.
    </div>
  );
}
