/**
 * Hold an estimate against the real bill: read (./read.ts) -> recognise and sum (./aggregate.ts, ./charges.ts) ->
 * variance report (./variance.ts) -> calibrated input (./calibrate.ts). The CLI, the API and the page's worker
 * use these; the catalog loader is passed in (files on the server, fetched snapshots in the browser).
 */
import { estimateWithLoader, type CatalogLoader } from "../pipeline/estimate";
import { parseEstimateInput, type EstimateInput, type EstimateResult } from "../schemas/estimate";
import type { FieldError } from "../field-errors";
import { calibrateInput } from "./calibrate";
import { buildVarianceReport, type VarianceReport } from "./variance";

export { readBill, checkBillSize, MAX_BILL_BYTES, type ReadOutcome } from "./read";
export { buildVarianceReport, exceedsVariance, type VarianceReport } from "./variance";
export { calibrateInput } from "./calibrate";
export { tagKeysFor, checkTagKey, type TagKeys } from "./tags";
export type { BillAggregate } from "./aggregate";

export interface CalibratedEstimate {
  input: EstimateInput;
  changes: string[];
  result: EstimateResult;
  /** Said when the calibrated input had to move to another price snapshot. */
  catalogNote: string | null;
}

export type CalibrateOutcome = { ok: true; calibrated: CalibratedEstimate } | { ok: false; errors: FieldError[] };

/**
 * The calibrated input, validated and priced. When the original pins a price snapshot that cannot price a charge
 * the bill added (the 2026-11-26 snapshot has no NAT or load balancer rates), the pin is dropped so the newest
 * snapshot prices it, and the note says so; /compare then shows the price change apart from the input change.
 */
export function calibrateEstimate(original: EstimateInput, report: VarianceReport, loadCatalog: CatalogLoader): CalibrateOutcome {
  const { input: raw, changes } = calibrateInput(original, report);
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ path: `calibrated.${e.path}`, message: e.message })) };
  let input = parsed.value;
  let outcome = estimateWithLoader(input, loadCatalog);
  let catalogNote: string | null = null;
  const priced = (r: EstimateResult) => r.options.find((o) => o.id === report.option.id)?.available === true;
  if (outcome.ok && !priced(outcome.result) && input.catalog !== undefined) {
    const { catalog: pinned, ...rest } = input;
    const retry = parseEstimateInput(rest);
    if (retry.ok) {
      const again = estimateWithLoader(retry.value, loadCatalog);
      if (again.ok && priced(again.result)) {
        catalogNote = `Price snapshot ${pinned} cannot price everything the bill holds (${outcome.result.options.find((o) => o.id === report.option.id)?.reason ?? "a rate is missing"}); the calibrated estimate uses the newest snapshot, ${again.result.catalog.id}.`;
        input = retry.value;
        outcome = again;
      }
    }
  }
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  return { ok: true, calibrated: { input, changes, result: outcome.result, catalogNote } };
}

export function varianceFor(result: EstimateResult, bill: Parameters<typeof buildVarianceReport>[1], optionId?: string) {
  return buildVarianceReport(result, bill, { optionId });
}
