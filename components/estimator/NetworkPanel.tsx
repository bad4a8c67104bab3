"use client";
/**
 * "Network and logs": the estimate-level lines (load balancers, NAT, public IPv4, interface endpoints, egress,
 * inter-AZ). Off by default, so a new estimate is exactly as before; presets fill typical setups. The rates and
 * how each line is computed live in lib/engine/network.ts; this panel only edits the draft.
 */
import { memo } from "react";
import { TextField, SelectField, Checkbox, FieldErrorList } from "@/components/ui/fields";
import { newServiceKey, type LoadBalancerDraft, type NetworkDraft } from "@/lib/form/draft";
import { blankLoadBalancerDraft, presetNetworkDraft, type NetworkPreset } from "@/lib/form/network";

interface Props {
  network: NetworkDraft;
  errors: Map<string, string>;
  onChange: (next: NetworkDraft) => void;
}

const MAX_LOAD_BALANCER_GROUPS = 50;

const PRESETS: ReadonlyArray<{ preset: NetworkPreset; label: string }> = [
  { preset: "public-alb", label: "Public service behind an ALB" },
  { preset: "private-nat", label: "Private service with NAT" },
  { preset: "none", label: "None" },
];

export const NetworkPanel = memo(function NetworkPanel({ network: n, errors, onChange }: Props) {
  const set = (patch: Partial<NetworkDraft>) => onChange({ ...n, ...patch });
  const setLb = (key: string, patch: Partial<LoadBalancerDraft>) => set({ loadBalancers: n.loadBalancers.map((lb) => (lb.key === key ? { ...lb, ...patch } : lb)) });
  const err = (path: string) => errors.get(`network.${path}`);
  const shown = new Set<string>();
  const errAt = (path: string) => {
    shown.add(`network.${path}`);
    return err(path);
  };
  const body = n.enabled ? (
    <>
      <fieldset className="subgroup">
        <legend>Load balancers</legend>
        {n.loadBalancers.length === 0 ? <p className="muted small">No load balancers.</p> : null}
        {n.loadBalancers.map((lb, i) => {
          const p = `loadBalancers[${i}]`;
          const id = (f: string) => `${lb.key}-${f}`;
          const unit = lb.type === "alb" ? "LCU" : "NLCU";
          return (
            <div className="lb-group" key={lb.key} data-testid={`lb-${i}`}>
              <div className="fields">
                <TextField id={id("name")} label="Name" value={lb.name} maxLength={100} onChange={(v) => setLb(lb.key, { name: v })} error={errAt(`${p}.name`)} />
                <SelectField<LoadBalancerDraft["type"]>
                  id={id("type")}
                  label="Type"
                  value={lb.type}
                  options={[
                    { value: "alb", label: "ALB" },
                    { value: "nlb", label: "NLB" },
                  ]}
                  onChange={(v) => setLb(lb.key, { type: v })}
                  error={errAt(`${p}.type`)}
                />
                <TextField id={id("count")} label="How many" value={lb.count} inputMode="numeric" onChange={(v) => setLb(lb.key, { count: v })} error={errAt(`${p}.count`)} testId={`lb-${i}-count`} />
                {lb.fromRequests ? (
                  <p className="small muted" data-testid={`lb-${i}-from-requests-note`}>
                    New connections / s: from {lb.fromRequests.services ? lb.fromRequests.services.join(", ") : "every service's requests per second"}
                    {lb.fromRequests.requestsPerConnection ? `, ${lb.fromRequests.requestsPerConnection} requests per connection` : ", one request per connection"}
                    {lb.fromRequests.bytesPerRequest !== undefined ? `; processed GB from ${lb.fromRequests.bytesPerRequest} bytes per request` : ""}.
                  </p>
                ) : (
                  <TextField id={id("newconn")} label="New connections / s" value={lb.newConnectionsPerSecond} inputMode="decimal" onChange={(v) => setLb(lb.key, { newConnectionsPerSecond: v })} error={errAt(`${p}.newConnectionsPerSecond`)} hint={`Per load balancer; the largest dimension sets the ${unit}s`} />
                )}
                <TextField id={id("active")} label="Active connections / min" value={lb.activeConnectionsPerMinute} inputMode="decimal" onChange={(v) => setLb(lb.key, { activeConnectionsPerMinute: v })} error={errAt(`${p}.activeConnectionsPerMinute`)} />
                <TextField id={id("gb")} label="Processed GB / hour" value={lb.processedGBPerHour} inputMode="decimal" onChange={(v) => setLb(lb.key, { processedGBPerHour: v })} error={errAt(`${p}.processedGBPerHour`)} testId={`lb-${i}-gb`} />
                {lb.type === "alb" ? (
                  <TextField id={id("rules")} label="Rule evaluations / s" value={lb.ruleEvaluationsPerSecond} inputMode="decimal" onChange={(v) => setLb(lb.key, { ruleEvaluationsPerSecond: v })} error={errAt(`${p}.ruleEvaluationsPerSecond`)} hint="Beyond the 10 free rules per request" />
                ) : null}
              </div>
              {/* docs/billing-rules.md#lb-from-requests: derived from the services' requests per second. */}
              <Checkbox
                id={id("from-requests")}
                label="Derive new connections from the services' requests per second"
                checked={lb.fromRequests !== undefined}
                onChange={(v) => setLb(lb.key, v ? { fromRequests: {}, newConnectionsPerSecond: "0" } : { fromRequests: undefined })}
              />
              <button type="button" className="btn" onClick={() => set({ loadBalancers: n.loadBalancers.filter((x) => x.key !== lb.key) })} aria-label={`Remove load balancer ${lb.name.trim() || i + 1}`}>
                Remove
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="btn"
          disabled={n.loadBalancers.length >= MAX_LOAD_BALANCER_GROUPS}
          onClick={() => set({ loadBalancers: [...n.loadBalancers, blankLoadBalancerDraft(n.loadBalancers.length + 1, newServiceKey())] })}
          data-testid="add-lb"
        >
          + Add load balancer
        </button>
      </fieldset>

      <fieldset className="subgroup">
        <legend>NAT gateways and endpoints</legend>
        <div className="fields">
          <TextField id="nat-count" label="NAT gateways" value={n.natCount} inputMode="numeric" onChange={(v) => set({ natCount: v })} error={errAt("natGateways.count")} testId="nat-count" />
          <TextField id="nat-gb" label="NAT processed GB / month" value={n.natProcessedGB} inputMode="decimal" onChange={(v) => set({ natProcessedGB: v })} error={errAt("natGateways.processedGBPerMonth")} testId="nat-gb" />
          <TextField id="vpce-count" label="Interface VPC endpoints" value={n.endpointCount} inputMode="numeric" onChange={(v) => set({ endpointCount: v })} error={errAt("vpcInterfaceEndpoints.count")} />
          <TextField id="vpce-azs" label="Endpoint AZs" value={n.endpointAzs} inputMode="numeric" onChange={(v) => set({ endpointAzs: v })} error={errAt("vpcInterfaceEndpoints.azs")} hint="Each endpoint is billed per AZ" />
          <TextField id="vpce-gb" label="Endpoint GB / month" value={n.endpointProcessedGB} inputMode="decimal" onChange={(v) => set({ endpointProcessedGB: v })} error={errAt("vpcInterfaceEndpoints.processedGBPerMonth")} />
        </div>
      </fieldset>

      <fieldset className="subgroup">
        <legend>Public IPv4 and data transfer</legend>
        <Checkbox id="ipv4-fargate" label="Fargate tasks have public IPs" checked={n.publicIpFargateTasks} onChange={(v) => set({ publicIpFargateTasks: v })} />
        <Checkbox id="ipv4-ec2" label="EC2 instances are public" checked={n.publicIpEc2Instances} onChange={(v) => set({ publicIpEc2Instances: v })} />
        <div className="fields" style={{ marginTop: 8 }}>
          <TextField id="ipv4-extra" label="Extra public IPv4 addresses" value={n.extraAddresses} inputMode="numeric" onChange={(v) => set({ extraAddresses: v })} error={errAt("publicIpv4.extraAddresses")} hint="Elastic IPs, bastions…" />
          <TextField id="egress-gb" label="Data transfer out GB / month" value={n.dataTransferOutGB} inputMode="decimal" onChange={(v) => set({ dataTransferOutGB: v })} error={errAt("dataTransferOutGBPerMonth")} hint="To the internet; first 100 GB free" testId="egress-gb" />
          <TextField id="interaz-gb" label="Inter-AZ GB / month" value={n.interAzGB} inputMode="decimal" onChange={(v) => set({ interAzGB: v })} error={errAt("interAzGBPerMonth")} hint="Billed in each direction" />
        </div>
      </fieldset>
    </>
  ) : (
    <p className="muted small" data-testid="network-off">
      Not included: the estimate covers compute and storage only. Pick a preset to add load balancers, NAT, public IPv4 and data transfer.
    </p>
  );
  // Errors no field shows (e.g. the list of load balancers as a whole).
  const other = [...errors.entries()].filter(([path]) => (path === "network" || path.startsWith("network.")) && !shown.has(path));

  return (
    <section className="panel" aria-labelledby="network-heading" data-testid="network-panel">
      <div className="panel-head">
        <h2 id="network-heading">Network and logs</h2>
      </div>
      <div className="preset-row" role="group" aria-label="Network presets">
        {PRESETS.map(({ preset, label }) => (
          <button key={preset} type="button" className="btn" onClick={() => onChange({ ...presetNetworkDraft(preset), ...(n.logsFreeTier === false ? { logsFreeTier: false } : {}) })} data-testid={`network-preset-${preset}`}>
            {label}
          </button>
        ))}
      </div>
      <Checkbox id="network-enabled" className="network-toggle" label="Include network costs in the estimate" checked={n.enabled} onChange={(v) => set({ enabled: v })} />
      <Checkbox
        id="logs-free-tier"
        label="Apply the CloudWatch Logs free tier (first 5 GB ingested and 5 GB-months stored a month, account-wide)"
        checked={n.logsFreeTier !== false}
        onChange={(v) => set(v ? { logsFreeTier: undefined } : { logsFreeTier: false })}
      />
      {body}
      {other.length > 0 ? <FieldErrorList errors={other.map(([path, message]) => ({ path, message }))} className="errors" /> : null}
      <p className="muted small">CloudWatch Logs and &ldquo;may run on Spot&rdquo; are set per service, in each service card.</p>
    </section>
  );
});
