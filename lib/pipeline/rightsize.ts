/**
 * The right-sizing road, shared by bin/rightsize.ts and the /rightsize page:
 *
 *   utilization file --analyzeUsageText--> UsageSummary --resolveCurrentSize--> current size (given, else the
 *   file's reservation) --> the estimate to right-size (form fields or CLI flags) --> rightsize()
 *
 * Every failure is a list of FieldError.
 */
import type { RegionCatalog } from "../catalog/schema";
import type { FieldError } from "../field-errors";
import { checkSettings, rightsize, type RightsizeResult, type RightsizeSettings } from "../rightsize/recommend";
import { rightsizeInputFromFields, type RightsizeBase, type RightsizeField, type RightsizeFields } from "../rightsize/form";
import type { UsageSummary } from "../rightsize/usage";
import type { EstimateInput } from "../schemas/estimate";
import { loadInputCatalog, type CatalogLoader } from "./estimate";

export { resolveCurrentSize, fileReservation, type CurrentSizeResolution } from "../rightsize/current-size";

export type RightsizeOutcome = { ok: true; result: RightsizeResult } | { ok: false; errors: FieldError[] };

/** Settings checked, then the recommendation for services[serviceIndex] of a validated input. Never throws. */
export function rightsizeInput(
  usage: UsageSummary,
  input: EstimateInput,
  serviceIndex: number,
  catalog: RegionCatalog,
  settings: RightsizeSettings,
): RightsizeOutcome {
  const problems = checkSettings(settings);
  if (problems.length > 0) return { ok: false, errors: problems };
  if (!input.services[serviceIndex]) return { ok: false, errors: [{ path: "services", message: `has no service ${serviceIndex}` }] };
  return { ok: true, result: rightsize(usage, input, serviceIndex, catalog, settings) };
}

/** As rightsizeInput, loading the input's catalog first (unknown region/snapshot -> a field error). */
export function rightsizeWithLoader(
  usage: UsageSummary,
  input: EstimateInput,
  serviceIndex: number,
  loadCatalog: CatalogLoader,
  settings: RightsizeSettings,
): RightsizeOutcome {
  const loaded = loadInputCatalog(input, loadCatalog);
  return loaded.ok ? rightsizeInput(usage, input, serviceIndex, loaded.catalog, settings) : loaded;
}

export type RightsizeFormResult =
  | { ok: true; input: EstimateInput; serviceIndex: number; result: RightsizeResult | null }
  | { ok: false; byField: Partial<Record<RightsizeField, string>>; other: FieldError[] };

/**
 * What the /rightsize page shows for its form: field problems, or the input and (once a file and the prices
 * are there and the settings are valid) the recommendation.
 */
export function rightsizeFromForm(
  fields: RightsizeFields,
  base: RightsizeBase | null,
  catalogId: string,
  usage: UsageSummary | null,
  catalog: RegionCatalog | null,
  settings: RightsizeSettings,
): RightsizeFormResult {
  const form = rightsizeInputFromFields(fields, base, catalogId);
  if (!form.ok) return form;
  if (!usage || !catalog || catalog.region !== form.input.region) return { ...form, result: null };
  const outcome = rightsizeInput(usage, form.input, form.serviceIndex, catalog, settings);
  return { ...form, result: outcome.ok ? outcome.result : null };
}
