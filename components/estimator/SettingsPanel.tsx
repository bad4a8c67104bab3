"use client";
import { memo } from "react";
import { SelectField } from "@/components/ui/fields";
import { defaultEksDraft, type DraftOrchestrator, type DraftSavingsPlan, type EksDraft } from "@/lib/form/draft";
import dynamic from "next/dynamic";

// Only shown on EKS: its own chunk, so ECS pages do not load it up front.
const EksPanel = dynamic(() => import("./EksPanel").then((m) => m.EksPanel));
import type { RegionInfo } from "./types";

interface Props {
  region: string;
  catalog: string;
  savingsPlan: DraftSavingsPlan;
  orchestrator: DraftOrchestrator;
  eks: EksDraft | undefined;
  regions: RegionInfo[];
  bundledCatalogIds: string[];
  errors: Map<string, string>;
  onRegion: (region: string) => void;
  onCatalog: (id: string) => void;
  onSavingsPlan: (plan: DraftSavingsPlan) => void;
  onOrchestrator: (orchestrator: DraftOrchestrator) => void;
  onEks: (patch: Partial<EksDraft>) => void;
}

function dateRange(info: RegionInfo | undefined): string {
  if (!info || info.sources.length === 0) return "";
  const dates = info.sources.map((s) => s.asOf).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  return first === last ? `Prices as of ${first}` : `Prices as of ${first} to ${last}`;
}

export const SettingsPanel = memo(function SettingsPanel({
  region,
  catalog,
  savingsPlan,
  orchestrator,
  eks,
  regions,
  bundledCatalogIds,
  errors,
  onRegion,
  onCatalog,
  onSavingsPlan,
  onOrchestrator,
  onEks,
}: Props) {
  const draft = { region, catalog, savingsPlan };
  const current = regions.find((r) => r.region === region);
  const isEks = orchestrator === "eks";
  return (
    <>
      <section className="panel" aria-labelledby="region-heading">
        <div className="panel-head">
          <h2 id="region-heading">Region and prices</h2>
        </div>
        <div className="fields">
          <SelectField<DraftOrchestrator>
            id="orchestrator"
            label="Orchestrator"
            className="wide"
            value={orchestrator}
            options={[
              { value: "ecs", label: "Amazon ECS (tasks)" },
              { value: "eks", label: "Amazon EKS (Kubernetes pods)" },
            ]}
            onChange={onOrchestrator}
            error={errors.get("orchestrator")}
            testId="orchestrator"
            hint={isEks ? "Pods on Fargate or on a managed node group, plus the cluster fee" : null}
          />
          <SelectField
            id="region"
            label="AWS region"
            className="wide"
            value={draft.region}
            options={regions.map((r) => ({ value: r.region, label: `${r.region} · ${r.location}` }))}
            onChange={onRegion}
            error={errors.get("region")}
            testId="region"
            hint={
              current ? (
                <span data-testid="region-dates">
                  {dateRange(current)} ({current.sources.length} sources; each line in the breakdown shows its own date)
                </span>
              ) : null
            }
          />
          {current ? (
            <details className="wide small">
              <summary>Sources for {current.region}</summary>
              <ul className="sources" style={{ margin: "4px 0 0", paddingLeft: 18 }}>
                {current.sources.map((s, i) => (
                  <li key={i}>
                    {s.name} <span className="num">({s.asOf})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {bundledCatalogIds.length > 1 ? (
            <SelectField id="catalog" label="Price catalog" value={draft.catalog} options={bundledCatalogIds.map((id) => ({ value: id, label: id }))} onChange={onCatalog} error={errors.get("catalog")} />
          ) : (
            <div className="field">
              <span className="label">Price catalog</span>
              <span className="small" data-testid="catalog-id">
                {draft.catalog} (<a href="/catalog">details</a>)
              </span>
            </div>
          )}
          <SelectField<DraftSavingsPlan>
            id="savings-plan"
            label="Fargate Savings Plan"
            className="wide"
            value={draft.savingsPlan}
            options={[
              { value: "none", label: "None (on-demand only)" },
              { value: "compute-1y", label: "Compute SP, 1 year, no upfront" },
              { value: "compute-3y", label: "Compute SP, 3 years, no upfront" },
            ]}
            onChange={onSavingsPlan}
            error={errors.get("fargate.savingsPlan")}
          />
        </div>
      </section>

      {/* Always present in EKS mode, also after a Kubernetes import whose input had no eks settings yet. */}
      {isEks ? <EksPanel eks={eks ?? defaultEksDraft()} errors={errors} onChange={onEks} /> : null}
    </>
  );
});
