/**
 * POST /api/compare: `{ "old": SIDE, "new": SIDE, "maxIncrease"?: USD, "maxIncreasePct"?: PCT }` where a SIDE is
 * a share link (string), a JSON export (EstimateResult) or an EstimateInput. 200: the comparison report
 * (lib/compare) with `threshold` (the verdict of the limits given; `exceeded` is what a CI job would fail on).
 * 400 with `{ errors: [{ path, message }] }` naming the side (`old.services[0].vcpu`); 413 above 4 MB; 415.
 */
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { checkThresholds, compareSides, readCompareSideValue } from "@/lib/compare";
import type { FieldError } from "@/lib/field-errors";
import { errorResponse, isJsonContentType, jsonResponse, readJsonBody, serverErrorResponse } from "../http";

/** Two exports of 100 services each fit well below this. */
export const MAX_COMPARE_BODY_BYTES = 4 * 1024 * 1024;

const KEYS = new Set(["old", "new", "maxIncrease", "maxIncreasePct"]);

function limit(value: unknown, path: string, errors: FieldError[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    errors.push({ path, message: "must be a number >= 0" });
    return null;
  }
  return value;
}

export async function handleCompare(req: Request): Promise<Response> {
  try {
    const body = await readJsonBody(req, { limit: MAX_COMPARE_BODY_BYTES, accept: isJsonContentType, acceptText: "application/json" });
    if (!body.ok) return body.response;
    const raw = body.value;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      return errorResponse(400, [{ path: "(root)", message: 'must be an object: { "old": share link or export or input, "new": ... }' }]);
    }
    const record = raw as Record<string, unknown>;
    const errors: FieldError[] = Object.keys(record)
      .filter((k) => !KEYS.has(k))
      .map((k) => ({ path: k, message: "is not a field of a comparison request (old, new, maxIncrease, maxIncreasePct)" }));
    const maxIncreaseUSD = limit(record.maxIncrease, "maxIncrease", errors);
    const maxIncreasePct = limit(record.maxIncreasePct, "maxIncreasePct", errors);
    const sides = (["old", "new"] as const).map((label) => {
      if (!(label in record)) {
        errors.push({ path: label, message: "is missing: a share link, a JSON export or an estimate input" });
        return null;
      }
      const side = readCompareSideValue(record[label], label);
      if (!side.ok) {
        errors.push(...side.errors);
        return null;
      }
      return side.side;
    });
    if (errors.length > 0 || !sides[0] || !sides[1]) return errorResponse(400, errors);
    const outcome = compareSides(sides[0], sides[1], (region, catalogId) => loadRegionCatalog(region, catalogId));
    if (!outcome.ok) return errorResponse(400, outcome.errors);
    const threshold = checkThresholds(outcome.report, { maxIncreaseUSD, maxIncreasePct });
    return jsonResponse({ ...outcome.report, threshold });
  } catch (error) {
    return serverErrorResponse("POST /api/compare", error, "the comparison could not be computed because of a server error; the input was not the problem");
  }
}
