import type { Metadata } from "next";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { loadCatalogIndex, loadCatalogList } from "@/lib/catalog/fs-loader";
import { Rightsize } from "@/components/rightsize/Rightsize";

export const metadata: Metadata = {
  title: "Right-size an ECS service from its real usage — ECS Cost Estimator",
  description:
    "Upload CloudWatch utilization (Container Insights or service metrics) and get the smallest valid Fargate size, priced on Fargate, Fargate Spot and ECS on EC2. Everything stays in your browser.",
};

// The region list comes from the bundled catalog; the page reads ?s= and files in the browser. Rendered per
// request only because the CSP script nonce (proxy.ts) is per request.
export const dynamic = "force-dynamic";

export default function RightsizePage() {
  const list = loadCatalogList();
  const index = loadCatalogIndex(list.newest);
  return (
    <>
      <SiteHeader title="Right-size from real usage" lead="Observed CPU and memory → the smallest valid Fargate size, priced on Fargate, Fargate Spot and ECS on EC2." />
      <main className="page">
        <Rightsize
          regions={index.regions.map((r) => ({ region: r.region, location: r.location }))}
          newestCatalogId={list.newest}
          bundledCatalogIds={list.catalogs.map((c) => c.id)}
        />
      </main>
      <footer className="site-footer">
        Method: CPU at the chosen percentile and memory at the chosen percentile, plus headroom, snapped up to the cheapest valid Fargate
        size; both sizes priced by the same engine as the estimator, from the bundled AWS price catalog {list.newest}. CLI:{" "}
        <code>npm run rightsize -- usage.csv --current-vcpu 1 --current-memory 2</code>.
      </footer>
    </>
  );
}
