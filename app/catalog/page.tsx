import type { Metadata } from "next";
import Link from "next/link";
import { BillTable } from "@/components/catalog/BillTable";
import { ChargesTable } from "@/components/catalog/ChargesTable";
import { CatalogTable, type CatalogTableRow } from "@/components/catalog/CatalogTable";
import { SourcesList } from "@/components/catalog/SourcesList";
import styles from "@/components/catalog/catalog.module.css";
import { loadCatalogIndex, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import type { CatalogSource } from "@/lib/catalog/schema";
import { chargeCoverage } from "@/lib/catalog/charge-coverage";
import { summarizeRegion } from "@/lib/catalog/summary";

export const metadata: Metadata = {
  title: "Price catalog — ECS Cost Estimator",
  description:
    "Which AWS regions the bundled price catalog covers, what each has (Fargate x86/ARM/Windows/Spot, EC2 On-Demand and Reserved, load balancers, NAT, IPv4, logs, data transfer) and how old each price is.",
};

// Rendered per request from data/catalog (the CSP script nonce from proxy.ts is per request); a corrupted
// catalog file still fails the build through the static /api/catalog route, naming the file and field.
export const dynamic = "force-dynamic";

const count = new Intl.NumberFormat("en-US");

export default function CatalogPage() {
  const list = loadCatalogList();
  const index = loadCatalogIndex(list.newest);
  const rows: CatalogTableRow[] = index.regions.map((entry) => ({
    ...summarizeRegion(loadRegionCatalog(entry.region, list.newest)),
    bytes: entry.bytes,
    gzipBytes: entry.gzipBytes,
  }));
  const sourceUse = new Map<string, CatalogSource & { regions: number }>();
  for (const entry of index.regions) {
    for (const s of loadRegionCatalog(entry.region, list.newest).sources) {
      const seen = sourceUse.get(s.id);
      sourceUse.set(s.id, { ...s, regions: (seen?.regions ?? 0) + 1 });
    }
  }
  const sources = [...sourceUse.values()].sort((a, b) => (a.asOf === b.asOf ? a.name.localeCompare(b.name) : b.asOf.localeCompare(a.asOf)));
  const charges = chargeCoverage(index.regions.map((entry) => loadRegionCatalog(entry.region, list.newest)));
  const totalTypes = rows.reduce((n, r) => n + r.ec2.instanceTypes, 0);
  const usEast1 = rows.find((r) => r.region === "us-east-1");

  return (
    <main className={styles.page}>
      <p className={styles.small}>
        <Link href="/">ECS Cost Estimator</Link> / Price catalog
      </p>
      <h1>Price catalog {list.newest}</h1>
      <p className={styles.lede}>
        Every estimate is priced from this bundled, dated snapshot of AWS list prices. Each rate records its source, the date it was read and the
        AWS usage type; where no published rate exists the rate is either derived by a stated rule (marked <em>Derived</em>) or marked{" "}
        <em>Not available</em> &mdash; never a zero or a guess.
      </p>
      <ul className={styles.facts} aria-label="Catalog summary">
        <li>
          <strong data-testid="region-count">{rows.length}</strong> regions
        </li>
        <li>
          <strong>{count.format(usEast1?.ec2.instanceTypes ?? 0)}</strong> EC2 types in us-east-1
        </li>
        <li>
          <strong>{count.format(totalTypes)}</strong> region × EC2 type prices
        </li>
        <li>
          <strong>{index.createdAt}</strong> snapshot built
        </li>
      </ul>

      <h2 id="regions">Regions</h2>
      <p className={styles.legend}>
        <strong>Published</strong>: an AWS price read from a dated source. <strong>Derived</strong>: inferred by a rule recorded with the rate (for
        example the Fargate ARM Spot rate from the region&apos;s x86 Spot discount, or the ECS Managed Instances fee as 12% of the On-Demand rate).{" "}
        <strong>Partly published</strong>: some of the kind&apos;s rates are published, the others are not available. <strong>Not available</strong>: no
        rate, the estimator says so instead of pricing it.
      </p>
      <CatalogTable rows={rows} catalogId={list.newest} />

      <h2 id="bill">EC2 commitments, ECS options and the rest of the bill</h2>
      <p className={styles.legend}>
        Reserved Instances are Standard, No Upfront, Linux, shared tenancy. ECS trunking comes from ECS&apos;s own table of awsvpc task limits: a
        type newer than the table is planned without trunking. Load balancers, NAT gateways, public IPv4 addresses, interface endpoints, logs and
        data transfer are priced per region from AWS&apos;s own pricing feeds.
      </p>
      <BillTable rows={rows} catalogId={list.newest} />

      <h2 id="charges">Charges</h2>
      <p className={styles.legend}>
        Each AWS charge is defined once (its rates, how its quantity follows from the input, its FOCUS columns and how a bill row is recognised as
        it); every cost line of an estimate names its charge. A charge counts as priced in a region when the snapshot has any of its rates there.
      </p>
      <ChargesTable rows={charges} regions={rows.length} catalogId={list.newest} />

      <h2 id="sources">Sources</h2>
      <SourcesList sources={sources} />

      <h2 id="api">Machine-readable</h2>
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON route handler (app/api/catalog/route.ts), not a page: the rule counts route handlers as pages */}
        <a href="/api/catalog">/api/catalog</a> lists the snapshots ({list.catalogs.map((c) => c.id).join(", ")}) and regions; each region file is at{" "}
        <code>/api/catalog/{list.newest}/&lt;region&gt;</code>, for example <a href={`/api/catalog/${list.newest}/us-east-1`}>us-east-1</a>. Refresh
        prices with <code>npm run prices:refresh -- --region us-east-1</code> (needs AWS credentials).
      </p>
    </main>
  );
}
