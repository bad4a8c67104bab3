/**
 * POST /api/actual: an estimate held against one month of the AWS bill (lib/actual).
 * Body (JSON, at most MAX_ACTUAL_BODY_BYTES): {
 *   "input": a share link, a JSON export or an EstimateInput,
 *   "bill": the bill's CSV text (FOCUS 1.0/1.2 with AWS columns or CUR 2.0), or { "base64": "..." } for gzip CSV
 *           or Parquet bytes,
 *   "tag"?: the tag naming a row's service, "option"?: an option id, "maxVariancePct"?: number, "calibrate"?: boolean }
 * 200: the variance report, with `exceeded` when maxVariancePct is given and `calibrated` when asked.
 * 400 with `{ errors: [{ path, message }] }` (a bill that cannot be read says why under `bill`); 413 above the
 * limit; 415 a non-JSON content type. The bill is read in memory for this request and kept nowhere.
 */
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { readCompareSideValue } from "@/lib/compare";
import type { FieldError } from "@/lib/field-errors";
import { estimateWithLoader } from "@/lib/pipeline/estimate";
import { buildVarianceReport, calibrateEstimate, checkTagKey, exceedsVariance, readBill, tagKeysFor } from "@/lib/actual";
import { encodeShareToken } from "@/lib/share/codec";
import { errorResponse, HEADERS, isJsonContentType, readJsonBody } from "../http";

/** A month of a small account's bill at daily granularity; larger bills belong to the page (read in the browser) or the CLI. */
export const MAX_ACTUAL_BODY_BYTES = 16 * 1024 * 1024;

const KEYS = new Set(["input", "bill", "tag", "option", "maxVariancePct", "calibrate"]);

function billBytes(value: unknown, errors: FieldError[]): Uint8Array | null {
  if (typeof value === "string") {
    if (value.trim() === "") {
      errors.push({ path: "bill", message: "is empty: give the bill's CSV text, or { \"base64\": ... } for gzip CSV or Parquet" });
      return null;
    }
    return new TextEncoder().encode(value);
  }
  if (value && typeof value === "object" && !Array.isArray(value) && typeof (value as { base64?: unknown }).base64 === "string") {
    const b64 = ((value as { base64: string }).base64).replace(/\s+/g, "");
    if (b64 === "" || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
      errors.push({ path: "bill.base64", message: "is not base64 text" });
      return null;
    }
    return new Uint8Array(Buffer.from(b64, "base64"));
  }
  errors.push({ path: "bill", message: value === undefined ? "is missing: the bill's CSV text, or { \"base64\": ... }" : "must be the bill's CSV text or { \"base64\": ... }" });
  return null;
}

export async function handleActual(req: Request): Promise<Response> {
  try {
    const body = await readJsonBody(req, { limit: MAX_ACTUAL_BODY_BYTES, accept: isJsonContentType, acceptText: "application/json" });
    if (!body.ok) return body.response;
    const raw = body.value;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      return errorResponse(400, [{ path: "(root)", message: 'must be an object: { "input": ..., "bill": ... }' }]);
    }
    const record = raw as Record<string, unknown>;
    const errors: FieldError[] = Object.keys(record)
      .filter((k) => !KEYS.has(k))
      .map((k) => ({ path: k, message: "is not a field of this request (input, bill, tag, option, maxVariancePct, calibrate)" }));
    let tag: string | null = null;
    if (record.tag !== undefined && record.tag !== null) {
      const problem = typeof record.tag === "string" ? checkTagKey(record.tag) : "must be a tag key (text)";
      if (problem) errors.push({ path: "tag", message: problem });
      else tag = (record.tag as string).trim();
    }
    const option = record.option === undefined || record.option === null ? undefined : typeof record.option === "string" && record.option.trim() !== "" ? record.option.trim() : (errors.push({ path: "option", message: "must be an option id such as fargate" }), undefined);
    let maxVariancePct: number | null = null;
    if (record.maxVariancePct !== undefined && record.maxVariancePct !== null) {
      if (typeof record.maxVariancePct !== "number" || !Number.isFinite(record.maxVariancePct) || record.maxVariancePct < 0) errors.push({ path: "maxVariancePct", message: "must be a number >= 0" });
      else maxVariancePct = record.maxVariancePct;
    }
    if (record.calibrate !== undefined && typeof record.calibrate !== "boolean") errors.push({ path: "calibrate", message: "must be true or false" });
    const side = "input" in record ? readCompareSideValue(record.input, "input") : null;
    if (side === null) errors.push({ path: "input", message: "is missing: a share link, a JSON export or an estimate input" });
    else if (!side.ok) errors.push(...side.errors);
    const bytes = billBytes(record.bill, errors);
    if (errors.length > 0 || !side?.ok || !bytes) return errorResponse(400, errors);
    const loader = (region: string, id: string | undefined) => loadRegionCatalog(region, id);
    const estimate = estimateWithLoader(side.side.input, loader);
    if (!estimate.ok) return errorResponse(400, estimate.errors.map((e) => ({ path: `input.${e.path}`, message: e.message })));
    const result = estimate.result;
    const read = await readBill(new Blob([bytes as BlobPart]), { region: result.catalog.region, tagKeys: tagKeysFor(result.input.orchestrator, tag) });
    if (!read.ok) return errorResponse(400, [{ path: "bill", message: read.error }]);
    const report = buildVarianceReport(result, read.aggregate, { optionId: option });
    if (!report.ok) return errorResponse(400, [{ path: option ? "option" : "input", message: report.error }]);
    const out: Record<string, unknown> = { ...report.report };
    if (maxVariancePct !== null) out.exceeded = exceedsVariance(report.report, maxVariancePct);
    if (record.calibrate === true) {
      const c = calibrateEstimate(result.input, report.report, loader);
      if (!c.ok) return errorResponse(400, c.errors);
      const calOption = c.calibrated.result.options.find((o) => o.id === report.report.option.id);
      out.calibrated = {
        input: c.calibrated.input,
        changes: c.calibrated.changes,
        catalogNote: c.calibrated.catalogNote,
        optionId: report.report.option.id,
        monthlyUSD: calOption?.monthlyUSD ?? null,
        compare: { old: encodeShareToken(result.input), new: encodeShareToken(c.calibrated.input) },
      };
    }
    return Response.json(out, { status: 200, headers: HEADERS });
  } catch (error) {
    console.error("POST /api/actual failed:", error instanceof Error ? error.message : error);
    return errorResponse(500, [{ path: "(server)", message: "the comparison could not be computed because of a server error; the input was not the problem" }]);
  }
}
