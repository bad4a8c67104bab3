/**
 * The one road from raw input to an estimate, for every entry point:
 *
 *   form draft (web)  --draftToRaw-->  raw  \
 *   file / stdin (CLI, "Import JSON") --readEstimateFile--> input \
 *   request body (POST /api/estimate) -------------------> raw  --parse once--> EstimateInput
 *                                                                  --catalog (region, snapshot)--> check --> estimate
 *
 * Every failure is a list of FieldError (`services[0].vcpu: must be <= 192`), never an exception, except a
 * broken price file on the server side (that is not the caller's input). Catalog loading is passed in: the
 * server and the CLI read files (lib/catalog/fs-loader.ts), the browser fetches them (./region-catalog.ts).
 */
import { CatalogLookupError } from "../catalog/errors";
import type { RegionCatalog } from "../catalog/schema";
import { estimateChecked } from "../engine/estimate";
import { parseImportedEstimate, type ImportOutcome } from "../export/import";
import { mergeFieldErrors, type FieldError } from "../field-errors";
import { parseEstimateInput, type EstimateInput, type EstimateResult } from "../schemas/estimate";
import type { EstimateDraft } from "../form/draft";
import { draftToRaw } from "../form/to-raw";

export type PipelineOutcome =
  | { ok: true; input: EstimateInput; result: EstimateResult }
  | { ok: false; errors: FieldError[] };

/** Reads one region's prices for an input (throws CatalogLookupError for an unknown region or snapshot). */
export type CatalogLoader = (region: string, catalogId: string | undefined) => RegionCatalog;

/**
 * A catalog lookup error the caller can act on, as a field error: an unknown snapshot -> `catalog`, an unknown
 * region -> `region`. Anything else (a missing or broken price file) is the server's problem: null.
 */
export function catalogLookupFieldError(error: unknown): FieldError | null {
  if (!(error instanceof CatalogLookupError)) return null;
  if (error.kind === "unknown-catalog") return { path: "catalog", message: error.message };
  if (error.kind === "unknown-region") return { path: "region", message: error.message };
  return null;
}

/**
 * The input's catalog, or the field error a caller can act on (unknown region/snapshot). Other loader failures
 * (a broken price file) are rethrown for the caller to report as its own fault.
 */
export function loadInputCatalog(input: EstimateInput, loadCatalog: CatalogLoader): { ok: true; catalog: RegionCatalog } | { ok: false; errors: FieldError[] } {
  try {
    return { ok: true, catalog: loadCatalog(input.region, input.catalog) };
  } catch (error) {
    const fieldError = catalogLookupFieldError(error);
    if (fieldError) return { ok: false, errors: [fieldError] };
    throw error;
  }
}

/** A validated input with its region's catalog: check the two agree, then estimate. */
export function estimateInput(input: EstimateInput, catalog: RegionCatalog): PipelineOutcome {
  const outcome = estimateChecked(input, catalog);
  return outcome.ok ? { ok: true, input, result: outcome.result } : outcome;
}

/**
 * Validated input -> its catalog -> estimate. Unknown region/snapshot become field errors; other loader
 * failures (a broken price file) are rethrown for the caller to report as its own fault.
 */
export function estimateWithLoader(input: EstimateInput, loadCatalog: CatalogLoader): PipelineOutcome {
  const loaded = loadInputCatalog(input, loadCatalog);
  return loaded.ok ? estimateInput(input, loaded.catalog) : loaded;
}

/** Untrusted JSON value (a request body) -> estimate: parsed once, then as estimateWithLoader. */
export function estimateFromRaw(raw: unknown, loadCatalog: CatalogLoader): PipelineOutcome {
  const parsed = parseEstimateInput(raw);
  return parsed.ok ? estimateWithLoader(parsed.value, loadCatalog) : { ok: false, errors: parsed.errors };
}

/**
 * The text of a file: an EstimateInput or an exported EstimateResult (its input is used), with the same
 * checks and messages as "Import JSON" on the page (size limit, BOM, JSON, schema). Never throws.
 */
export function readEstimateFile(text: string): ImportOutcome {
  return parseImportedEstimate(text);
}

/** The estimator form's text fields -> input (text-reading and schema problems merged per field). */
export function inputFromDraft(draft: EstimateDraft): { ok: true; input: EstimateInput } | { ok: false; errors: FieldError[] } {
  const { raw, errors: textErrors } = draftToRaw(draft);
  const parsed = parseEstimateInput(raw);
  if (textErrors.length > 0 || !parsed.ok) return { ok: false, errors: mergeFieldErrors(textErrors, parsed.ok ? [] : parsed.errors) };
  return { ok: true, input: parsed.value };
}

/** The estimator form -> estimate with the loaded catalog (what the page runs on every edit). Never throws. */
export function estimateFromDraft(draft: EstimateDraft, catalog: RegionCatalog): PipelineOutcome {
  const read = inputFromDraft(draft);
  return read.ok ? estimateInput(read.input, catalog) : read;
}
