"use client";
/**
 * "Monthly cost comparison": the toolbar (share link, JSON/CSV export, import), the live status line, the
 * form's problems and one card per option.
 */
import { getDisplayState } from "@/components/currency/display-currency";
import type { ChangeEvent } from "react";
import type { EstimateResult, FieldError } from "@/lib/schemas/estimate";
import type { RegionCatalog } from "@/lib/catalog/schema";
import type { GravitonComparison } from "@/lib/present/graviton";
import dynamic from "next/dynamic";
import { SummaryCards } from "./Results";

const FormProblems = dynamic(() => import("./FormProblems").then((m) => m.FormProblems), { ssr: false });

function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Props {
  /** The last valid result (what is exported and shown). */
  result: EstimateResult;
  status: string;
  /** The status is a warning (stale result, loading failure). */
  statusWarn: boolean;
  errors: FieldError[];
  shareLink: string | null;
  copyStatus: string;
  onCopyLink: () => void;
  /** null: import is not available yet. */
  onImport: ((file: File) => void) | null;
  /** The result's price snapshot (FOCUS rows need its On-Demand rates); null while it loads. */
  catalog?: RegionCatalog | null;
  /** /compare with the current estimate as the "new" side. */
  compareHref?: string;
  /** For the problems in words: "api — vCPU per task: must be at most 16". */
  serviceNames?: ReadonlyArray<string>;
  environmentNames?: ReadonlyArray<string>;
  eks?: boolean;
  /** Every eligible service on arm64, side by side (null: none eligible or not computed yet). */
  graviton?: GravitonComparison | null;
}

export function ComparisonPanel({ result, status, statusWarn, errors, shareLink, copyStatus, onCopyLink, onImport, catalog = null, compareHref, serviceNames = [], environmentNames = [], eks = false, graviton = null }: Props) {
  const focusCatalog = catalog && catalog.catalogId === result.catalog.id && catalog.region === result.catalog.region ? catalog : null;
  /** FOCUS 1.2 rows of the recommended option for the current month (docs/focus-export.md). */
  const downloadFocus = async () => {
    if (!focusCatalog) return;
    // Loaded on the first click: the FOCUS rules are not part of the page's first-load JavaScript.
    const { focusFilename, focusRows, focusRowsToCsv } = await import("@/lib/export/focus");
    const month = new Date().toISOString().slice(0, 7);
    const rows = focusRows(result, { month, option: "recommended", catalog: focusCatalog });
    if (rows.ok) download(focusFilename(month, "csv"), focusRowsToCsv(rows.rows), "text/csv;charset=utf-8");
  };
  // The export code loads on the first click, outside the page's first-load JavaScript.
  const downloadJson = async () => {
    const { estimateToJson, exportFilename } = await import("@/lib/export/csv");
    // USD, as AWS bills; the display currency's rate is recorded when the page shows another one.
    download(exportFilename(new Date(), "json"), estimateToJson(result, getDisplayState()?.currency), "application/json");
  };
  const downloadCsv = async () => {
    const { estimateToCsv, exportFilename } = await import("@/lib/export/csv");
    download(exportFilename(new Date(), "csv"), estimateToCsv(result, getDisplayState()?.currency), "text/csv;charset=utf-8");
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file && onImport) onImport(file);
  };
  return (
    <section className="panel" aria-labelledby="compare-heading">
      <div className="panel-head">
        <h2 id="compare-heading">Monthly cost comparison</h2>
        <div className="toolbar">
          <button type="button" className="btn btn-primary" onClick={onCopyLink} data-testid="copy-link">
            Copy link
          </button>
          <button type="button" className="btn" onClick={downloadJson} data-testid="download-json">
            Download JSON
          </button>
          <button type="button" className="btn" onClick={downloadCsv} data-testid="download-csv">
            Download CSV
          </button>
          <button
            type="button"
            className="btn"
            onClick={downloadFocus}
            disabled={!focusCatalog || !result.recommendation}
            title="FinOps FOCUS 1.2 rows of the recommended option, for FinOps tools"
            data-testid="download-focus"
          >
            Download FOCUS CSV
          </button>
          {compareHref ? (
            <a className="btn" href={compareHref} data-testid="compare-link">
              Compare with…
            </a>
          ) : null}
          <span className="btn file-button">
            <label htmlFor="import-json">Import JSON or YAML</label>
            <input id="import-json" type="file" accept="application/json,.json,.yaml,.yml,application/yaml,text/yaml" onChange={onFile} disabled={!onImport} data-testid="import-json" />
          </span>
        </div>
      </div>
      <p className={`status${statusWarn ? " stale" : ""}`} role="status" data-testid="status">
        {status}
      </p>
      {errors.length > 0 ? <FormProblems errors={errors} context={{ serviceNames, environmentNames, eks }} /> : null}
      {shareLink ? (
        <div className="field share-field">
          <label htmlFor="share-link">Share link {copyStatus ? <span className="muted" style={{ fontWeight: 400 }}>({copyStatus})</span> : null}</label>
          <input id="share-link" type="text" readOnly value={shareLink} onFocus={(e) => e.target.select()} data-testid="share-link" />
        </div>
      ) : null}
      <div style={{ marginTop: 10 }}>
        <SummaryCards result={result} graviton={graviton} />
      </div>
    </section>
  );
}
