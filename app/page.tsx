import { loadCatalogIndex, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { MAX_SERVICES, parseEstimateInput, SERVICE_LIMITS } from "@/lib/schemas/estimate";
import { estimate } from "@/lib/engine/estimate";
import { encodeShareToken } from "@/lib/share/codec";
import { inputToDraft } from "@/lib/form/from-input";
import { Estimator } from "@/components/estimator/Estimator";
import { crossoverChartData } from "@/lib/present/curve";
import { defaultInputRaw, DEFAULT_REGION } from "@/lib/examples/default-input";
import type { RegionInfo } from "@/components/estimator/types";
import { panelSummaries } from "@/lib/present/panel-summaries";

// Rendered per request (a few ms) from the bundled catalog: the first paint already holds a real, server-computed
// comparison. Dynamic because the Content-Security-Policy carries a per-request script nonce (proxy.ts) that
// Next stamps on its scripts; a prerendered page would have none and be blocked. Share links (?s=...) are
// decoded in the browser.
export const dynamic = "force-dynamic";

/**
 * The first paint's data depends only on the (immutable) bundled catalog snapshot, so it is computed once per
 * catalog id and reused by every request (the page is rendered per request only for its CSP nonce).
 */
const firstPaintCache = new Map<string, ReturnType<typeof computeFirstPaint>>();

function computeFirstPaint(catalogId: string) {
  const index = loadCatalogIndex(catalogId);
  const catalog = loadRegionCatalog(DEFAULT_REGION, catalogId);
  const parsed = parseEstimateInput(defaultInputRaw(catalogId));
  if (!parsed.ok) throw new Error(`The default estimate is invalid: ${JSON.stringify(parsed.errors)}`);
  const input = parsed.value;
  const regions: RegionInfo[] = index.regions.map((r) => ({ region: r.region, location: r.location, sources: r.sources }));
  const result = estimate(input, catalog);
  return { input, result, summaries: panelSummaries(input, result), curve: crossoverChartData(input, catalog, 0), token: encodeShareToken(input), regions };
}

export default function Home() {
  const list = loadCatalogList();
  let firstPaint = firstPaintCache.get(list.newest);
  if (!firstPaint) {
    firstPaint = computeFirstPaint(list.newest);
    firstPaintCache.set(list.newest, firstPaint);
  }
  const { input, result, summaries, curve, token, regions } = firstPaint;

  return (
    <>
      <header className="site-header">
        <div className="inner">
          <div>
            <h1>ECS Cost Estimator</h1>
            <p>Fargate, Fargate Spot or ECS on EC2: where this workload should run, at what size, and what it costs.</p>
          </div>
          <nav aria-label="Site">
            <a href="/catalog">Price catalog</a>
            <a href="/rightsize">Right-size from usage</a>
            <a href="/actual">Estimate vs bill</a>
            <a href="/schema/estimate-input.v1.json">Input schema</a>
          </nav>
        </div>
      </header>
      <main className="page">
        <Estimator
          initialDraft={inputToDraft(input)}
          initialInput={input}
          initialResult={result}
          initialCurve={curve}
          initialToken={token}
          initialSummaries={summaries}
          regions={regions}
          newestCatalogId={list.newest}
          bundledCatalogIds={list.catalogs.map((c) => c.id)}
          limits={{ maxServices: MAX_SERVICES, nameMaxChars: SERVICE_LIMITS.nameMaxChars }}
        />
      </main>
      <footer className="site-footer">
        Prices from the bundled AWS price catalog {list.newest}; every rate shows its source date. Estimates, not invoices: taxes and support are
        not included; load balancers, NAT, public IPv4, data transfer and logs only as entered under &ldquo;Network and logs&rdquo;. API: <code>POST /api/estimate</code>.
      </footer>
    </>
  );
}
