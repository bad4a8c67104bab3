/**
 * POST /api/commitment[?option=fargate|ec2]: EstimateInput in, the Compute Savings Plan commitment sizing out
 * (lib/commitment, docs/billing-rules.md#savings-plan-commitment). The body is read and validated exactly as
 * POST /api/estimate reads it (app/api/http.ts, lib/pipeline), so it gets the same 400 / 413 / 415 answers with
 * `{ errors }`; a bad `option` is a 400 naming `(query).option`.
 */
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { parseCommitmentOption, sizeCommitment } from "@/lib/commitment";
import { estimateFromRaw } from "@/lib/pipeline/estimate";
import { errorResponse, jsonResponse, readJsonBody, serverErrorResponse } from "../http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  try {
    const option = parseCommitmentOption(new URL(req.url).searchParams.get("option"));
    if (!option.ok) return errorResponse(400, [{ path: "(query).option", message: option.message }]);
    const body = await readJsonBody(req);
    if (!body.ok) return body.response;
    // The catalog the estimate is checked against is the one the sizing reads (loaded once).
    let catalog: RegionCatalog | undefined;
    const outcome = estimateFromRaw(body.value, (region, catalogId) => (catalog = loadRegionCatalog(region, catalogId)));
    if (!outcome.ok) return errorResponse(400, outcome.errors);
    return jsonResponse(sizeCommitment(outcome.result.input, catalog!, option.option));
  } catch (error) {
    return serverErrorResponse(
      "POST /api/commitment",
      error,
      "the commitment could not be computed because of a server error; the input was not the problem",
    );
  }
}
