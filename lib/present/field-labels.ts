/**
 * Plain-language problems for the pages: the field's label as the form shows it and the problem in words
 * ("api — vCPU per task: must be at most 16") instead of the contract's path ("services[0].vcpu: must be <= 16").
 * The API and the CLIs keep the paths (lib/field-errors.ts): scripts and tests key on them. This table is the one
 * place a path's label lives; a path it does not know keeps its path, so no problem is ever hidden.
 * No imports beyond types: usable from the page's first-load JavaScript.
 */
import type { FieldError } from "../field-errors";
import { plainMessage } from "./plain-message";

export { plainMessage };

/** Labels of a service's fields, keyed by the path below `services[i].`; {unit} is "task" (ECS) or "pod" (EKS). */
const SERVICE_FIELDS: Readonly<Record<string, string>> = {
  name: "Name",
  vcpu: "vCPU per {unit}",
  memoryGiB: "Memory per {unit} (GiB)",
  architecture: "Architecture",
  os: "Operating system",
  tasks: "{Units} (average running)",
  ephemeralStorageGiB: "Ephemeral storage (GiB)",
  requestsPerSecond: "Requests per second",
  "usage.hoursPerMonth": "Hours per month",
  "usage.runsPerDay": "Runs per day",
  "usage.secondsPerRun": "Seconds per run",
  "usage.daysPerMonth": "Days per month",
  "fargateCapacityProviders.base": "Base on Fargate",
  "fargateCapacityProviders.fargateWeight": "Fargate weight",
  "fargateCapacityProviders.spotWeight": "Spot weight",
  "logs.ingestedGBPerMonth": "Logs: GB ingested per month",
  "logs.class": "Log class",
  "logs.retentionMonths": "Log retention (months)",
  containers: "Containers",
};

/** Labels of the estimate-wide fields, by full path. */
const TOP_FIELDS: Readonly<Record<string, string>> = {
  version: "Version",
  region: "AWS region",
  catalog: "Price catalog",
  orchestrator: "Orchestrator",
  services: "Services",
  "fargate.savingsPlan": "Fargate Savings Plan",
  "ec2.purchase": "EC2 purchase option",
  "ec2.instanceTypes": "Allowed instance types",
  "ec2.targetUtilizationPct": "Target utilization (%)",
  "ec2.minInstances": "Minimum instances",
  "ec2.networkMode": "Network mode",
  "ec2.rootVolumeGiB": "Root volume per instance (GiB)",
  "eks.clusters": "EKS clusters",
  "eks.support": "EKS support tier",
  "eks.daemonSetReserve.vcpu": "DaemonSet reserve per node (vCPU)",
  "eks.daemonSetReserve.memoryGiB": "DaemonSet reserve per node (GiB)",
  "eks.nodeVolumeGiB": "Node root volume (GiB)",
  "network.natGateways.count": "NAT gateways",
  "network.natGateways.processedGBPerMonth": "NAT: GB processed per month",
  "network.publicIpv4.extraAddresses": "Extra public IPv4 addresses",
  "network.vpcInterfaceEndpoints.count": "VPC interface endpoints",
  "network.vpcInterfaceEndpoints.azs": "Endpoint availability zones",
  "network.vpcInterfaceEndpoints.processedGBPerMonth": "Endpoints: GB processed per month",
  "network.dataTransferOutGBPerMonth": "Data out to the internet (GB/month)",
  "network.interAzGBPerMonth": "Cross-AZ traffic (GB/month)",
};

const LOAD_BALANCER_FIELDS: Readonly<Record<string, string>> = {
  name: "Name",
  type: "Type",
  count: "Count",
  newConnectionsPerSecond: "New connections per second",
  activeConnectionsPerMinute: "Active connections per minute",
  processedGBPerHour: "GB processed per hour",
  ruleEvaluationsPerSecond: "Rule evaluations per second",
};

const ENVIRONMENT_FIELDS: Readonly<Record<string, string>> = {
  name: "Name",
  multiplier: "Task multiplier",
  "schedule.timeZone": "Time zone",
  "schedule.days": "Days",
  "schedule.startHour": "Start hour",
  "schedule.endHour": "End hour",
};

export interface PlainFieldContext {
  /** The services' names as the form shows them (index = services[i]). */
  serviceNames: ReadonlyArray<string>;
  /** Orchestrator EKS: services are pods. */
  eks?: boolean;
  /** The environments' names (index = environments[i]). */
  environmentNames?: ReadonlyArray<string>;
}

/** The label of `path` as the form shows it, or null when the table does not know the path. */
export function fieldLabel(path: string, ctx: PlainFieldContext): string | null {
  const unit = ctx.eks ? "pod" : "task";
  const units = ctx.eks ? "Pods" : "Tasks";
  const fill = (label: string) => label.replace("{unit}", unit).replace("{Units}", units);
  if (TOP_FIELDS[path]) return TOP_FIELDS[path];
  const ec2Type = /^ec2\.instanceTypes\[(\d+)\]$/.exec(path);
  if (ec2Type) return `Allowed instance types (entry ${Number(ec2Type[1]) + 1})`;
  const svc = /^services\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (svc) {
    const i = Number(svc[1]);
    const who = ctx.serviceNames[i]?.trim() || `Service ${i + 1}`;
    const rest = svc[2];
    if (rest === undefined) return who;
    const container = /^containers\[(\d+)\]\.(name|vcpu|memoryGiB)$/.exec(rest);
    if (container) return `${who} — container ${Number(container[1]) + 1} ${container[2] === "name" ? "name" : container[2] === "vcpu" ? "vCPU" : "memory (GiB)"}`;
    const label = SERVICE_FIELDS[rest];
    return label ? `${who} — ${fill(label)}` : null;
  }
  const lb = /^network\.loadBalancers\[(\d+)\]\.(\w+)$/.exec(path);
  if (lb) {
    const label = LOAD_BALANCER_FIELDS[lb[2] as string];
    return label ? `Load balancer ${Number(lb[1]) + 1} — ${label}` : null;
  }
  const env = /^environments\[(\d+)\]\.(.+)$/.exec(path);
  if (env) {
    const i = Number(env[1]);
    const label = ENVIRONMENT_FIELDS[env[2] as string];
    const who = ctx.environmentNames?.[i]?.trim() || `Environment ${i + 1}`;
    return label ? `${who} — ${label}` : null;
  }
  return null;
}

/** One problem as a page shows it: "api — vCPU per task: must be at most 16"; unknown paths keep the path. */
export function plainFieldError(error: FieldError, ctx: PlainFieldContext): string {
  const label = fieldLabel(error.path, ctx);
  return `${label ?? error.path}: ${plainMessage(error.message)}`;
}
