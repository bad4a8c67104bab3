/**
 * POST /api/estimate's work once the body is read: body text in, the answer as data out (the 200's JSON text, the
 * 400's field errors, or a server fault), so that it can run on a worker thread (./estimate-pool.ts) and be sent
 * back, or on the request's own thread. Never throws.
 */
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import type { FieldError } from "@/lib/field-errors";
import { estimateFromRaw } from "@/lib/pipeline/estimate";
import { parseJsonValue } from "../http";

export type EstimateAnswer =
  | { kind: "ok"; json: string }
  /** Not JSON, not an EstimateInput, an unknown region or snapshot: the client's to fix (400). */
  | { kind: "invalid"; errors: FieldError[] }
  /** A server-side fault (a missing or broken price file): a 500 that names no internals; `cause` goes to the log. */
  | { kind: "fault"; cause: string };

export function computeEstimateAnswer(text: string): EstimateAnswer {
  try {
    const parsed = parseJsonValue(text);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const outcome = estimateFromRaw(parsed.value, (region, catalogId) => loadRegionCatalog(region, catalogId));
    if (!outcome.ok) return { kind: "invalid", errors: outcome.errors };
    return { kind: "ok", json: JSON.stringify(outcome.result) };
  } catch (error) {
    return { kind: "fault", cause: error instanceof Error ? error.message : String(error) };
  }
}
