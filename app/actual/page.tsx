import type { Metadata } from "next";
import apiWebExample from "@/examples/api-web.json";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { loadCatalogList } from "@/lib/catalog/fs-loader";
import { ActualPage } from "@/components/actual/ActualPage";

export const metadata: Metadata = {
  title: "Estimate vs the real bill — ECS Cost Estimator",
  description:
    "Hold an estimate against a month of your AWS bill (FOCUS or CUR 2.0; CSV, gzip CSV or Parquet): per service and charge, what differs and by how much. The bill never leaves your browser.",
};

// Rendered per request only because the CSP script nonce (proxy.ts) is per request; the bill is read in the browser.
export const dynamic = "force-dynamic";

export default function Actual() {
  const list = loadCatalogList();
  const example = JSON.stringify(apiWebExample, null, 2);
  return (
    <>
      <SiteHeader title="Estimate vs the real bill" lead="One month of your AWS bill against the estimate: per service and charge, what differs, by how much, and why." />
      <main className="page">
        <ActualPage newestCatalogId={list.newest} bundledCatalogIds={list.catalogs.map((c) => c.id)} exampleInput={example} />
      </main>
      <footer className="site-footer">
        Charges are recognised by AWS service code, usage type and operation (docs/actual-bill.md). CLI:{" "}
        <code>npm run -s estimate -- estimate.json --actual bill.csv.gz --max-variance 10</code>. API: <code>POST /api/actual</code>.
      </footer>
    </>
  );
}
