/**
 * ECS Express Mode preset (docs/billing-rules.md#express-mode): a service as CreateExpressGatewayService creates it
 * with its defaults, and the rest of the bill it brings (an Application Load Balancer with an HTTPS listener, its
 * public addresses, the service's log group), so the cost shows before anything is created. Pure data: the form
 * and tests turn it into a service row and network settings; every default says where it comes from.
 */
import type { EstimateInputRaw } from "../schemas/estimate";

type ServiceRaw = EstimateInputRaw["services"][number];
type LoadBalancerRaw = NonNullable<NonNullable<EstimateInputRaw["network"]>["loadBalancers"]>[number];

export interface ExpressAssumption {
  what: string;
  value: string;
  /** "aws-default": AWS documents it as Express Mode's default; "assumed": our assumption, edit it. */
  basis: "aws-default" | "assumed";
  source: string;
}

const RESOURCES_DOC = "Amazon ECS developer guide, Resources created by Amazon ECS Express Mode services: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html";
const SCALING_DOC = "Amazon ECS API reference, ExpressGatewayScalingTarget: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExpressGatewayScalingTarget.html";

/** Express Mode's task-definition defaults: cpu 1024 (1 vCPU), memory 2048 (2 GB), Linux, X86_64, Fargate, awsvpc. */
export const EXPRESS_TASK = { vcpu: 1, memoryGiB: 2, architecture: "x86_64", os: "linux" } as const;
/** The tasks this preset runs: the scaling target's floor (see the assumption below). */
export const EXPRESS_MIN_TASKS = 1;
/** Express Mode's default scaling policy: target tracking on average CPU at 60%. */
export const EXPRESS_SCALING = { metric: "CPUUtilization (AVERAGE_CPU)", targetPct: 60 } as const;
/** Public IPv4 addresses of an internet-facing ALB: one per Availability Zone node, at least two AZs. */
export const EXPRESS_ALB_ADDRESSES = 2;
/** Log ingestion the preset assumes until the user knows better (Express Mode creates the group, not the volume). */
export const EXPRESS_LOG_GB_PER_MONTH = 1;

export const EXPRESS_ASSUMPTIONS: ReadonlyArray<ExpressAssumption> = [
  { what: "Launch type", value: "Fargate (capacity provider FARGATE, default cluster)", basis: "aws-default", source: RESOURCES_DOC },
  { what: "Task size", value: "1 vCPU / 2 GB (cpu 1024, memory 2048), Linux, X86_64, awsvpc", basis: "aws-default", source: RESOURCES_DOC },
  { what: "Load balancer", value: "one Application Load Balancer with an HTTPS listener, listener rules and a target group; priced at its hourly rate plus the LCUs you enter (0 until you add traffic)", basis: "aws-default", source: RESOURCES_DOC },
  { what: "ALB public IPv4", value: `${EXPRESS_ALB_ADDRESSES} always-on addresses (one per AZ of the internet-facing ALB, two AZs)`, basis: "assumed", source: "Public IPv4 charge: https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/" },
  { what: "Auto scaling", value: `target tracking on ${EXPRESS_SCALING.metric} at ${EXPRESS_SCALING.targetPct}%; priced at the floor of ${EXPRESS_MIN_TASKS} task running all month (raise tasks for your average)`, basis: "aws-default", source: SCALING_DOC },
  { what: "Minimum tasks", value: `${EXPRESS_MIN_TASKS}`, basis: "assumed", source: `${SCALING_DOC} (minTaskCount has no documented default; 1 is the smallest running service)` },
  { what: "Log group", value: `a CloudWatch Logs group for the service: ${EXPRESS_LOG_GB_PER_MONTH} GB/month ingested (Standard), kept 1 month`, basis: "assumed", source: `${RESOURCES_DOC} (the group is created; the volume and retention are ours)` },
  { what: "ACM certificate", value: "public certificate, no charge", basis: "aws-default", source: "AWS Certificate Manager pricing: https://aws.amazon.com/certificate-manager/pricing/" },
  { what: "Not priced", value: "the deployment metric alarm (CloudWatch bills alarms per alarm-month; the catalog has no alarm rate) and any NAT gateway your subnets need (add it under Network and logs)", basis: "assumed", source: RESOURCES_DOC },
];

/** The service row Express Mode would create, named `name`. */
export function expressModeService(name: string): ServiceRaw {
  return {
    name,
    vcpu: EXPRESS_TASK.vcpu,
    memoryGiB: EXPRESS_TASK.memoryGiB,
    architecture: EXPRESS_TASK.architecture,
    os: EXPRESS_TASK.os,
    tasks: EXPRESS_MIN_TASKS,
    usage: { kind: "continuous", hoursPerMonth: 730 },
    logs: { ingestedGBPerMonth: EXPRESS_LOG_GB_PER_MONTH, class: "standard", retentionMonths: 1 },
  };
}

/** The load balancer Express Mode creates for the service. */
export function expressModeLoadBalancer(name: string): LoadBalancerRaw {
  return { name: `${name}-alb`, type: "alb", count: 1 };
}

/** A whole estimate input of one Express Mode service (for the API, the CLI and tests). */
export function expressModeInput(region: string, name = "web"): EstimateInputRaw {
  return {
    version: 1,
    region,
    services: [expressModeService(name)],
    network: { loadBalancers: [expressModeLoadBalancer(name)], publicIpv4: { extraAddresses: EXPRESS_ALB_ADDRESSES } },
  };
}
