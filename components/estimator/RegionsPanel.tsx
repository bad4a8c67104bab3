"use client";
/**
 * "Compare regions": the last valid estimate priced in every region of its snapshot, cheapest first, as a bar
 * chart and a table (docs/billing-rules.md#region-comparison). The work runs on the server
 * (POST /api/estimate/regions), so the page stays responsive; requests are debounced while typing and a newer
 * one aborts the older. Each round trip is recorded as the performance measure "regions-run". A click on a bar
 * or a row's "Switch" button moves the estimate to that region.
 */
import { memo, useEffect, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "@/components/charts/TableAlternative";
import type { EstimateInput, FieldError } from "@/lib/schemas/estimate";
import type { RegionComparison } from "@/lib/regions/compare";
import { formatCostPer1M, formatRegionDifference } from "@/lib/regions/table";
import { formatUSD } from "@/lib/format";
import { FieldErrorList } from "@/components/ui/fields";
import type { RegionBar } from "@/components/charts/RegionsBarChart";

const RegionsBarChart = dynamic(() => import("@/components/charts/RegionsBarChart"), {
  ssr: false,
  loading: ChartPlaceholder,
});

export const REGIONS_URL = "/api/estimate/regions";
/** Wait this long after the last edit before asking again (a keystroke must not cost 36 estimates). */
const DEBOUNCE_MS = 350;

type Loaded = { key: string; comparison: RegionComparison; ms: number } | { key: string; error: string; errors: FieldError[] };

/** The comparison for `input` while `enabled`: { loaded (maybe for an older input), loading }. */
function useRegionComparison(input: EstimateInput, enabled: boolean): { loaded: Loaded | null; loading: boolean } {
  const key = useMemo(() => JSON.stringify(input), [input]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const start = performance.now();
      try {
        const res = await fetch(REGIONS_URL, { method: "POST", headers: { "content-type": "application/json" }, body: key, signal: controller.signal });
        const body: unknown = await res.json().catch(() => null);
        if (controller.signal.aborted) return;
        if (!res.ok) {
          const errors = body && typeof body === "object" && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: FieldError[] }).errors : [];
          setLoaded({ key, error: `The server could not compare regions (HTTP ${res.status}).`, errors });
          return;
        }
        const ms = performance.now() - start;
        try {
          performance.measure("regions-run", { start, end: start + ms });
        } catch {
          // No User Timing Level 3: nothing to record.
        }
        setLoaded({ key, comparison: body as RegionComparison, ms });
      } catch (error) {
        if (controller.signal.aborted) return;
        setLoaded({ key, error: `The regions could not be compared: ${error instanceof Error ? error.message : String(error)}`, errors: [] });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [enabled, key]);
  return { loaded, loading: enabled && loaded?.key !== key };
}

interface Props {
  /** The last valid input (what the cards show). */
  input: EstimateInput;
  onSwitchRegion: (region: string) => void;
  /** Start the comparison right away (the estimator's collapsed "Compare regions" was just opened). */
  initiallyOpen?: boolean;
}

