"use client";
/**
 * The live estimate: every edit re-validates and re-estimates in the browser. An invalid draft keeps the last
 * valid result on screen (with its share token) while the problems are listed. An edit renders in two passes:
 * urgent (form, totals, stacked bar) and deferred (crossover curve = ~20 full estimates, breakdown tables,
 * warnings), so typing stays responsive with many services.
 */
import { useDeferredValue, useMemo, useState } from "react";
import type { RegionCatalog } from "@/lib/catalog/schema";
import type { EstimateInput, EstimateResult, FieldError } from "@/lib/schemas/estimate";
import type { EstimateDraft } from "@/lib/form/draft";
import type { CurveData } from "@/lib/present/curve";
import type { Kit, RunOutcome } from "./types";

export interface ValidEstimate {
  input: EstimateInput;
  result: EstimateResult;
  token: string;
}

/**
 * Run `compute` and record its duration under `name` in the browser's performance timeline (read by
 * scripts/measure-web.mjs); the clock is read here, outside render, and a missing User Timing API is ignored.
 */
function timed<T>(name: string, compute: () => T): T {
  const start = performance.now();
  const value = compute();
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Older browsers without User Timing Level 3: nothing to record.
  }
  return value;
}

export interface LiveEstimate {
  outcome: RunOutcome | null;
  /** The last valid estimate (the server's first paint until the kit has run). */
  good: ValidEstimate;
  /** `good` for the deferred pass. */
  deferred: ValidEstimate;
  curve: CurveData | null;
  errors: FieldError[];
  /** path -> message; the same object while the set of problems is unchanged (memoized panels skip work). */
  errorMap: Map<string, string>;
  /** The form has problems: what is shown is the last valid estimate. */
  stale: boolean;
}

export function useLiveEstimate(
  kit: Kit | null,
  catalog: RegionCatalog | null,
  draft: EstimateDraft,
  curveService: number,
  initial: ValidEstimate & { curve: CurveData | null },
): LiveEstimate {
  const [good, setGood] = useState<ValidEstimate>({ input: initial.input, result: initial.result, token: initial.token });
  const [lastCurve, setLastCurve] = useState<CurveData | null>(initial.curve);

  const outcome = useMemo(() => {
    if (!kit || !catalog) return null;
    return timed("estimate-run", () => kit.run(draft, catalog));
  }, [kit, catalog, draft]);

  // Keep the last valid result (React's "store information from previous renders" pattern).
  if (outcome?.ok && outcome.result !== good.result) {
    setGood({ input: outcome.input, result: outcome.result, token: outcome.token });
  }

  const deferred = useDeferredValue(good);
  const curve = useMemo(() => {
    if (!kit || !catalog || deferred.input.region !== catalog.region) return null;
    if (deferred.input === initial.input && curveService === 0 && initial.curve) return initial.curve;
    return timed("curve-run", () => kit.curve(deferred.input, catalog, curveService));
  }, [kit, catalog, deferred.input, curveService, initial.input, initial.curve]);
  if (curve && curve !== lastCurve) setLastCurve(curve);

  const errors: FieldError[] = useMemo(() => (outcome && !outcome.ok ? outcome.errors : []), [outcome]);
  // Keyed on the content of the errors, not on the array: a new array with the same problems keeps the map.
  const errorsKey = JSON.stringify(errors.map((e) => [e.path, e.message]));
  const errorMap = useMemo(() => new Map(JSON.parse(errorsKey) as [string, string][]), [errorsKey]);
  return { outcome, good, deferred, curve: lastCurve, errors, errorMap, stale: outcome !== null && !outcome.ok };
}
