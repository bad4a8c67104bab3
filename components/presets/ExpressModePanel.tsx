"use client";
/**
 * "ECS Express Mode": one click adds a service as CreateExpressGatewayService creates it with its defaults (Fargate,
 * 1 vCPU / 2 GB, an ALB with an HTTPS listener, auto scaling, a log group) and the network lines it brings, and lists
 * what was assumed with each source (lib/presets/express-mode.ts, docs/billing-rules.md#express-mode), so its cost
 * shows before anything is created. Edits only the draft; loaded after first paint.
 */
import { memo, useState } from "react";
import { EXPRESS_ALB_ADDRESSES, EXPRESS_ASSUMPTIONS, expressModeLoadBalancer, expressModeService } from "@/lib/presets/express-mode";
import { blankServiceDraft, newServiceKey, type EstimateDraft, type ServiceDraft } from "@/lib/form/draft";
import { blankLoadBalancerDraft, emptyNetworkDraft } from "@/lib/form/network";

interface Props {
  eks: boolean;
  serviceNames: ReadonlyArray<string>;
  maxServices: number;
  serviceCount: number;
  onChange: (edit: (draft: EstimateDraft) => EstimateDraft) => void;
}

function uniqueName(taken: ReadonlyArray<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? "express-web" : `express-web-${n}`;
    if (!taken.includes(name)) return name;
  }
}

/** The draft with one Express Mode service and its ALB and addresses added (the network panel turned on). */
export function addExpressModeService(d: EstimateDraft): EstimateDraft {
  const name = uniqueName(d.services.map((s) => s.name));
  const raw = expressModeService(name);
  const logs = raw.logs!;
  const service: ServiceDraft = {
    ...blankServiceDraft(d.services.length + 1, newServiceKey()),
    name,
    vcpu: String(raw.vcpu),
    memoryGiB: String(raw.memoryGiB),
    tasks: String(raw.tasks),
    logs: true,
    logsIngestedGB: String(logs.ingestedGBPerMonth),
    logsClass: logs.class ?? "standard",
    logsRetentionMonths: String(logs.retentionMonths ?? 1),
  };
  const lb = expressModeLoadBalancer(name);
  const network = d.network.enabled ? d.network : { ...emptyNetworkDraft(), enabled: true };
  const extra = Number(network.extraAddresses.trim());
  return {
    ...d,
    services: [...d.services, service],
    network: {
      ...network,
      loadBalancers: [...network.loadBalancers, { ...blankLoadBalancerDraft(network.loadBalancers.length + 1, newServiceKey()), name: lb.name }],
      // Typed text that is not a number stays as typed (its error shows); otherwise the ALB's addresses are added.
      extraAddresses: Number.isFinite(extra) && network.extraAddresses.trim() !== "" ? String(extra + EXPRESS_ALB_ADDRESSES) : network.extraAddresses,
    },
  };
}

/** "Label: https://... (rest)" as a link on the label, so long addresses never widen the panel. */
function Source({ text }: { text: string }) {
  const m = /^(.*?): (https:\/\/\S+)(.*)$/.exec(text);
  if (!m) return <>{text}</>;
  return (
    <>
      <a href={m[2]} rel="noreferrer" target="_blank">
        {m[1]}
      </a>
      {m[3]}
    </>
  );
}

export const ExpressModePanel = memo(function ExpressModePanel({ eks, serviceNames, maxServices, serviceCount, onChange }: Props) {
  const [added, setAdded] = useState<string | null>(null);
  const full = serviceCount >= maxServices;
  return (
    <section className="panel" aria-labelledby="express-heading" data-testid="express-panel">
      <div className="panel-head">
        <h2 id="express-heading">ECS Express Mode</h2>
      </div>
      <p className="small muted">See what an Express Mode service costs before creating it: Fargate task, Application Load Balancer with HTTPS, auto scaling and a log group, with AWS&apos;s defaults.</p>
      <div className="preset-row">
        <button
          type="button"
          className="btn"
          disabled={eks || full}
          onClick={() => {
            setAdded(uniqueName(serviceNames));
            onChange(addExpressModeService);
          }}
          data-testid="add-express-service"
        >
          + Add an Express Mode service
        </button>
      </div>
      {eks ? <p className="small" role="note">Express Mode creates ECS services on Fargate: switch the orchestrator to ECS to add one.</p> : null}
      {full ? <p className="small" role="note">The estimate already has {maxServices} services, the most it holds.</p> : null}
      {added !== null ? (
        <p className="small" role="status" data-testid="express-added">
          Added &ldquo;{added}&rdquo;, its ALB and {EXPRESS_ALB_ADDRESSES} public IPv4 addresses to Network and logs. Edit anything that differs from your setup.
        </p>
      ) : null}
      <details open={added !== null} data-testid="express-assumptions">
        <summary>What the preset assumes</summary>
        <ul className="small">
          {EXPRESS_ASSUMPTIONS.map((a) => (
            <li key={a.what}>
              <strong>{a.what}</strong>: {a.value}{" "}
              <span className="muted">
                ({a.basis === "aws-default" ? "Express Mode default" : "our assumption"}; <Source text={a.source} />)
              </span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
});
