"use client";
/**
 * "Import Terraform / CloudFormation" on /: a plan JSON or a template (JSON/YAML) -> the form. The report (each
 * service with the resource it came from, what was assumed, what could not be known) stays on screen; on an
 * error nothing in the form changes. The importers load on first use (components/iac/iac-reader.ts).
 */
import { useState, type ChangeEvent } from "react";
import type { EstimateInput, FieldError } from "@/lib/schemas/estimate";
import { FieldErrorList } from "@/components/ui/fields";
import type { IacReadOutcome } from "./iac-reader";

const MAX_BYTES = 10 * 1024 * 1024;

interface Props {
  /** The form's region: a template is priced there (a plan names its own). */
  region: string;
  /** Put the imported input into the form; null while the estimator's kit loads. */
  onInput: ((input: EstimateInput, what: string) => void) | null;
}

export function IacImport({ region, onInput }: Props) {
  const [outcome, setOutcome] = useState<IacReadOutcome | { ok: false; kind: null; errors: FieldError[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file || !onInput) return;
    if (file.size > MAX_BYTES) {
      setOutcome({ ok: false, kind: null, errors: [{ path: "(file)", message: `is too large (${file.size} bytes; at most ${MAX_BYTES})` }] });
      return;
    }
    setBusy(true);
    try {
      const [{ readIacFile }, text] = await Promise.all([import("./iac-reader"), file.text()]);
      const out = readIacFile(text, region);
      setOutcome(out);
      if (out.ok) onInput(out.input, out.kind === "terraform" ? "Terraform plan" : "CloudFormation template");
    } catch (error) {
      setOutcome({ ok: false, kind: null, errors: [{ path: "(file)", message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="iac-import" data-testid="iac-import">
      <span className="btn file-button">
        <label htmlFor="import-iac">{busy ? "Importing…" : "Import Terraform / CloudFormation"}</label>
        <input id="import-iac" type="file" accept=".json,.yaml,.yml,.template,application/json,application/yaml,text/yaml" onChange={onFile} disabled={!onInput || busy} data-testid="import-iac" />
      </span>
      {outcome ? (
        <div className={`banner ${outcome.ok ? (outcome.unresolved.length > 0 ? "banner-warn" : "banner-info") : "banner-error"}`} role="status" data-testid="iac-report" style={{ marginTop: 8 }}>
          {outcome.ok ? (
            <>
              <p>
                Imported {outcome.services.length} service{outcome.services.length === 1 ? "" : "s"} from the {outcome.kind === "terraform" ? "Terraform plan" : "CloudFormation template"} into the form (region {outcome.input.region}):
              </p>
              <ul data-testid="iac-services">
                {outcome.services.map((s) => (
                  <li key={s.name}>
                    <strong>{s.name}</strong> from <code>{s.source}</code>
                  </li>
                ))}
              </ul>
              {outcome.unresolved.length > 0 ? (
                <>
                  <p style={{ marginTop: 6 }}>Not known from the file (reported, not guessed):</p>
                  <FieldErrorList errors={outcome.unresolved} testId="iac-unresolved" label="Values the file does not decide" />
                </>
              ) : null}
              {outcome.notes.length > 0 ? (
                <ul data-testid="iac-notes">
                  {outcome.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <>
              <p>The file could not be imported; the form is unchanged.</p>
              <FieldErrorList errors={outcome.errors} max={20} testId="iac-errors" label="Problems in the file" />
            </>
          )}
          <div className="actions">
            <button type="button" className="btn" onClick={() => setOutcome(null)}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
