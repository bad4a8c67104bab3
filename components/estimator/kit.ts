/**
 * The estimator's heavy half, loaded with import() right after hydration so that zod, the engine and
 * the catalog parser stay out of the page's first-load JavaScript (the first paint shows the
 * server-computed result). Everything here composes lib/; no billing rule lives in this file.
 */
import "@/components/security/zod-browser";
import { parseEstimateInput, type EstimateInput } from "@/lib/schemas/estimate";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { parseRegionCatalog } from "@/lib/catalog/parse";
import { estimate, checkAgainstCatalog } from "@/lib/engine/estimate";
import { costCurve } from "@/lib/engine/curve";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { draftToRaw, mergeFieldErrors } from "@/lib/share/draft";
import { inputToDraft } from "@/lib/share/draft-from-input";
import { newServiceKey } from "@/lib/share/draft";
import { parseImportedEstimate } from "@/lib/export/import";
import { estimateToCsv } from "@/lib/export/csv";
import { serviceFromTaskDefinition } from "@/lib/rightsize/task-definition";
import type { CurveData, Kit, RunOutcome } from "./types";


/** Points sampled on the crossover chart; every point is a full estimate (engine's curve contract). */
const CURVE_POINTS = 21;

/** Range of the crossover chart: at least 0..20 tasks, and at least twice the current count. */
function curveMaxTasks(tasks: number): number {
  return Math.min(2000, Math.max(20, Math.ceil(tasks * 2)));
}

/** The crossover chart's data for one service (the engine's costCurve plus the exact crossover point). */
export function buildCurve(input: EstimateInput, catalog: RegionCatalog, curveServiceIndex: number): CurveData | null {
  const index = Math.min(Math.max(0, curveServiceIndex), input.services.length - 1);
  const service = input.services[index];
  if (!service || input.region !== catalog.region) return null;
  const c = costCurve(input, catalog, { serviceIndex: index, maxTasks: curveMaxTasks(service.tasks), points: CURVE_POINTS });
  const points = [...c.points];
  let hit = c.crossoverTasks === null ? undefined : points.find((p) => p.tasks === c.crossoverTasks);
  if (c.crossoverTasks !== null && !hit) {
    // The engine refines the crossover between two samples; add that exact point so the marker sits on the line.
    const at = c.crossoverTasks;
    const r = estimate({ ...input, services: input.services.map((s, i) => (i === index ? { ...s, tasks: at } : s)) }, catalog);
    const monthly = (id: string) => {
      const o = r.options.find((x) => x.id === id);
      return o?.available ? o.monthlyUSD : null;
    };
    hit = { tasks: at, fargate: monthly("fargate"), fargateSpot: monthly("fargate-spot"), ec2: monthly("ec2") };
    points.push(hit);
    points.sort((a, b) => a.tasks - b.tasks);
  }
  return {
    serviceIndex: index,
    serviceName: service.name,
    currentTasks: service.tasks,
    points,
    crossover: c.crossoverTasks === null ? null : { tasks: c.crossoverTasks, ec2: hit?.ec2 ?? null, fargate: hit?.fargate ?? null },
  };
}

export const kit: Kit = {
  parseCatalog(json, label, expect) {
    return parseRegionCatalog(json, label, expect);
  },

  run(draft, catalog): RunOutcome {
    const { raw, errors: textErrors } = draftToRaw(draft);
    const parsed = parseEstimateInput(raw);
    if (textErrors.length > 0 || !parsed.ok) {
      return { ok: false, errors: mergeFieldErrors(textErrors, parsed.ok ? [] : parsed.errors) };
    }
    const input = parsed.value;
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
  toCsv: estimateToCsv,
  fromTaskDefinition: serviceFromTaskDefinition,
};
