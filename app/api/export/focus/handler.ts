/**
 * POST /api/export/focus?format=csv|json&option=recommended|all|<id>&month=YYYY-MM
 * Body: an EstimateInput (or an exported EstimateResult: its input is re-estimated). 200: FOCUS 1.2 rows as CSV
 * (text/csv) or JSON (docs/focus-export.md). 400 names the field or parameter; 413 above 256 kB; 415.
 */
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { focusFilename, focusRows, focusRowsToCsv, focusRowsToJson } from "@/lib/export/focus";
import { estimateWithLoader, readEstimateFile } from "@/lib/pipeline/estimate";
import { errorResponse, HEADERS, isJsonContentType, MAX_BODY_BYTES, readBodyText, serverErrorResponse } from "../../http";

export async function handleFocusExport(req: Request): Promise<Response> {
  try {
    const params = new URL(req.url).searchParams;
    const format = params.get("format") ?? "csv";
    if (format !== "csv" && format !== "json") return errorResponse(400, [{ path: "(query).format", message: `must be csv or json (got ${format.slice(0, 40)})` }]);
    const month = params.get("month") ?? new Date().toISOString().slice(0, 7);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return errorResponse(400, [{ path: "(query).month", message: `must be a month YYYY-MM (got ${month.slice(0, 40)})` }]);
    const option = params.get("option") ?? "recommended";
    const body = await readBodyText(req, { limit: MAX_BODY_BYTES, accept: isJsonContentType, acceptText: "application/json" });
    if (!body.ok) return body.response;
    // The same reader as "Import JSON": an EstimateInput, or an exported EstimateResult (its input).
    const file = readEstimateFile(body.value);
    if (!file.ok) return errorResponse(400, file.errors.map((e) => (e.path === "(file)" ? { path: "(body)", message: e.message } : e)));
    const outcome = estimateWithLoader(file.input, (region, catalogId) => loadRegionCatalog(region, catalogId));
    if (!outcome.ok) return errorResponse(400, outcome.errors);
    const result = outcome.result;
    const rows = focusRows(result, { month, option, catalog: loadRegionCatalog(result.catalog.region, result.catalog.id) });
    if (!rows.ok) return errorResponse(400, [{ path: "(query).option", message: rows.error }]);
    const headers = {
      ...HEADERS,
      "content-disposition": `attachment; filename="${focusFilename(month, format)}"`,
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json",
    };
    return new Response(format === "csv" ? focusRowsToCsv(rows.rows) : focusRowsToJson(rows, month), { status: 200, headers });
  } catch (error) {
    return serverErrorResponse("POST /api/export/focus", error, "the export could not be made because of a server error; the input was not the problem");
  }
}
