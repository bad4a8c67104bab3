import { loadCatalogIndex, loadCatalogList } from "@/lib/catalog/fs-loader";

// Built once at `next build` from data/catalog; a corrupted file fails the build, naming the file and field.
export const dynamic = "force-static";

/** GET /api/catalog: bundled snapshot ids, the newest, and per region what it has and as of when. */
export function GET() {
  const list = loadCatalogList();
  const catalogs = list.catalogs.map((c) => {
    const index = loadCatalogIndex(c.id);
    return {
      id: c.id,
      createdAt: c.createdAt,
      note: c.note,
      regions: index.regions.map((r) => ({
        region: r.region,
        location: r.location,
        url: `/api/catalog/${c.id}/${r.region}`,
        fargate: r.fargate,
        ec2InstanceTypes: r.ec2InstanceTypes,
        sources: r.sources,
        bytes: r.bytes,
        gzipBytes: r.gzipBytes,
      })),
    };
  });
  const newest = catalogs.find((c) => c.id === list.newest);
  return Response.json({
    schemaVersion: 1,
    newest: list.newest,
    catalogIds: list.catalogs.map((c) => c.id),
    regions: newest?.regions ?? [],
    catalogs,
  });
}
