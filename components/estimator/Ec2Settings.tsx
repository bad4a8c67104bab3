"use client";
/** The EC2 settings (ECS on EC2, ECS Managed Instances, the EKS node group): collapsed by default in the estimator, so loaded when opened. */
import { memo } from "react";
import { TextField, SelectField, Checkbox } from "@/components/ui/fields";
import type { Ec2Draft } from "@/lib/form/draft";

export const Ec2Settings = memo(function Ec2Settings({ ec2: e, isEks, errors, onEc2 }: { ec2: Ec2Draft; isEks: boolean; errors: Map<string, string>; onEc2: (patch: Partial<Ec2Draft>) => void }) {
  return (
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
        <TextField id="ec2-gp3-iops" label="gp3 IOPS per volume" value={e.gp3Iops ?? ""} inputMode="numeric" placeholder="3000 (included)" onChange={(v) => onEc2({ gp3Iops: v })} error={errors.get("ec2.gp3Iops")} hint="Above 3,000 billed per IOPS-month" />
        <TextField id="ec2-gp3-throughput" label="gp3 throughput per volume (MiB/s)" value={e.gp3ThroughputMiBps ?? ""} inputMode="decimal" placeholder="125 (included)" onChange={(v) => onEc2({ gp3ThroughputMiBps: v })} error={errors.get("ec2.gp3ThroughputMiBps")} hint="Above 125 MiB/s billed per MiB/s-month" />
        <Checkbox
          id="ec2-burstable"
          className="wide"
          label="Burstable (T) types too, priced with their worst-case CPU credits"
          checked={e.allowBurstable !== false}
          onChange={(v) => onEc2({ allowBurstable: v })}
        />
      </div>
    </section>
  );
});
