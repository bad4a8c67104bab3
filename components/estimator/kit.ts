/**
 * The estimator's heavy half, loaded with import() right after hydration so that zod, the engine and
 * the catalog parser stay out of the page's first-load JavaScript (the first paint shows the
 * server-computed result). Everything here composes lib/; no billing rule lives in this file.
 */
import "@/components/security/zod-browser";
import { parseRegionCatalog } from "@/lib/catalog/parse";
import { estimate, checkAgainstCatalog } from "@/lib/engine/estimate";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { newServiceKey } from "@/lib/share/draft";
import { inputToDraft } from "@/lib/share/draft-from-input";
import { parseImportedEstimate } from "@/lib/export/import";
import { serviceFromTaskDefinition } from "@/lib/rightsize/task-definition";
import { buildCurve } from "@/components/charts/crossover-data";
import { draftToInput } from "@/components/form/draft-to-input";
import type { Kit, RunOutcome } from "./types";

export const kit: Kit = {
  parseCatalog: parseRegionCatalog,

  run(draft, catalog): RunOutcome {
    const parsed = draftToInput(draft);
    if (!parsed.ok) return parsed;
    const input = parsed.input;
    const catalogErrors = checkAgainstCatalog(input, catalog);
    if (catalogErrors.length > 0) return { ok: false, errors: catalogErrors };
    try {
      return { ok: true, input, result: estimate(input, catalog), token: encodeShareToken(input) };
    } catch (error) {
      return { ok: false, errors: [], internal: error instanceof Error ? error.message : String(error) };
    }
  },

  curve(input, catalog, curveServiceIndex) {
    try {
      return buildCurve(input, catalog, curveServiceIndex);
    } catch {
      return null;
    }
  },

  decodeShare: decodeShareToken,
  inputToDraft: (input) => inputToDraft(input, () => newServiceKey()),
  parseImport: parseImportedEstimate,
  fromTaskDefinition: serviceFromTaskDefinition,
};
