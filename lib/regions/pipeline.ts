/**
 * Raw input (request body, file) -> the region comparison, with the same checks and field errors as an estimate
 * (lib/pipeline/estimate.ts): the shape, the snapshot and the current region must exist, and the input must be
 * valid in its own region (e.g. a misspelt instance type is an error there, not "not sold anywhere").
 */
import { checkAgainstCatalog } from "../engine/estimate";
import type { FieldError } from "../field-errors";
import { catalogLookupFieldError } from "../pipeline/estimate";
import { parseEstimateInput, type EstimateInput } from "../schemas/estimate";
import { compareRegions, type RegionComparison, type RegionsLoader } from "./compare";

export type RegionsOutcome = { ok: true; input: EstimateInput; comparison: RegionComparison } | { ok: false; errors: FieldError[] };

/** A validated input -> every region. Unknown snapshot or region become field errors; a broken file is rethrown. */
export function compareRegionsForInput(input: EstimateInput, loader: RegionsLoader): RegionsOutcome {
  try {
    const { catalogId } = loader.regions(input.catalog);
    const errors = checkAgainstCatalog({ ...input, catalog: catalogId }, loader.load(input.region, catalogId));
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, input, comparison: compareRegions({ ...input, catalog: catalogId }, loader) };
  } catch (error) {
    const fieldError = catalogLookupFieldError(error);
    if (fieldError) return { ok: false, errors: [fieldError] };
    throw error;
  }
}

/** Untrusted JSON value -> every region (parsed once, then as compareRegionsForInput). */
export function compareRegionsFromRaw(raw: unknown, loader: RegionsLoader): RegionsOutcome {
  const parsed = parseEstimateInput(raw);
  return parsed.ok ? compareRegionsForInput(parsed.value, loader) : { ok: false, errors: parsed.errors };
}
