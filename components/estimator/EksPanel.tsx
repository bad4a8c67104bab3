"use client";
/** EKS settings (shown when the orchestrator is EKS): clusters and support tier, and what every node keeps back. */
import { memo } from "react";
import { Checkbox, SelectField, TextField } from "@/components/ui/fields";
import type { DraftEksSupport, EksDraft } from "@/lib/form/draft";

interface Props {
  eks: EksDraft;
  errors: Map<string, string>;
  onChange: (patch: Partial<EksDraft>) => void;
}

export const EksPanel = memo(function EksPanel({ eks, errors, onChange }: Props) {
  return (
    <section className="panel" aria-labelledby="eks-heading" data-testid="eks-panel">
      <div className="panel-head">
        <h2 id="eks-heading">EKS cluster</h2>
      </div>
      <div className="fields">
        <TextField
          id="eks-clusters"
          label="Clusters"
          value={eks.clusters}
          inputMode="numeric"
          onChange={(v) => onChange({ clusters: v })}
          error={errors.get("eks.clusters")}
          hint="Each pays the control-plane fee; 0 leaves it out"
          testId="eks-clusters"
        />
        <SelectField<DraftEksSupport>
          id="eks-support"
          label="Kubernetes version support"
          className="wide"
          value={eks.support}
          options={[
            { value: "standard", label: "Standard support" },
            { value: "extended", label: "Extended support (older versions)" },
          ]}
          onChange={(v) => onChange({ support: v })}
          error={errors.get("eks.support")}
          testId="eks-support"
        />
        <TextField
          id="eks-reserve-vcpu"
          label="DaemonSet reserve per node (vCPU)"
          value={eks.reserveVcpu}
          inputMode="decimal"
          onChange={(v) => onChange({ reserveVcpu: v })}
          error={errors.get("eks.daemonSetReserve.vcpu")}
          hint="Log agents, monitoring…"
        />
        <TextField
          id="eks-reserve-memory"
          label="DaemonSet reserve per node (GiB)"
          value={eks.reserveMemoryGiB}
          inputMode="decimal"
          onChange={(v) => onChange({ reserveMemoryGiB: v })}
          error={errors.get("eks.daemonSetReserve.memoryGiB")}
        />
        <TextField
          id="eks-node-volume"
          label="Node root volume (GiB, gp3)"
          value={eks.nodeVolumeGiB}
          inputMode="decimal"
          placeholder="20"
          onChange={(v) => onChange({ nodeVolumeGiB: v })}
          error={errors.get("eks.nodeVolumeGiB")}
          hint="Empty = 20, the managed node group default"
        />
        <Checkbox
          id="eks-prefix-delegation"
          className="wide"
          label="VPC CNI prefix delegation (more pods per node)"
          checked={eks.prefixDelegation === true}
          onChange={(v) => onChange({ prefixDelegation: v })}
        />
      </div>
    </section>
  );
});
