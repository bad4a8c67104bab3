/**
 * POST /api/commitment[?option=fargate|ec2]: EstimateInput in, the Compute Savings Plan commitment sizing out
 * (lib/commitment, docs/billing-rules.md#savings-plan-commitment). The body goes through POST /api/estimate's own
 * handler first, so it gets exactly the same checks and 4xx answers (400 / 413 / 415 with `{ errors }`); a bad
 * `option` is a 400 naming `(query).option`.
 */
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { parseCommitmentOption, sizeCommitment } from "@/lib/commitment";
import type { EstimateResult } from "@/lib/schemas/estimate";
import { handleEstimate } from "../estimate/handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export async function POST(req: Request): Promise<Response> {
  const option = parseCommitmentOption(new URL(req.url).searchParams.get("option"));
  if (!option.ok) return Response.json({ errors: [{ path: "(query).option", message: option.message }] }, { status: 400, headers: HEADERS });
  const estimated = await handleEstimate(req);
  if (!estimated.ok) return estimated;
  try {
    const result = (await estimated.json()) as EstimateResult;
    // result.input is the validated input with its catalog id filled in, checked against that catalog.
    const catalog = loadRegionCatalog(result.input.region, result.input.catalog);
    return Response.json(sizeCommitment(result.input, catalog, option.option), { status: 200, headers: HEADERS });
  } catch (error) {
    console.error("POST /api/commitment failed:", error instanceof Error ? error.message : error);
    return Response.json(
      { errors: [{ path: "(server)", message: "the commitment could not be computed because of a server error; the input was not the problem" }] },
      { status: 500, headers: HEADERS },
    );
  }
}
