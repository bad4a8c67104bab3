/**
 * POST /api/estimate/regions: the same body as POST /api/estimate; 200 { regions, currentRegion, catalog }: the
 * workload estimated in every region of its snapshot, cheapest first (lib/regions). The same 4xx as
 * /api/estimate (400 with paths, 413, 415), through the same body reader.
 */
import { compareRegionsFromRaw } from "@/lib/regions/pipeline";
import { filesRegionsLoader } from "@/lib/regions/files";
import { errorResponse, HEADERS, readJsonBody, serverErrorResponse } from "../../http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  try {
    const body = await readJsonBody(req);
    if (!body.ok) return body.response;
    const outcome = compareRegionsFromRaw(body.value, filesRegionsLoader());
    if (!outcome.ok) return errorResponse(400, outcome.errors);
    const { regions, currentRegion, catalog } = outcome.comparison;
    return Response.json({ regions, currentRegion, catalog }, { status: 200, headers: HEADERS });
  } catch (error) {
    return serverErrorResponse("POST /api/estimate/regions", error);
  }
}
