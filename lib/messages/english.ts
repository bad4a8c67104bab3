/**
 * The English of every warning and unavailable reason (lib/schemas/messages.ts): one renderer per code, the only
 * place these sentences are written. The engine stores the sentence beside the code in the result (`warnings` /
 * `reason`); the page, the CLI, the API and the MCP server show it. docs/messages.md lists the codes.
 *
 * Why here and not in lib/present: the result carries the sentences, so the engine renders them when it assembles
 * the result, and the engine imports nothing from the layers above it (lib/present among them; eslint.config.mjs,
 * tests/unit/lint). This folder sits below the engine with the contract: it imports only lib/schemas and the
 * number formats. lib/present/messages.ts is the presentation's door to it.
 */
import { num } from "../format";
import { formatUSD } from "../money";
import type { FleetLeftOut, FleetScope, FleetVariant, Message, MessageCode, MessageParams, ScheduledNote, ServiceRef } from "../schemas/messages";
import type { OptionId } from "../schemas/estimate";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `services[0] "api"`, or `services[0] "api" in environment "dev"` for a service of an environment. */
export function serviceRefText(ref: ServiceRef): string {
  return `services[${ref.index}] "${ref.name}"${ref.environment === undefined ? "" : ` in environment "${ref.environment}"`}`;
}

/** How the scheduled-fleet warning names the options it covers. */
const FLEET_OPTION_NAMES: Partial<Record<OptionId, string>> = {
  ec2: "ECS on EC2",
  "ecs-managed-instances": "ECS Managed Instances",
};

function scopeText(scope: FleetScope): string {
  switch (scope.kind) {
    case "allowed":
      return `the allowed instance types (${scope.types.join(", ")})`;
    case "current-generation":
      return `the current-generation ${scope.arch} types`;
    case "auto-mode-node-pool":
      return "the C, M and R types of generation 5 or newer (EKS Auto Mode's built-in general-purpose NodePool)";
  }
}

function leftOutText(left: FleetLeftOut): string {
  return (
    (left.burstableExcluded > 0 ? ` (${plural(left.burstableExcluded, "burstable type")} left out: ec2.allowBurstable is false)` : "") +
    (left.burstableUnpriced.length > 0 ? ` (${left.burstableUnpriced.join(", ")} left out: no documented CPU baseline or surplus-credit rate)` : "")
  );
}

function scheduledNoteText(note: ScheduledNote, hosts: "instances" | "nodes"): string {
  return note.kind === "never-scales-in"
    ? `${note.service} starts a run every ${num(note.everySeconds)} s and each lasts ${num(note.secondsPerRun)} s: the gap is shorter than launch + scale-in wait, so its ${hosts} never scale in (${num(note.hoursPerMonth)} h/month)`
    : `${note.service} keeps its ${hosts} ${num(note.instanceSecondsPerRun)} s per run (${num(note.launchSeconds)} s launch + ${num(note.secondsPerRun)} s run + ${num(note.scaleInWaitSeconds)} s scale-in wait) x ${num(note.runsPerDay)} runs/day x ${num(note.daysPerMonth)} days = ${num(note.hoursPerMonth)} h/month`;
}

function scheduledWorkText(p: MessageParams["ec2-scheduled-work"]): string {
  const notes = p.notes.map((n) => scheduledNoteText(n, p.hosts)).join("; ");
  const launch = num(p.launchSeconds / 60);
  const wait = num(p.scaleInWaitSeconds / 60);
  const variants: Record<FleetVariant, string> = {
    "ecs-ec2": `EC2 and scheduled work: cluster auto scaling launches instances for each run (${launch} minutes to launch and register is an assumption: AWS publishes no figure) and scales in only after ${wait} minutes below target; the fleet is sized for the services' peak concurrency, and the instances that only shorter-running services need scale in after them. ${notes}.`,
    "ecs-managed-instances": `ECS Managed Instances and scheduled work: AWS launches instances for each run and removes idle ones after its scale-in delay (scaleInAfter, 0 to 3,600 s; AWS publishes no default), so the estimate assumes the same ${launch}-minute launch and ${wait}-minute wait as ECS on EC2 cluster auto scaling. ${notes}.`,
    "eks-node-group": `Node groups and scheduled work: the node autoscaler is modelled like ECS cluster auto scaling (${launch} minutes for a node to launch and join, an assumption; scale-in after ${wait} minutes, while Cluster Autoscaler's default is 10 minutes); the group is sized for the pods' peak and the nodes only shorter-running services need are removed after them. ${notes}.`,
    "eks-auto-mode": `EKS Auto Mode and scheduled work: Karpenter launches nodes for pending pods and consolidates empty ones; the estimate assumes the same ${launch}-minute launch and ${wait}-minute wait as ECS cluster auto scaling. ${notes}.`,
  };
  return variants[p.variant];
}

