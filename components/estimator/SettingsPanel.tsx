"use client";
import { memo } from "react";
import { TextField, SelectField, Checkbox } from "@/components/ui/fields";
import type { Ec2Draft, DraftOrchestrator, DraftSavingsPlan, EksDraft } from "@/lib/share/draft";
import { EksPanel } from "./EksPanel";
import type { RegionInfo } from "./types";

interface Props {
  region: string;
  catalog: string;
  savingsPlan: DraftSavingsPlan;
  ec2: Ec2Draft;
  orchestrator: DraftOrchestrator;
  eks: EksDraft | undefined;
  regions: RegionInfo[];
  bundledCatalogIds: string[];
  errors: Map<string, string>;
  onRegion: (region: string) => void;
  onCatalog: (id: string) => void;
  onSavingsPlan: (plan: DraftSavingsPlan) => void;
  onEc2: (patch: Partial<Ec2Draft>) => void;
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
  ec2,
  orchestrator,
  eks,
  regions,
  bundledCatalogIds,
  errors,
  onRegion,
  onCatalog,
  onSavingsPlan,
  onEc2,
  onOrchestrator,
  onEks,
}: Props) {
  const draft = { region, catalog, savingsPlan };
  const current = regions.find((r) => r.region === region);
  const e = ec2;
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

      {isEks && eks ? <EksPanel eks={eks} errors={errors} onChange={onEks} /> : null}

      <section className="panel" aria-labelledby="ec2-heading">
        <div className="panel-head">
          <h2 id="ec2-heading">{isEks ? "EKS managed node group (EC2)" : "ECS on EC2"}</h2>
        </div>
        <div className="fields">
          <SelectField<Ec2Draft["purchase"]>
            id="ec2-purchase"
            label="Purchase option"
            value={e.purchase}
            options={[
              { value: "on-demand", label: "On-demand" },
              { value: "spot", label: "Spot (average price)" },
              { value: "savings-plan-1y", label: "EC2 Savings Plan, 1 year" },
              { value: "savings-plan-3y", label: "EC2 Savings Plan, 3 years" },
              { value: "reserved-1y", label: "Reserved Instances 1 year (No Upfront)" },
              { value: "reserved-3y", label: "Reserved Instances 3 years (No Upfront)" },
            ]}
            onChange={(v) => onEc2({ purchase: v })}
            error={errors.get("ec2.purchase")}
          />
          {isEks ? null : (
            <SelectField<Ec2Draft["networkMode"]>
              id="ec2-network"
              label="Network mode"
              value={e.networkMode}
              options={[
                { value: "awsvpc", label: "awsvpc" },
                { value: "bridge", label: "bridge" },
                { value: "host", label: "host" },
              ]}
              onChange={(v) => onEc2({ networkMode: v })}
              error={errors.get("ec2.networkMode")}
            />
          )}
          <TextField
            id="ec2-types"
            label="Allowed instance types"
            className="wide"
            value={e.instanceTypes}
            placeholder="Any current-generation type"
            onChange={(v) => onEc2({ instanceTypes: v })}
            error={[...errors.entries()].find(([p]) => p === "ec2.instanceTypes" || p.startsWith("ec2.instanceTypes["))?.[1]}
            hint="Comma separated, e.g. m7g.large, c7g.xlarge. Empty = search every type."
          />
          <TextField id="ec2-target" label="Target utilization (%)" value={e.targetUtilizationPct} inputMode="decimal" onChange={(v) => onEc2({ targetUtilizationPct: v })} error={errors.get("ec2.targetUtilizationPct")} hint="Headroom: 90 keeps 10% free" />
          <TextField id="ec2-min" label="Minimum instances" value={e.minInstances} inputMode="numeric" onChange={(v) => onEc2({ minInstances: v })} error={errors.get("ec2.minInstances")} />
          {isEks ? null : (
            <>
              <TextField id="ec2-root" label="Root volume per instance (GiB, gp3)" value={e.rootVolumeGiB} inputMode="decimal" onChange={(v) => onEc2({ rootVolumeGiB: v })} error={errors.get("ec2.rootVolumeGiB")} />
              <Checkbox id="ec2-trunking" className="wide" label="ENI trunking (awsvpcTrunking)" checked={e.eniTrunking} onChange={(v) => onEc2({ eniTrunking: v })} />
            </>
          )}
          <Checkbox
            id="ec2-burstable"
            className="wide"
            label="Burstable (T) types too, priced with their worst-case CPU credits"
            checked={e.allowBurstable !== false}
            onChange={(v) => onEc2({ allowBurstable: v })}
          />
        </div>
      </section>
    </>
  );
});
