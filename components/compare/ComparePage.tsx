"use client";
/**
 * /compare: two estimates (a share link, a JSON export or an input; pasted or uploaded; ?old= and ?new= prefill
 * them, "Compare with..." on / sends the current form as ?new=) -> POST /api/compare -> the report. Every number
 * and text comes from lib/compare; nothing is computed here.
 */
import { useLayoutEffect, useRef, useState, type ChangeEvent } from "react";
import { useOpenedLink } from "@/components/hooks/useShareLink";
import type { CompareReport } from "@/lib/compare/compare";
import type { ThresholdVerdict } from "@/lib/compare/threshold";
import { renderCompareMarkdown } from "@/lib/compare/render";
import type { FieldError } from "@/lib/field-errors";
import { plainMessage } from "@/lib/present/plain-message";
import { CompareReportView } from "./CompareReportView";

type Report = CompareReport & { threshold: ThresholdVerdict };

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The two sides a page was opened with; "+" of lz-string's alphabet may arrive as a space. */
function readSides(search: string): { old: string | null; new: string | null } | null {
  const params = new URLSearchParams(search);
  const fix = (v: string | null) => (v === null ? null : v.replace(/ /g, "+"));
  const sides = { old: fix(params.get("old")), new: fix(params.get("new")) };
  return sides.old || sides.new ? sides : null;
}

/** "old", "new.services[0].vcpu" -> the side in words and the problem ("Old estimate — services[0].vcpu: must be at most 16"). */
function compareProblem(e: FieldError): string {
  const m = /^(old|new)(?:\.(.+))?$/.exec(e.path);
  const limit: Record<string, string> = { maxIncrease: "Fail above an increase of (USD/month)", maxIncreasePct: "or of (% of the old total)" };
  if (!m) return `${limit[e.path] ?? e.path}: ${plainMessage(e.message)}`;
  const side = m[1] === "old" ? "Old estimate" : "New estimate";
  return m[2] ? `${side} — field ${m[2]}: ${plainMessage(e.message)}` : `${side}: ${plainMessage(e.message)}`;
}

function SideInput({ id, label, value, onChange, hint }: { id: "old" | "new"; label: string; value: string; onChange: (v: string) => void; hint: string }) {
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(`${file.name} is too large (${file.size} bytes; at most ${MAX_FILE_BYTES})`);
      return;
    }
    setFileProblem(null);
    onChange(await file.text());
  };
  return (
    <div className="field compare-side">
      <label htmlFor={`${id}-side`}>{label}</label>
      <textarea id={`${id}-side`} rows={5} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} aria-describedby={`${id}-hint`} data-testid={`${id}-side`} />
      <span className="hint" id={`${id}-hint`}>
        {hint}
      </span>
      <span className="btn file-button" style={{ alignSelf: "flex-start" }}>
        <label htmlFor={`${id}-file`}>Upload a JSON export…</label>
        <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={onFile} data-testid={`${id}-file`} />
      </span>
      {fileProblem ? <p className="error">{fileProblem}</p> : null}
    </div>
  );
}

