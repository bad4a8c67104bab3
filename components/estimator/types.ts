/**
 * Types shared by the estimator's client components. Type-only imports: nothing here adds JavaScript.
 */
import type { EstimateInput, EstimateResult, FieldError } from "@/lib/schemas/estimate";
import type { RegionCatalog } from "@/lib/catalog/schema";
import type { EstimateDraft } from "@/lib/share/draft";
import type { ShareDecodeOutcome } from "@/lib/share/codec";
import type { ImportOutcome } from "@/lib/export/import";
import type { TaskDefinitionOutcome } from "@/lib/rightsize/task-definition";
import type { CurveData } from "@/components/charts/data";

export type { CurveData, CurvePoint } from "@/components/charts/data";

/** What the region picker shows, from the catalog index (server-loaded, small). */
export interface RegionInfo {
  region: string;
  location: string;
  sources: { name: string; asOf: string }[];
}

export type RunOutcome =
  | { ok: true; input: EstimateInput; result: EstimateResult; token: string }
  | { ok: false; errors: FieldError[]; internal?: string };

/** The lazily loaded part (zod, engine, codec): see ./kit.ts. */
export interface Kit {
  parseCatalog(json: unknown, label: string, expect: { region: string; catalogId: string }): RegionCatalog;
  /** Validate the draft and estimate (the urgent part of an edit). */
  run(draft: EstimateDraft, catalog: RegionCatalog): RunOutcome;
  /** The crossover chart's data (rendered as a deferred update: ~20 full estimates). */
  curve(input: EstimateInput, catalog: RegionCatalog, curveServiceIndex: number): CurveData | null;
  decodeShare(token: string): ShareDecodeOutcome;
  inputToDraft(input: EstimateInput): EstimateDraft;
  parseImport(text: string): ImportOutcome;
  toCsv(result: EstimateResult): string;
  fromTaskDefinition(raw: unknown): TaskDefinitionOutcome;
}
