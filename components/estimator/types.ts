/**
 * Types shared by the estimator's client components. Type-only imports: nothing here adds JavaScript.
 */
import type { RegionCatalog } from "@/lib/catalog/schema";
import type { ImportOutcome } from "@/lib/export/import";
import type { FieldError } from "@/lib/field-errors";
import type { CatalogParser } from "@/lib/pipeline/region-catalog";
import type { CurveData } from "@/lib/present/curve";
import type { GravitonComparison } from "@/lib/present/graviton";
import type { PanelSummaries } from "@/lib/present/panel-summaries";
import type { EstimateInput, EstimateResult } from "@/lib/schemas/estimate";
import type { ShareDecodeOutcome } from "@/lib/share/codec";
import type { EstimateDraft } from "@/lib/form/draft";
import type { ReadTaskDefinition } from "@/components/hooks/useTaskDefinitionImport";

/** What the region picker shows, from the catalog index (server-loaded, small). */
export interface RegionInfo {
  region: string;
  location: string;
  sources: { name: string; asOf: string }[];
}

/** The contract's limits the form enforces while editing (passed from the server: no zod in first-load JS). */
export interface FormLimits {
  maxServices: number;
  nameMaxChars: number;
}

export type RunOutcome = { ok: true; input: EstimateInput; result: EstimateResult; token: string } | { ok: false; errors: FieldError[] };

/** The lazily loaded part (zod, engine, codec): see ./kit.ts. */
export interface Kit {
  parseCatalog: CatalogParser;
  /** The form -> validated input -> estimate, and its share token (the urgent part of an edit). */
  run(draft: EstimateDraft, catalog: RegionCatalog): RunOutcome;
  /** The crossover chart's data (rendered as a deferred update: ~20 full estimates). */
  curve(input: EstimateInput, catalog: RegionCatalog, curveServiceIndex: number): CurveData | null;
  decodeShare(token: string): ShareDecodeOutcome;
  inputToDraft(input: EstimateInput): EstimateDraft;
  readEstimateFile(text: string): ImportOutcome;
  /** Larger files are refused before they are read. */
  maxImportBytes: number;
  readTaskDefinition: ReadTaskDefinition;
  /** Every eligible service on arm64, side by side with now (lib/present/graviton.ts); null: none eligible. */
  graviton(input: EstimateInput, now: EstimateResult, catalog: RegionCatalog): GravitonComparison | null;
  /** The collapsed panels' one-line summaries (lib/present/panel-summaries.ts). */
  panelSummaries(input: EstimateInput, result: EstimateResult): PanelSummaries;
}
