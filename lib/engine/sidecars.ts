/**
 * Sidecar presets (docs/billing-rules.md#sidecars): the documented or recommended CPU and memory of the sidecars
 * real ECS tasks carry, and how they enter the task size. Pure.
 *
 * - ECS: a service's vcpu / memoryGiB are its app's share; every sidecar row (services[].containers[] with
 *   `sidecar`, not init) adds its vCPU and memory, so the Fargate size snaps from the sum and the EC2 packing
 *   reserves the sum. Other container rows stay ignored on ECS, as before.
 * - EKS: the pod's requests come from its containers (eks-pods.ts); when the only long-running rows are sidecars,
 *   the service's vcpu / memoryGiB are the app container, so adding a sidecar never drops the app.
 */
import type { Container, EstimateInput, Service, SidecarPreset } from "../schemas/estimate";
import { MIB_PER_GIB } from "../units";

export interface SidecarPresetSpec {
  id: SidecarPreset;
  /** Container name the preset row gets. */
  name: string;
  label: string;
  vcpu: number;
  memoryGiB: number;
  /** Where the figures come from, and whether they are an AWS recommendation or common practice. */
  basis: "aws-recommendation" | "aws-example" | "common-practice";
  source: string;
  note: string;
}

const mib = (n: number) => n / MIB_PER_GIB;

export const SIDECAR_PRESET_SPECS: Readonly<Record<SidecarPreset, SidecarPresetSpec>> = {
  envoy: {
    id: "envoy",
    name: "ecs-service-connect-agent",
    label: "Envoy (Service Connect proxy)",
    vcpu: 256 / 1024,
    memoryGiB: mib(64),
    basis: "aws-recommendation",
    source: "Amazon ECS developer guide, Service Connect components, Proxy resources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html",
    note: "AWS recommends adding 256 CPU units and at least 64 MiB to the task for the Service Connect proxy (512 CPU units above 500 requests/s at peak).",
  },
  "fluent-bit": {
    id: "fluent-bit",
    name: "log_router",
    label: "Fluent Bit (FireLens log router)",
    vcpu: 0,
    memoryGiB: mib(50),
    basis: "aws-example",
    source: "Amazon ECS developer guide, Example task definition: Route logs to FireLens (log_router memoryReservation 50): https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html",
    note: "AWS's FireLens example reserves 50 MiB and no CPU for the log router (it shares the task's CPU); raise them for heavy log volumes.",
  },
  xray: {
    id: "xray",
    name: "xray-daemon",
    label: "AWS X-Ray daemon",
    vcpu: 32 / 1024,
    memoryGiB: mib(256),
    basis: "aws-example",
    source: "AWS X-Ray developer guide, Running the X-Ray daemon on Amazon ECS (cpu 32, memoryReservation 256): https://docs.aws.amazon.com/xray/latest/devguide/xray-daemon-ecs.html",
    note: "AWS's example task definition gives the daemon 32 CPU units and 256 MiB.",
  },
  "cloudwatch-agent": {
    id: "cloudwatch-agent",
    name: "ecs-cwagent",
    label: "CloudWatch agent",
    vcpu: 128 / 1024,
    memoryGiB: mib(64),
    basis: "common-practice",
    source: "AWS CDK reference, CloudWatchAgentIntegration example (cpu 128, memoryLimitMiB 64): https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-applicationsignals-alpha.CloudWatchAgentIntegration.html",
    note: "AWS documents no required size for the agent as a sidecar; 128 CPU units / 64 MiB is the figure of AWS's CDK example, common practice rather than an AWS rule.",
  },
};

/** A preset row for a service's containers. */
export function sidecarContainer(id: SidecarPreset): Container {
  const spec = SIDECAR_PRESET_SPECS[id];
  return { name: spec.name, vcpu: spec.vcpu, memoryGiB: spec.memoryGiB, init: false, sidecar: id };
}

/** The long-running sidecar rows of a service. */
export function sidecarsOf(service: Pick<Service, "containers">): Container[] {
  return (service.containers ?? []).filter((c) => c.sidecar !== undefined && !c.init);
}

/** The service with its sidecars in its size (ECS) or with its app container made explicit (EKS). */
export function withSidecarSize(service: Service, orchestrator: EstimateInput["orchestrator"]): Service {
  const sidecars = sidecarsOf(service);
  if (sidecars.length === 0) return service;
  if (orchestrator === "eks") {
    const containers = service.containers ?? [];
    const hasApp = containers.some((c) => c.sidecar === undefined && !c.init);
    if (hasApp) return service;
    return { ...service, containers: [{ name: "app", vcpu: service.vcpu, memoryGiB: service.memoryGiB, init: false }, ...containers] };
  }
  let vcpu = service.vcpu;
  let memoryGiB = service.memoryGiB;
  for (const c of sidecars) {
    vcpu += c.vcpu;
    memoryGiB += c.memoryGiB;
  }
  // Sums of binary fractions (1/1024 vCPU, 1/1024 GiB) are exact; round off any other float noise.
  return { ...service, vcpu: Number(vcpu.toFixed(9)), memoryGiB: Number(memoryGiB.toFixed(9)) };
}

/** The input the options price: every service with its sidecars counted; the same object when there are none. */
export function withSidecarSizes(input: EstimateInput): EstimateInput {
  if (!input.services.some((s) => sidecarsOf(s).length > 0)) return input;
  return { ...input, services: input.services.map((s) => withSidecarSize(s, input.orchestrator)) };
}