function windowsText(p: MessageParams["windows-not-supported"]): string {
  const ref = serviceRefText(p.service);
  const variants: Record<FleetVariant, string> = {
    "ecs-ec2": `${ref} is a Windows task: the price catalog has Linux EC2 instance prices only`,
    "ecs-managed-instances": `${ref} is a Windows task: ECS Managed Instances runs Linux containers only (ECS developer guide, "Architect for Amazon ECS Managed Instances")`,
    "eks-node-group": `${ref} is a Windows service: the price catalog has Linux EC2 instance prices only, so no Windows node group`,
    "eks-auto-mode": `${ref} is a Windows service: EKS Auto Mode runs Linux nodes only`,
  };
  return variants[p.variant];
}

/** "vCPU-hours" -> "vCPU-h", "instance-hours" -> "h", "GB-months" -> "GB-month". */
function perUnit(unit: string): string {
  const one = unit.endsWith("s") ? unit.slice(0, -1) : unit;
  const h = one.endsWith("-hour") ? `${one.slice(0, -"-hour".length)}-h` : one;
  return h === "instance-h" ? "h" : h;
}

type Renderers = { [C in MessageCode]: (p: MessageParams[C]) => string };

/** One renderer per code: a code added to lib/schemas/messages.ts without one here fails the type check. */
export const MESSAGE_RENDERERS = {
  "schedule-replaces-hours": (p) =>
    `${serviceRefText(p.service)}: its ${num(p.hoursPerMonth)} h/month is replaced by each environment's weekly schedule (with environments, the schedule says when continuous services run).`,
  "scheduled-fleet": (p) => {
    const names = p.options.map((id) => FLEET_OPTION_NAMES[id] ?? id);
    return (
      `${names.join(" and ")} with environments: ${names.length === 1 ? "one fleet runs" : "each runs one fleet for"} every environment's tasks, sized for each period of the week (a run of quarter-hours with the same demand, UTC). ` +
      `Instances launch ${num(p.launchSeconds / 60)} minutes before demand rises (assumption) and leave ${num(p.scaleInWaitSeconds / 60)} minutes after it falls (the scale-in wait of ECS cluster auto scaling), so a dip shorter than that keeps them.`
    );
  },
  "eks-public-ipv4-ignored": () => "network.publicIpv4.fargateTasks is ignored on EKS: pods on Fargate run in private subnets only and have no public IPv4 address.",
  "fargate-spot-interruption": () =>
    "Fargate Spot tasks can be stopped at any time with a two-minute warning (SIGTERM and an EventBridge event); use Spot for work that tolerates interruption. Spot prices float and were read on the rate's date.",
  "capacity-mix-spot": () => "The capacity provider mix puts tasks on FARGATE_SPOT: those can be interrupted with a two-minute warning.",
  "eks-node-operations": () =>
    "EKS managed node groups: EKS launches the nodes with the EKS-optimized AMI and drains them for updates, but you start node and Kubernetes version updates and run the node autoscaler (Cluster Autoscaler or Karpenter).",
  "ec2-spot-interruption": (p) => `EC2 Spot ${p.hosts} can be reclaimed with a two-minute notice; the price used is an average Spot price, which floats.`,
  "ec2-operations": () => "ECS on EC2 means managing the instances yourself: AMI and ECS agent updates, patching, and capacity provider scaling.",
  "savings-plan-commitment": () =>
    "A Savings Plan is a commitment in $/hour billed for every hour of its term whether used or not; this option assumes a commitment that exactly matches this usage. Usage above it is billed on-demand.",
  "derived-rates": (p) => `Derived rate${p.rates.length > 1 ? "s" : ""} ${p.rates.map((r) => `${r.what} $${r.rateUSD}/${perUnit(r.unit)}`).join(", ")}: ${p.how}`,
  "old-price": (p) => {
    const shown = p.prices.slice(0, 4).join(", ") + (p.prices.length > 4 ? ` and ${p.prices.length - 4} more` : "");
    return `Old price: ${shown} dated ${p.asOf}, about ${p.months} months before the catalog date ${p.catalogDate}; the price may have changed.`;
  },
  "no-option-available": () => "No option can run the whole workload in this region with the bundled prices: see each option's reason.",
  "burstable-surplus-credits": (p) =>
    `${p.instanceType} is a burstable (T) type in unlimited mode (the default): the tasks on it reserve more CPU than its ${num(p.baselinePct)}% baseline per vCPU, so the estimate adds surplus CPU credits at $${p.creditUSDPerVcpuHour} per vCPU-hour as a worst case (tasks using all the CPU they reserve); set ec2.allowBurstable to false to plan without T types.`,
  "burstable-within-baseline": (p) =>
    `${p.instanceType} is a burstable (T) type: the tasks on it reserve no more CPU than its ${num(p.baselinePct)}% baseline per vCPU, so no surplus credits are expected; CPU above the baseline would be billed as surplus credits in unlimited mode.`,
  "eni-trunking-not-listed": (p) =>
    `${p.instanceType} is newer than ECS's awsvpc trunking table (${p.tableAsOf}), so it is planned without trunking: max ENIs - 1 = ${p.maxTasks} tasks per instance (conservative; ECS may allow more).`,
  "eni-trunking-unsupported": (p) => `${p.instanceType} does not support awsvpc ENI trunking on ECS, so its task limit is max ENIs - 1 = ${p.maxTasks}.`,
  "ec2-scheduled-work": scheduledWorkText,
  "rounding-loss": (p) =>
    `${p.service}: ${formatUSD(p.lossUSD)}/month (${p.sharePct}% of its Fargate cost) pays for capacity above the request because Fargate bills ${num(p.billed.vcpu)} vCPU / ${num(p.billed.memoryGiB)} GiB for ${num(p.requested.vcpu)} vCPU / ${num(p.requested.memoryGiB)} GiB; a request closer to a valid size would cost less.`,
  "eks-pod-rounding-loss": (p) =>
    `${p.service}: ${formatUSD(p.lossUSD)}/month (${p.sharePct}% of its EKS Fargate cost) pays for capacity above the pod's need because Fargate bills ${num(p.billed.vcpu)} vCPU / ${num(p.billed.memoryGiB)} GiB for requests of ${num(p.requested.vcpu)} vCPU / ${num(p.requested.memoryGiB)} GiB + ${num(p.podOverheadGiB)} GiB; requests closer to a valid size would cost less.`,
  "windows-storage-fixed": (p) =>
    `${p.service}: ${num(p.requestedGiB)} GiB of ephemeral storage was requested, but Windows tasks on Fargate are assumed to have a fixed ${p.fixedGiB} GiB (AWS documents conflict); no storage charge is included.`,
  "windows-minimum-charge": (p) =>
    `${p.service}: each ${num(p.secondsPerRun)} s run is billed as ${p.minimumSeconds} s: Windows tasks on Fargate are billed per second with a 5-minute minimum per run.`,

  "catalog-unavailable": (p) => p.catalogReason,
  "windows-not-supported": windowsText,
  "gp3-unavailable": (p) => `No gp3 price for the instances' volumes: ${p.catalogReason}`,
  "gp3-volume-too-small": (p) => `ec2.gp3Iops ${num(p.iops)} needs a gp3 volume of at least ${num(p.minGiB)} GiB (500 IOPS per GiB); the instances' volume is ${num(p.volumeGiB)} GiB`,
  "gp3-provisioned-unavailable": (p) => `gp3 ${p.what} above the ${num(p.included)} included cannot be priced in ${p.region}: ${p.catalogReason}`,
  "public-ipv4-unavailable": (p) => `Public IPv4 addresses cannot be priced in ${p.region} with price catalog ${p.catalogId}: ${p.catalogReason}`,
  "fleet-no-type-left": (p) => `No ${p.arch} type left to search among ${scopeText(p.scope)}${leftOutText(p.leftOut)}`,
  "fleet-types-not-in-catalog": (p) => `None of ${scopeText(p.scope)} is in the ${p.region} catalog for ${p.arch}`,
  "fleet-cannot-hold": (p) =>
    `No ${p.arch} instance type among ${scopeText(p.scope)} with a ${p.priceText} price can hold a task of ${p.demands.map((d) => `"${d.service}" (${num(d.vcpu)} vCPU / ${num(d.memoryGiB)} GiB)`).join(", ")}${p.limitText}${leftOutText(p.leftOut)}`,
  "managed-instances-bridge": () =>
    "ECS Managed Instances runs tasks in the awsvpc or host network mode, not bridge (ECS API reference, managed instances network configuration): set ec2.networkMode to awsvpc or host to price it",
  "managed-instances-fee-unavailable": (p) => `No ECS Managed Instances management fee in the ${p.region} catalog: ${p.catalogReason}`,
  "eks-auto-mode-fee-missing": (p) => `Price catalog ${p.catalogId} has no EKS Auto Mode fee for ${p.region} (snapshots from 2026-12-01 on have it)`,
  "eks-auto-mode-fee-unavailable": (p) => `No EKS Auto Mode management fee in the ${p.region} catalog: ${p.catalogReason}`,
  "eks-fargate-govcloud": (p) =>
    `EKS pods on Fargate are not available in ${p.partition} (${p.region}): AWS Fargate with Amazon EKS is not offered in the GovCloud (US) regions (EKS user guide, "AWS Fargate considerations"); a managed node group can run the pods there`,
  "eks-fargate-windows": (p) => `${serviceRefText(p.service)} is a Windows service: EKS pods on Fargate run Linux on x86_64 only`,
  "eks-fargate-arm64": (p) => `${serviceRefText(p.service)} is arm64: EKS pods on Fargate run Linux on x86_64 only (arm64 pods need an EC2 node group)`,
  "eks-pod-too-large": (p) =>
    `${serviceRefText(p.service)} needs ${num(p.needed.vcpu)} vCPU / ${num(p.needed.memoryGiB)} GiB as a pod on Fargate (requests + ${num(p.podOverheadGiB)} GiB for the Kubernetes components); the largest Fargate pod is ${num(p.largest.vcpu)} vCPU / ${num(p.largest.memoryGiB)} GiB`,
  "eks-pod-storage-too-large": (p) =>
    `${serviceRefText(p.service)} requests ${num(p.requestedGiB)} GiB of ephemeral storage${p.fromContainers ? " (its containers' requests)" : ""}: an EKS pod on Fargate can have at most ${p.maxGiB} GiB (ECS tasks on Fargate up to 200 GiB)`,
  "eks-no-fargate-spot": () => "EKS pods on Fargate cannot use Fargate Spot: FARGATE_SPOT is an ECS capacity provider only",
  "eks-cluster-fee-missing": (p) =>
    `The EKS cluster fee (${plural(p.clusters, "cluster")}, ${p.support} support) cannot be priced: price catalog ${p.catalogId} has no EKS rates (snapshots from 2026-12-01 on have them); set eks.clusters to 0 to leave the fee out`,
  "eks-cluster-fee-unavailable": (p) => `The EKS cluster fee (${plural(p.clusters, "cluster")}, ${p.support} support) cannot be priced in ${p.region}: ${p.catalogReason}`,
  "eks-node-figures-missing": (p) =>
    `Price catalog ${p.catalogId} has no EKS node figures (allocatable CPU/memory, max pods) for ${p.region}; snapshots from 2026-12-01 on have them`,
  "fargate-windows-arch": (p) => `${serviceRefText(p.service)}: Windows containers on Fargate run on x86_64 only`,
  "fargate-rate-unavailable": (p) => `${serviceRefText(p.service)} (${p.platform}): ${p.catalogReason}`,
  "fargate-spot-windows": (p) => `Fargate Spot does not run Windows tasks (${serviceRefText(p.service)})`,
  "fargate-size-too-large": (p) =>
    `${serviceRefText(p.service)} needs ${num(p.vcpu)} vCPU / ${num(p.memoryGiB)} GiB; ${p.windowsLimit ? `Windows tasks on Fargate are at most` : "the largest Fargate task is"} ${num(p.largest.vcpu)} vCPU / ${num(p.largest.memoryGiB)} GiB`,
  "fargate-storage-unavailable": (p) => `${serviceRefText(p.service)} needs ${num(p.storageGiB)} GiB of ephemeral storage: ${p.catalogReason}`,
  "network-rate-unavailable": (p) =>
    `${p.what} cannot be priced in ${p.region} with price catalog ${p.catalogId}: ${p.catalogReason}${p.at === null ? "" : ` (${p.at})`}`,
} satisfies Renderers;

/** The sentence of one message. */
export function renderMessage(m: Message): string {
  const render = MESSAGE_RENDERERS[m.code] as (p: Message["params"]) => string;
  return render(m.params);
}
