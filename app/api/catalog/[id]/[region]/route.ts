import { CatalogLookupError } from "@/lib/catalog/errors";
import { listBundledCatalogIds, loadCatalogIndex, loadRegionCatalog } from "@/lib/catalog/fs-loader";

// Every bundled (catalog, region) file is generated at build time; the browser estimator fetches these.
export const dynamic = "force-static";

export function generateStaticParams(): { id: string; region: string }[] {
  return listBundledCatalogIds().flatMap((id) => loadCatalogIndex(id).regions.map((r) => ({ id, region: r.region })));
}

/** GET /api/catalog/<id>/<region>: the validated region price file. Unknown id or region -> 404 JSON saying what exists. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; region: string }> }) {
  const { id, region } = await ctx.params;
  try {
    return Response.json(loadRegionCatalog(region, id));
  } catch (err) {
    if (err instanceof CatalogLookupError) {
      return Response.json({ error: "not-found", message: err.message, available: err.available }, { status: 404 });
    }
    throw err;
  }
}
