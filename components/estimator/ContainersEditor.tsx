"use client";
/** The pod's containers on EKS (services[].containers): name, requests, init; add and remove. */
import { Checkbox, TextField } from "@/components/ui/fields";
import { blankContainerDraft, type ContainerDraft, type ServiceDraft } from "@/lib/form/draft";
import { MAX_POD_CONTAINERS } from "@/lib/units";

/** The pod's containers on EKS: name, requests, and whether each is an init container. */
export default function ContainersEditor({ index, service: s, errors, onChange }: { index: number; service: ServiceDraft; errors: Map<string, string>; onChange: (containers: ContainerDraft[]) => void }) {
  const containers = s.containers ?? [];
  const p = `services[${index}].containers`;
  const update = (key: string, patch: Partial<ContainerDraft>) => onChange(containers.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const listError = errors.get(p);
  return (
    <fieldset className="subgroup wide" data-testid={`service-${index}-containers`}>
      <legend>Pod containers (requests)</legend>
      <p className="small muted" style={{ margin: "0 0 8px" }}>
        {containers.length === 0
          ? "None listed: the vCPU and memory above are the pod's requests."
          : !containers.some((c) => !c.init && c.sidecar === undefined)
            ? "Only sidecars listed: the vCPU and memory above are the app container; the pod requests them plus the sidecars (and at least its largest init container)."
            : "The pod requests the larger of its largest init container and the sum of the others (per vCPU and memory); the vCPU and memory above are then ignored on EKS."}
      </p>
      {containers.map((c, j) => {
        const cid = (f: string) => `${c.key}-${f}`;
        const cp = `${p}[${j}]`;
        return (
          <div className="fields container-row" key={c.key} data-testid={`service-${index}-container-${j}`}>
            <TextField id={cid("name")} label={`Container ${j + 1} name`} value={c.name} onChange={(v) => update(c.key, { name: v })} error={errors.get(`${cp}.name`)} maxLength={253} />
            <TextField id={cid("vcpu")} label="vCPU" value={c.vcpu} inputMode="decimal" onChange={(v) => update(c.key, { vcpu: v })} error={errors.get(`${cp}.vcpu`)} testId={`service-${index}-container-${j}-vcpu`} />
            <TextField id={cid("memory")} label="Memory (GiB)" value={c.memoryGiB} inputMode="decimal" onChange={(v) => update(c.key, { memoryGiB: v })} error={errors.get(`${cp}.memoryGiB`)} testId={`service-${index}-container-${j}-memory`} />
            <Checkbox id={cid("init")} label="Init container" checked={c.init} onChange={(v) => update(c.key, { init: v })} />
            <button type="button" className="btn" onClick={() => onChange(containers.filter((x) => x.key !== c.key))} aria-label={`Remove container ${c.name.trim() || j + 1}`}>
              Remove
            </button>
          </div>
        );
      })}
      {listError ? <p className="error">{listError}</p> : null}
      <button
        type="button"
        className="btn"
        disabled={containers.length >= MAX_POD_CONTAINERS}
        onClick={() => onChange([...containers, blankContainerDraft(containers.length + 1)])}
        data-testid={`service-${index}-add-container`}
      >
        + Add container
      </button>
    </fieldset>
  );
}

