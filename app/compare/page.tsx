import type { Metadata } from "next";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { ComparePage } from "@/components/compare/ComparePage";

export const metadata: Metadata = {
  title: "Compare two estimates — ECS Cost Estimator",
  description: "Two share links or JSON exports side by side: per option, service and line, with price changes told apart from input changes.",
};

// Rendered per request only because the CSP script nonce (proxy.ts) is per request; links are read in the browser.
export const dynamic = "force-dynamic";

export default function Compare() {
  return (
    <>
      <SiteHeader title="Compare two estimates" lead="What changed between two estimates, and whether the input or the prices changed it." />
      <main className="page">
        <ComparePage />
      </main>
      <footer className="site-footer">
        The old input is re-priced on the new side&rsquo;s price snapshot: price change = re-priced old &minus; old, input change = new &minus;
        re-priced old. CLI: <code>npm run -s estimate -- --compare OLD NEW --max-increase-pct 10 --format markdown</code>. API:{" "}
        <code>POST /api/compare</code>.
      </footer>
    </>
  );
}
