/**
 * The estimator's heavy half, loaded with import() right after hydration so that zod, the engine and
 * the catalog parser stay out of the page's first-load JavaScript (the first paint shows the
 * server-computed result). Everything here is lib/; no rule lives in this file.
 */
import "@/components/security/zod-browser";
import { parseRegionCatalog } from "@/lib/catalog/parse";
import { MAX_IMPORT_BYTES } from "@/lib/export/import";
import { estimateFromDraft, readEstimateFile } from "@/lib/pipeline/estimate";
import { crossoverChartData } from "@/lib/present/curve";
import { gravitonComparison } from "@/lib/present/graviton";
import { panelSummaries } from "@/lib/present/panel-summaries";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { newServiceKey } from "@/lib/form/draft";
import { inputToDraft } from "@/lib/form/from-input";
import { readTaskDefinition } from "@/components/hooks/task-definition-reader";
import type { Kit, RunOutcome } from "./types";

export const kit: Kit = {
  parseCatalog: parseRegionCatalog,

  run(draft, catalog): RunOutcome {
    const out = estimateFromDraft(draft, catalog);
    return out.ok ? { ...out, token: encodeShareToken(out.input) } : out;
  },

  curve(input, catalog, curveServiceIndex) {
    try {
      return crossoverChartData(input, catalog, curveServiceIndex);
    } catch {
      return null;
    }
  },

  decodeShare: decodeShareToken,
  inputToDraft: (input) => inputToDraft(input, () => newServiceKey()),
  readEstimateFile,
  maxImportBytes: MAX_IMPORT_BYTES,
  readTaskDefinition,
  graviton: gravitonComparison,
  panelSummaries,
};