export const RegionsPanel = memo(function RegionsPanel({ input, onSwitchRegion, initiallyOpen = false }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const { loaded, loading } = useRegionComparison(input, open);
  const comparison = loaded && "comparison" in loaded ? loaded.comparison : null;
  const perRequest = comparison?.regions.some((r) => r.cheapest?.costPer1MRequests !== undefined) ?? false;
  const bars: RegionBar[] = useMemo(
    () =>
      (comparison?.regions ?? [])
        .filter((r) => r.cheapest)
        .map((r) => ({
          region: r.region,
          label: `${r.region} (${r.location}): ${r.cheapest!.label}`,
          ...(r.current ? { current: r.cheapest!.monthlyUSD } : { other: r.cheapest!.monthlyUSD }),
        })),
    [comparison],
  );

  let status: string;
  if (loading) status = comparison ? "Updating the comparison for the current estimate…" : "Estimating the workload in every region…";
  else if (loaded && "error" in loaded) status = loaded.error;
  else if (loaded && comparison) {
    const where = comparison.regions.filter((r) => r.cheapest).length;
    status = `${where} of ${comparison.regions.length} regions can run this workload (price catalog ${comparison.catalog}); cheapest first. Computed on the server in ${Math.round(loaded.ms)} ms.`;
  } else status = "";

  return (
    <section className="panel" aria-labelledby="regions-heading" data-testid="regions-panel">
      <div className="panel-head">
        <h2 id="regions-heading">Compare regions</h2>
        <button type="button" className="btn" aria-expanded={open} aria-controls="regions-body" onClick={() => setOpen((o) => !o)} data-testid="regions-toggle">
          {open ? "Hide regions" : "Compare all regions"}
        </button>
      </div>
      {!open ? <p className="muted small" style={{ margin: 0 }}>The same workload in every region of the price catalog, cheapest first, with what is unavailable where and why.</p> : null}
      <div id="regions-body" hidden={!open}>
        {open ? (
          <>
            <p className={`status${loaded && "error" in loaded ? " stale" : ""}`} role="status" data-testid="regions-status">
              {status}
            </p>
            {loaded && "error" in loaded && loaded.errors.length > 0 ? <FieldErrorList errors={loaded.errors} className="errors" label="Problems the server found" /> : null}
            {comparison ? (
              <div aria-busy={loading} style={loading ? { opacity: 0.6 } : undefined}>
                <figure style={{ margin: 0 }}>
                  <figcaption className="small muted">
                    Cheapest monthly total per region (the current region, {comparison.currentRegion}, in green). Click a bar or a row&apos;s button to
                    switch the estimate to that region.
                  </figcaption>
                  <RegionsBarChart rows={bars} onSelect={onSwitchRegion} />
                </figure>
                {/* Positioned, so the visually hidden header text (absolutely positioned) scrolls with the table
                    instead of widening the page at 375 px. */}
                <div className="table-wrap" style={{ position: "relative" }}>
                  <table data-testid="table-regions">
                    <caption className="visually-hidden">Every region, cheapest first: cheapest option, monthly total, difference to the current region, what is unavailable</caption>
                    <thead>
                      <tr>
                        <th scope="col">Region</th>
                        <th scope="col">Cheapest option</th>
                        <th scope="col" className="r">
                          Monthly
                        </th>
                        <th scope="col" className="r">
                          Difference
                        </th>
                        {perRequest ? (
                          <th scope="col" className="r">
                            Per 1M requests
                          </th>
                        ) : null}
                        <th scope="col">Unavailable</th>
                      </tr>
                    </thead>
                    <tbody>
                      {comparison.regions.map((r) => (
                        <tr key={r.region} data-testid={`region-row-${r.region}`} className={r.current ? "current-region" : undefined} aria-current={r.current ? "true" : undefined}>
                          <th scope="row">
                            {r.region}
                            <div className="muted small" style={{ fontWeight: 400 }}>
                              {r.location}
                            </div>
                            {/* In the first column, so it is reachable without scrolling the table sideways on a phone. */}
                            {r.current ? (
                              <span className="small" style={{ fontWeight: 400 }}>
                                Current
                              </span>
                            ) : (
                              <button type="button" className="btn" style={{ marginTop: 4 }} onClick={() => onSwitchRegion(r.region)} aria-label={`Switch the estimate to ${r.region} (${r.location})`} data-testid={`region-switch-${r.region}`}>
                                Switch
                              </button>
                            )}
                          </th>
                          <td style={{ minWidth: "8em" }}>{r.cheapest ? r.cheapest.label : "Nothing can run here"}</td>
                          <td className="r" data-testid={`region-monthly-${r.region}`}>
                            {r.cheapest ? formatUSD(r.cheapest.monthlyUSD) : "—"}
                          </td>
                          <td className="r">{formatRegionDifference(r, comparison)}</td>
                          {perRequest ? <td className="r">{formatCostPer1M(r.cheapest?.costPer1MRequests)}</td> : null}
                          <td className="small" style={{ minWidth: "12em" }}>
                            {r.unavailable.length === 0 ? (
                              "—"
                            ) : (
                              <details>
                                <summary>{r.unavailable.map((u) => (u.what === "ec2.instanceTypes" ? "listed EC2 types" : u.what)).join(", ")}</summary>
                                <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
                                  {r.unavailable.map((u, i) => (
                                    <li key={i}>
                                      <strong>{u.what}:</strong> {u.reason}
                                    </li>
                                  ))}
                                </ul>
                              </details>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
});
