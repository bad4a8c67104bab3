"use client";
/** The regions of the catalog: search by region code or location, sort by name, Fargate price or EC2 types. */
import { Fragment, useState } from "react";
import type { RegionSummary } from "@/lib/catalog/summary";
import { AvailabilityBadge } from "./AvailabilityBadge";
import styles from "./catalog.module.css";

const rateFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 8 });
const kb = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const count = new Intl.NumberFormat("en-US");

export type CatalogTableRow = RegionSummary & { gzipBytes: number; bytes: number };

function Dates({ label, dates }: { label: string; dates: string[] }) {
  if (dates.length === 0) return null;
  return (
    <li>
      <span>{label}</span>{" "}
      {dates.map((d, i) => (
        <Fragment key={d}>
          {i > 0 ? ", " : ""}
          <time dateTime={d} className={styles.nowrap}>
            {d}
          </time>
        </Fragment>
      ))}
    </li>
  );
}

/** One row per region: what prices it has (published, derived or not available) and how old they are. */
type SortKey = "region" | "fargate" | "types";

const SORTS: ReadonlyArray<{ value: SortKey; label: string }> = [
  { value: "region", label: "Region code (A–Z)" },
  { value: "fargate", label: "Fargate x86 vCPU-hour, cheapest first" },
  { value: "types", label: "EC2 types, most first" },
];

function sortRows(rows: CatalogTableRow[], key: SortKey): CatalogTableRow[] {
  const sorted = [...rows];
  if (key === "region") sorted.sort((a, b) => a.region.localeCompare(b.region));
  else if (key === "fargate") sorted.sort((a, b) => a.x86.vcpuHourUSD - b.x86.vcpuHourUSD || a.region.localeCompare(b.region));
  else sorted.sort((a, b) => b.ec2.instanceTypes - a.ec2.instanceTypes || a.region.localeCompare(b.region));
  return sorted;
}

export function CatalogTable({ rows: allRows, catalogId }: { rows: CatalogTableRow[]; catalogId: string }) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<SortKey>("region");
  const q = query.trim().toLowerCase();
  const rows = sortRows(q ? allRows.filter((r) => r.region.includes(q) || r.location.toLowerCase().includes(q)) : allRows, sort);
  return (
    <>
    <div className={styles.controls}>
      <div className={styles.control}>
        <label htmlFor="catalog-search">Search regions</label>
        <input id="catalog-search" type="search" value={query} placeholder="eu-, Frankfurt, Tokyo…" onChange={(e) => setQuery(e.target.value)} data-testid="catalog-search" />
      </div>
      <div className={styles.control}>
        <label htmlFor="catalog-sort">Sort by</label>
        <select id="catalog-sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)} data-testid="catalog-sort">
          {SORTS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <p className={styles.small} role="status" data-testid="catalog-count">
        {rows.length === allRows.length ? `${allRows.length} regions` : `${rows.length} of ${allRows.length} regions`}
      </p>
    </div>
    <p className={styles.hint}>The table scrolls sideways; the region column stays in place.</p>
    <div className={styles.scroller} role="region" aria-labelledby="regions-caption" tabIndex={0}>
      <table className={styles.table} data-testid="catalog-table">
        <caption id="regions-caption">Regions in price catalog {catalogId}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.sticky}>Region</th>
            <th scope="col" className={styles.num}>Fargate Linux x86</th>
            <th scope="col">Fargate ARM / Windows</th>
            <th scope="col">Fargate Spot</th>
            <th scope="col">Ephemeral storage</th>
            <th scope="col" className={styles.num}>EC2 types</th>
            <th scope="col">Prices as of</th>
            <th scope="col" className={styles.num}>File (gzip)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.region} data-region={r.region}>
              <th scope="row" className={styles.sticky}>
                {r.region}
                <span>{r.location}</span>
              </th>
              <td className={styles.num}>
                {rateFormat.format(r.x86.vcpuHourUSD)} per vCPU-hour
                <br />
                {rateFormat.format(r.x86.gbHourUSD)} per GB-hour
              </td>
              <td>
                <AvailabilityBadge what="ARM" value={r.arm} />
                <br />
                <AvailabilityBadge what="Windows" value={r.windows} />
              </td>
              <td>
                <AvailabilityBadge what="x86" value={r.spotX86} />
                <br />
                <AvailabilityBadge what="ARM" value={r.spotArm} />
              </td>
              <td>
                <AvailabilityBadge value={r.ephemeralStorage} />
              </td>
              <td className={styles.num}>
                {count.format(r.ec2.instanceTypes)}
                <br />
                <span className={styles.small}>{count.format(r.ec2.withSpot)} with Spot</span>
              </td>
              <td>
                <ul className={styles.dates}>
                  <Dates label="Fargate" dates={r.asOf.fargate} />
                  <Dates label="Fargate Spot" dates={r.asOf.fargateSpot} />
                  <Dates label="EC2" dates={r.asOf.ec2OnDemand} />
                  <Dates label="EC2 Spot" dates={r.asOf.ec2Spot} />
                </ul>
              </td>
              <td className={styles.num}>
                <span title={`${kb.format(r.bytes / 1000)} kB uncompressed`}>{kb.format(r.gzipBytes / 1000)} kB</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </>
  );
}