export function ComparePage() {
  const [oldText, setOldText] = useState("");
  const [newText, setNewText] = useState("");
  const [maxIncrease, setMaxIncrease] = useState("");
  const [maxIncreasePct, setMaxIncreasePct] = useState("");
  const [report, setReport] = useState<Report | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState("");
  // The latest compare(), for the opened link's callback (which runs before this render's compare exists).
  const compareRef = useRef<(given?: { old: string; new: string }) => Promise<void>>(async () => undefined);

  // ?old=v1....&new=v1.... (or whole links) prefill the two sides, once, after hydration; with both sides given
  // (a calibrated estimate from /actual, a link someone shared) the comparison runs at once.
  useOpenedLink(readSides, (sides) => {
    if (sides.old) setOldText(sides.old);
    if (sides.new) setNewText(sides.new);
    if (sides.old && sides.new) void compareRef.current({ old: sides.old, new: sides.new });
  });

  const compare = async (given?: { old: string; new: string }) => {
    setBusy(true);
    setCopied("");
    const limits: FieldError[] = [];
    const num = (text: string, path: string) => {
      if (text.trim() === "") return undefined;
      const n = Number(text);
      if (!Number.isFinite(n) || n < 0) limits.push({ path, message: "must be a number >= 0 (or empty)" });
      return n;
    };
    const body = { old: given?.old ?? oldText, new: given?.new ?? newText, maxIncrease: num(maxIncrease, "maxIncrease"), maxIncreasePct: num(maxIncreasePct, "maxIncreasePct") };
    if (limits.length > 0) {
      setErrors(limits);
      setBusy(false);
      return;
    }
    try {
      const res = await fetch("/api/compare", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json()) as Report | { errors: FieldError[] };
      if ("errors" in json) {
        setErrors(json.errors);
        setReport(null);
      } else {
        setErrors([]);
        setReport(json);
      }
    } catch (error) {
      setErrors([{ path: "(network)", message: `the comparison could not be fetched: ${error instanceof Error ? error.message : String(error)}` }]);
    } finally {
      setBusy(false);
    }
  };

  // A layout effect runs before the opened link's (passive) effect, so the link's callback sees this compare().
  useLayoutEffect(() => {
    compareRef.current = compare;
  });

  /** FOCUS 1.2 rows of one side's recommended option (POST /api/export/focus), for FinOps tools. */
  const downloadFocus = async (side: "old" | "new") => {
    const text = side === "old" ? oldText : newText;
    const { readCompareSide } = await import("@/lib/compare/read");
    const read = readCompareSide(text, side);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    const month = new Date().toISOString().slice(0, 7);
    const res = await fetch(`/api/export/focus?format=csv&option=recommended&month=${month}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(read.side.input) });
    if (!res.ok) {
      const json = (await res.json().catch(() => null)) as { errors?: FieldError[] } | null;
      setErrors(json?.errors ?? [{ path: side, message: `the FOCUS export failed (HTTP ${res.status})` }]);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = `focus-${side}-${month}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const copyMarkdown = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(renderCompareMarkdown(report, report.threshold));
      setCopied("Markdown copied");
    } catch {
      setCopied("Copying is blocked here: use the CLI's --format markdown");
    }
  };

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="sides-heading">
        <div className="panel-head">
          <h2 id="sides-heading">The two estimates</h2>
        </div>
        <div className="compare-sides">
          <SideInput id="old" label="Old (before)" value={oldText} onChange={setOldText} hint="A share link (…/?s=v1.…), a JSON export or an estimate input." />
          <SideInput id="new" label="New (after)" value={newText} onChange={setNewText} hint='Paste, upload, or open this page with "Compare with…" on the estimator to use the current form.' />
        </div>
        <div className="fields" style={{ marginTop: 10 }}>
          <div className="field">
            <label htmlFor="max-increase">Fail above an increase of (USD/month)</label>
            <input id="max-increase" type="text" inputMode="decimal" value={maxIncrease} onChange={(e) => setMaxIncrease(e.target.value)} data-testid="max-increase" />
          </div>
          <div className="field">
            <label htmlFor="max-increase-pct">or of (% of the old total)</label>
            <input id="max-increase-pct" type="text" inputMode="decimal" value={maxIncreasePct} onChange={(e) => setMaxIncreasePct(e.target.value)} data-testid="max-increase-pct" />
          </div>
        </div>
        <div className="toolbar" style={{ marginTop: 10 }}>
          <button type="button" className="btn btn-primary" onClick={() => void compare()} disabled={busy} data-testid="compare">
            {busy ? "Comparing…" : "Compare"}
          </button>
          {report ? (
            <>
              <button type="button" className="btn" onClick={copyMarkdown} data-testid="copy-markdown">
                Copy as Markdown
              </button>
              <button type="button" className="btn" onClick={() => downloadFocus("new")} data-testid="focus-new" title="FinOps FOCUS 1.2 rows of the new estimate's recommended option">
                FOCUS CSV (new)
              </button>
              <button type="button" className="btn" onClick={() => downloadFocus("old")} data-testid="focus-old" title="FinOps FOCUS 1.2 rows of the old estimate's recommended option">
                FOCUS CSV (old)
              </button>
            </>
          ) : null}
          <span className="status" role="status">
            {copied}
          </span>
        </div>
        {errors.length > 0 ? (
          <ul className="errors" data-testid="compare-errors" aria-label="Problems">
            {errors.map((e, i) => (
              <li key={`${i}-${e.path}`} data-path={e.path}>
                {compareProblem(e)}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {report ? <CompareReportView report={report} /> : null}
    </div>
  );
}
