"use client";
/**
 * Sidecar presets of one service (docs/billing-rules.md#sidecars): one click adds Envoy (Service Connect), Fluent Bit
 * (FireLens), the X-Ray daemon or the CloudWatch agent as a row of the service's containers with AWS's documented or
 * recommended CPU and memory. On ECS the rows are listed here (editable); on EKS they are rows of the pod's
 * containers editor. Loaded in its own chunk.
 */
import { memo } from "react";
import { TextField } from "@/components/ui/fields";
import { SIDECAR_PRESET_SPECS } from "@/lib/engine/sidecars";
import { newServiceKey, type ContainerDraft, type ServiceDraft } from "@/lib/form/draft";
import { SIDECAR_PRESETS } from "@/lib/schemas/estimate-enums";
import { MAX_POD_CONTAINERS, MIB_PER_GIB } from "@/lib/units";

const BASIS_TEXT = { "aws-recommendation": "AWS recommendation", "aws-example": "AWS example task definition", "common-practice": "common practice, not an AWS rule" } as const;

function figures(vcpu: number, memoryGiB: number): string {
  return `${Math.round(vcpu * 1024)} CPU units / ${Math.round(memoryGiB * MIB_PER_GIB)} MiB`;
}

/** Sidecars are sized in MiB: the GiB field (the contract's unit, kept as typed) says what it is in MiB. */
function mibHint(gib: string): string | undefined {
  const v = Number(gib.trim());
  return gib.trim() !== "" && Number.isFinite(v) ? `= ${Number((v * MIB_PER_GIB).toFixed(3))} MiB` : undefined;
}

interface Props {
  index: number;
  service: ServiceDraft;
  eks: boolean;
  errors: Map<string, string>;
  onChange: (containers: ContainerDraft[]) => void;
}

export const SidecarPresets = memo(function SidecarPresets({ index, service: s, eks, errors, onChange }: Props) {
  const containers = s.containers ?? [];
  const sidecars = containers.map((c, j) => ({ c, j })).filter(({ c }) => c.sidecar !== undefined);
  const has = new Set(sidecars.map(({ c }) => c.sidecar));
  const add = (id: (typeof SIDECAR_PRESETS)[number]) => {
    const spec = SIDECAR_PRESET_SPECS[id];
    onChange([...containers, { key: newServiceKey(), name: spec.name, vcpu: String(spec.vcpu), memoryGiB: String(spec.memoryGiB), init: false, sidecar: id }]);
  };
  const update = (key: string, patch: Partial<ContainerDraft>) => onChange(containers.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const p = `services[${index}].containers`;
  return (
    <fieldset className="subgroup wide" data-testid={`service-${index}-sidecars`}>
      <legend>Sidecars</legend>
      <div className="preset-row" role="group" aria-label={`Add a sidecar to ${s.name || `service ${index + 1}`}`}>
        {SIDECAR_PRESETS.map((id) => {
          const spec = SIDECAR_PRESET_SPECS[id];
          return (
            <button
              key={id}
              type="button"
              className="btn"
              disabled={has.has(id) || containers.length >= MAX_POD_CONTAINERS}
              onClick={() => add(id)}
              title={`${figures(spec.vcpu, spec.memoryGiB)} (${BASIS_TEXT[spec.basis]}): ${spec.note}`}
              data-testid={`service-${index}-add-sidecar-${id}`}
            >
              + {spec.label}
            </button>
          );
        })}
      </div>
      {sidecars.length === 0 ? (
        <p className="small muted">None. {eks ? "Added sidecars become containers of the pod." : "The vCPU and memory above are the app's; each sidecar adds its own to the task, and Fargate bills the next valid size."}</p>
      ) : eks ? (
        <p className="small muted">Listed with the pod&apos;s containers above; the vCPU and memory above are the app container unless you list one.</p>
      ) : (
        <>
          <p className="small muted">Added to the task size: the vCPU and memory above are the app&apos;s; Fargate bills the next valid size of the sum (see &ldquo;billed as&rdquo;).</p>
          {sidecars.map(({ c, j }) => {
            const spec = c.sidecar ? SIDECAR_PRESET_SPECS[c.sidecar] : null;
            const cp = `${p}[${j}]`;
            return (
              <div className="fields container-row" key={c.key} data-testid={`service-${index}-sidecar-${c.sidecar}`}>
                <TextField id={`${c.key}-vcpu`} label={`${spec?.label ?? c.name} vCPU`} value={c.vcpu} inputMode="decimal" onChange={(v) => update(c.key, { vcpu: v })} error={errors.get(`${cp}.vcpu`)} />
                <TextField
                  id={`${c.key}-mem`}
                  label="Memory (GiB)"
                  value={c.memoryGiB}
                  inputMode="decimal"
                  onChange={(v) => update(c.key, { memoryGiB: v })}
                  error={errors.get(`${cp}.memoryGiB`)}
                  hint={mibHint(c.memoryGiB)}
                  testId={`service-${index}-sidecar-${c.sidecar}-memory`}
                />
                <button type="button" className="btn" onClick={() => onChange(containers.filter((x) => x.key !== c.key))} aria-label={`Remove ${spec?.label ?? c.name}`}>
                  Remove
                </button>
                {spec ? (
                  <p className="small muted" style={{ gridColumn: "1 / -1", margin: 0 }}>
                    Preset {figures(spec.vcpu, spec.memoryGiB)}: {BASIS_TEXT[spec.basis]}. {spec.note}
                  </p>
                ) : null}
              </div>
            );
          })}
        </>
      )}
    </fieldset>
  );
});
