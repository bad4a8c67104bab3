/**
 * The form draft (./draft.ts) to a raw EstimateInput that the zod schema then validates: every text field read
 * as a number with its problem recorded under the path zod uses. Its own module: only the lazily loaded kit
 * (lib/pipeline/estimate.ts) runs it, so it, the environment and price-book readers and the number parser stay
 * out of the page's first-load JavaScript.
 */
import { mergeFieldErrors, type FieldError } from "../field-errors";
import { parseNumberText } from "../number-text";
import type { EksDraft, EstimateDraft } from "./draft";
import { environmentsToRaw } from "./environments";
import { discountsToRaw } from "./discounts";

export { mergeFieldErrors, parseNumberText };

export function splitInstanceTypes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface DraftConversion {
  /** The raw input to validate with EstimateInputSchema (number fields that failed to parse are NaN). */
  raw: Record<string, unknown>;
  /** Problems found while reading the text fields, with the same paths zod uses. */
  errors: FieldError[];
}

export function draftToRaw(draft: EstimateDraft): DraftConversion {
  const errors: FieldError[] = [];
  const num = (text: string, path: string): number => {
    const parsed = parseNumberText(text);
    if (parsed.ok) return parsed.value;
    errors.push({ path, message: parsed.message });
    return Number.NaN;
  };
  const services = draft.services.map((s, i) => {
    const p = `services[${i}]`;
    const usage =
      s.usageKind === "continuous"
        ? { kind: "continuous", hoursPerMonth: num(s.hoursPerMonth, `${p}.usage.hoursPerMonth`) }
        : {
            kind: "scheduled",
            runsPerDay: num(s.runsPerDay, `${p}.usage.runsPerDay`),
            secondsPerRun: num(s.secondsPerRun, `${p}.usage.secondsPerRun`),
            ...(s.daysPerMonth.trim() === "" ? {} : { daysPerMonth: num(s.daysPerMonth, `${p}.usage.daysPerMonth`) }),
          };
    const service: Record<string, unknown> = {
      name: s.name,
      vcpu: num(s.vcpu, `${p}.vcpu`),
      memoryGiB: num(s.memoryGiB, `${p}.memoryGiB`),
      architecture: s.architecture,
      os: s.os,
      ephemeralStorageGiB: num(s.ephemeralStorageGiB, `${p}.ephemeralStorageGiB`),
      tasks: num(s.tasks, `${p}.tasks`),
      usage,
    };
    if (s.strategy) {
      service.fargateCapacityProviders = {
        base: num(s.base, `${p}.fargateCapacityProviders.base`),
        fargateWeight: num(s.fargateWeight, `${p}.fargateCapacityProviders.fargateWeight`),
        spotWeight: num(s.spotWeight, `${p}.fargateCapacityProviders.spotWeight`),
      };
    }
    if (s.interruptible) service.interruptible = true;
    if (s.containers && s.containers.length > 0) {
      service.containers = s.containers.map((c, j) => ({
        name: c.name,
        vcpu: num(c.vcpu, `${p}.containers[${j}].vcpu`),
        memoryGiB: num(c.memoryGiB, `${p}.containers[${j}].memoryGiB`),
        ...(c.init ? { init: true } : {}),
        ...(c.ephemeralStorageGiB !== undefined && c.ephemeralStorageGiB.trim() !== "" ? { ephemeralStorageGiB: num(c.ephemeralStorageGiB, `${p}.containers[${j}].ephemeralStorageGiB`) } : {}),
        ...(c.sidecar ? { sidecar: c.sidecar } : {}),
      }));
    }
    if (s.requestsPerSecond !== undefined && s.requestsPerSecond.trim() !== "") service.requestsPerSecond = num(s.requestsPerSecond, `${p}.requestsPerSecond`);
    if (s.logs) {
      service.logs = {
        ingestedGBPerMonth: num(s.logsIngestedGB, `${p}.logs.ingestedGBPerMonth`),
        class: s.logsClass,
        retentionMonths: num(s.logsRetentionMonths, `${p}.logs.retentionMonths`),
      };
    }
    return service;
  });
  const n = draft.network;
  const network = n.enabled
    ? {
        network: {
          loadBalancers: n.loadBalancers.map((lb, i) => {
            const p = `network.loadBalancers[${i}]`;
            return {
              name: lb.name,
              type: lb.type,
              count: num(lb.count, `${p}.count`),
              newConnectionsPerSecond: num(lb.newConnectionsPerSecond, `${p}.newConnectionsPerSecond`),
              activeConnectionsPerMinute: num(lb.activeConnectionsPerMinute, `${p}.activeConnectionsPerMinute`),
              processedGBPerHour: num(lb.processedGBPerHour, `${p}.processedGBPerHour`),
              ...(lb.type === "alb" ? { ruleEvaluationsPerSecond: num(lb.ruleEvaluationsPerSecond, `${p}.ruleEvaluationsPerSecond`) } : {}),
              ...(lb.fromRequests ? { fromRequests: lb.fromRequests } : {}),
            };
          }),
          natGateways: { count: num(n.natCount, "network.natGateways.count"), processedGBPerMonth: num(n.natProcessedGB, "network.natGateways.processedGBPerMonth") },
          publicIpv4: {
            fargateTasks: n.publicIpFargateTasks,
            ec2Instances: n.publicIpEc2Instances,
            extraAddresses: num(n.extraAddresses, "network.publicIpv4.extraAddresses"),
          },
          vpcInterfaceEndpoints: {
            count: num(n.endpointCount, "network.vpcInterfaceEndpoints.count"),
            azs: num(n.endpointAzs, "network.vpcInterfaceEndpoints.azs"),
            processedGBPerMonth: num(n.endpointProcessedGB, "network.vpcInterfaceEndpoints.processedGBPerMonth"),
          },
          dataTransferOutGBPerMonth: num(n.dataTransferOutGB, "network.dataTransferOutGBPerMonth"),
          interAzGBPerMonth: num(n.interAzGB, "network.interAzGBPerMonth"),
          ...(n.logsFreeTier === false ? { logsFreeTier: false } : {}),
        },
      }
    : n.logsFreeTier === false
      ? { network: { logsFreeTier: false } }
      : {};
  const raw: Record<string, unknown> = {
    version: 1,
    region: draft.region,
    ...(draft.catalog ? { catalog: draft.catalog } : {}),
    services,
    fargate: { savingsPlan: draft.savingsPlan },
    ...network,
    // Written only when set, so a link that never touched EKS stays byte-identical.
    ...(draft.orchestrator !== undefined ? { orchestrator: draft.orchestrator } : {}),
    ...(draft.eks ? { eks: eksToRaw(draft.eks, num) } : {}),
    ...environmentsToRaw(draft.environments, num, errors),
    ...discountsToRaw(draft.discounts, num),
    ec2: {
      purchase: draft.ec2.purchase,
      instanceTypes: splitInstanceTypes(draft.ec2.instanceTypes),
      targetUtilizationPct: num(draft.ec2.targetUtilizationPct, "ec2.targetUtilizationPct"),
      minInstances: num(draft.ec2.minInstances, "ec2.minInstances"),
      networkMode: draft.ec2.networkMode,
      eniTrunking: draft.ec2.eniTrunking,
      rootVolumeGiB: num(draft.ec2.rootVolumeGiB, "ec2.rootVolumeGiB"),
      // Written only when off, so a link that never touched it stays byte-identical.
      ...(draft.ec2.allowBurstable === false ? { allowBurstable: false } : {}),
    },
  };
  return { raw, errors };
}

function eksToRaw(e: EksDraft, num: (text: string, path: string) => number): Record<string, unknown> {
  return {
    clusters: num(e.clusters, "eks.clusters"),
    support: e.support,
    daemonSetReserve: { vcpu: num(e.reserveVcpu, "eks.daemonSetReserve.vcpu"), memoryGiB: num(e.reserveMemoryGiB, "eks.daemonSetReserve.memoryGiB") },
    ...(e.prefixDelegation !== undefined ? { prefixDelegation: e.prefixDelegation } : {}),
    ...(e.nodeVolumeGiB.trim() !== "" ? { nodeVolumeGiB: num(e.nodeVolumeGiB, "eks.nodeVolumeGiB") } : {}),
  };
}
