/**
 * EstimateInput -> form draft (share links, imports, the server's first paint). Numbers become their
 * shortest round-trip text (String(n)), so draft -> input gives back exactly the same numbers.
 */
import { DEFAULT_DAYS_PER_MONTH, HOURS_PER_MONTH, type EstimateInput } from "../schemas/estimate";
import { environmentsToDraft } from "./environments";
import { discountsToDraft } from "./discounts";
import { LOGS_DRAFT_DEFAULTS, SCHEDULED_DRAFT_DEFAULTS, emptyNetworkDraft, type EstimateDraft, type NetworkDraft, type ServiceDraft } from "./draft";

function networkToDraft(network: EstimateInput["network"], makeKey: (index: number) => string): NetworkDraft {
  const none = emptyNetworkDraft();
  if (!network) return none;
  // Only the CloudWatch Logs free-tier switch set: the network lines stay off (docs/billing-rules.md#logs-free-tier).
  const onlyFreeTier =
    network.logsFreeTier === false &&
    network.loadBalancers.length === 0 &&
    !network.natGateways &&
    !network.publicIpv4 &&
    !network.vpcInterfaceEndpoints &&
    network.dataTransferOutGBPerMonth === 0 &&
    network.interAzGBPerMonth === 0;
  if (onlyFreeTier) return { ...none, logsFreeTier: false };
  return {
    ...(network.logsFreeTier === false ? { logsFreeTier: false } : {}),
    enabled: true,
    loadBalancers: network.loadBalancers.map((lb, i) => ({
      key: makeKey(i),
      name: lb.name,
      type: lb.type,
      count: String(lb.count),
      newConnectionsPerSecond: String(lb.newConnectionsPerSecond),
      activeConnectionsPerMinute: String(lb.activeConnectionsPerMinute),
      processedGBPerHour: String(lb.processedGBPerHour),
      ruleEvaluationsPerSecond: String(lb.ruleEvaluationsPerSecond),
      ...(lb.fromRequests ? { fromRequests: lb.fromRequests } : {}),
    })),
    natCount: String(network.natGateways?.count ?? 0),
    natProcessedGB: String(network.natGateways?.processedGBPerMonth ?? 0),
    publicIpFargateTasks: network.publicIpv4?.fargateTasks ?? false,
    publicIpEc2Instances: network.publicIpv4?.ec2Instances ?? false,
    extraAddresses: String(network.publicIpv4?.extraAddresses ?? 0),
    endpointCount: String(network.vpcInterfaceEndpoints?.count ?? 0),
    endpointAzs: String(network.vpcInterfaceEndpoints?.azs ?? none.endpointAzs),
    endpointProcessedGB: String(network.vpcInterfaceEndpoints?.processedGBPerMonth ?? 0),
    dataTransferOutGB: String(network.dataTransferOutGBPerMonth),
    interAzGB: String(network.interAzGBPerMonth),
  };
}

export function inputToDraft(input: EstimateInput, makeKey: (index: number) => string = (i) => `svc-init-${i}`): EstimateDraft {
  const services: ServiceDraft[] = input.services.map((s, i) => ({
    key: makeKey(i),
    name: s.name,
    vcpu: String(s.vcpu),
    memoryGiB: String(s.memoryGiB),
    architecture: s.architecture,
    os: s.os,
    ephemeralStorageGiB: String(s.ephemeralStorageGiB),
    tasks: String(s.tasks),
    usageKind: s.usage.kind,
    hoursPerMonth: String(s.usage.kind === "continuous" ? s.usage.hoursPerMonth : HOURS_PER_MONTH),
    runsPerDay: s.usage.kind === "scheduled" ? String(s.usage.runsPerDay) : SCHEDULED_DRAFT_DEFAULTS.runsPerDay,
    secondsPerRun: s.usage.kind === "scheduled" ? String(s.usage.secondsPerRun) : SCHEDULED_DRAFT_DEFAULTS.secondsPerRun,
    daysPerMonth:
      s.usage.kind === "scheduled" && s.usage.daysPerMonth !== DEFAULT_DAYS_PER_MONTH ? String(s.usage.daysPerMonth) : "",
    strategy: s.fargateCapacityProviders !== undefined,
    base: String(s.fargateCapacityProviders?.base ?? 0),
    fargateWeight: String(s.fargateCapacityProviders?.fargateWeight ?? 1),
    spotWeight: String(s.fargateCapacityProviders?.spotWeight ?? 1),
    interruptible: s.interruptible ?? false,
    logs: s.logs !== undefined,
    logsIngestedGB: s.logs ? String(s.logs.ingestedGBPerMonth) : LOGS_DRAFT_DEFAULTS.logsIngestedGB,
    logsClass: s.logs?.class ?? LOGS_DRAFT_DEFAULTS.logsClass,
    logsRetentionMonths: s.logs ? String(s.logs.retentionMonths) : LOGS_DRAFT_DEFAULTS.logsRetentionMonths,
    ...(s.containers
      ? {
          containers: s.containers.map((c, j) => ({
            key: `${makeKey(i)}-c${j}`,
            name: c.name,
            vcpu: String(c.vcpu),
            memoryGiB: String(c.memoryGiB),
            init: c.init,
            ...(c.sidecar ? { sidecar: c.sidecar } : {}),
            ...(c.ephemeralStorageGiB !== undefined ? { ephemeralStorageGiB: String(c.ephemeralStorageGiB) } : {}),
          })),
        }
      : {}),
    ...(s.requestsPerSecond !== undefined ? { requestsPerSecond: String(s.requestsPerSecond) } : {}),
  }));
  return {
    region: input.region,
    catalog: input.catalog ?? "",
    services,
    savingsPlan: input.fargate.savingsPlan,
    ec2: {
      purchase: input.ec2.purchase,
      instanceTypes: input.ec2.instanceTypes.join(", "),
      targetUtilizationPct: String(input.ec2.targetUtilizationPct),
      minInstances: String(input.ec2.minInstances),
      networkMode: input.ec2.networkMode,
      eniTrunking: input.ec2.eniTrunking,
      rootVolumeGiB: String(input.ec2.rootVolumeGiB),
      allowBurstable: input.ec2.allowBurstable,
    },
    network: networkToDraft(input.network, (i) => `lb-init-${i}`),
    ...(input.orchestrator ? { orchestrator: input.orchestrator } : {}),
    ...(input.eks
      ? {
          eks: {
            clusters: String(input.eks.clusters),
            support: input.eks.support,
            reserveVcpu: String(input.eks.daemonSetReserve.vcpu),
            reserveMemoryGiB: String(input.eks.daemonSetReserve.memoryGiB),
            ...(input.eks.prefixDelegation !== undefined ? { prefixDelegation: input.eks.prefixDelegation } : {}),
            nodeVolumeGiB: input.eks.nodeVolumeGiB !== undefined ? String(input.eks.nodeVolumeGiB) : "",
          },
        }
      : {}),
    ...withEnvironments(input),
    ...withDiscounts(input),
  };
}

/** The price book only when the input has one, so a draft without it equals what it was before. */
function withDiscounts(input: EstimateInput): Pick<EstimateDraft, "discounts"> {
  const discounts = discountsToDraft(input.discounts);
  return discounts ? { discounts } : {};
}

/** Environments only when the input has them, so a draft without them equals what it was before. */
function withEnvironments(input: EstimateInput): Pick<EstimateDraft, "environments"> {
  const environments = environmentsToDraft(input.environments);
  return environments ? { environments } : {};
}
