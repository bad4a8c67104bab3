/**
 * Amazon EKS (orchestrator "eks"): pods on Fargate, the cluster fee, and managed node groups on EC2.
 * Rules: docs/billing-rules.md#eks-fargate-pods, #eks-cluster-fee, #eks-node-groups. The options keep the ECS
 * option ids (OPTION.fargate, OPTION["fargate-spot"], OPTION["fargate-savings-plan"], OPTION.ec2) so charts, the crossover curve, exports
 * and the recommendation work unchanged; their labels say EKS.
 */
import { isUnavailable, type InstanceType, type RegionCatalog } from "../catalog/schema";
import { OPTION, type Ec2Options, type Architecture, type CostLine, type EstimateInput, type EstimateOption, type Service } from "../schemas/estimate";
import { CPU_UNITS_PER_VCPU, HOURS_PER_MONTH, MIB_PER_GIB } from "../units";
import { ecsFleetDemands, ecsInstanceOption, instancePriceSource, type InstanceHost } from "./ec2";
import type { FleetDemand, InstanceCapacity } from "./fleet";
import { fargateOption, type SizedService } from "./fargate";
import { FARGATE_LINUX_SIZES, largestFargateSize } from "./fargate-sizes";
import {
  EKS_FARGATE_MAX_POD_STORAGE_GIB,
  EKS_FARGATE_POD_OVERHEAD_GIB,
  eksNodeCapacity,
  fargatePodSize,
  podRequests,
  podStorage,
  type FargatePodSize,
  type PodStorage,
} from "./eks-pods";
import { EKS_FARGATE_STORAGE_SYSTEM_GIB, FARGATE_INCLUDED_STORAGE_GIB } from "../units";
import { num, plural, rateLine, withRate } from "./lines";
import { ROUNDING_LOSS_WARN_SHARE } from "./rules";
import { SHARED_SERVICE } from "./shared-lines";
import { MessageSet, unavailableOption, type Failure } from "./messages";
import { bare, message, type ReasonMessage, type ScheduledNote } from "../schemas/messages";

const isFailure = (v: unknown): v is Failure => typeof v === "object" && v !== null && "reason" in v && !Array.isArray(v);

export const EKS_LABELS = {
  fargate: "EKS on Fargate (pods)",
  "fargate-spot": "EKS on Fargate Spot",
  "compute-1y": "EKS on Fargate with a Compute Savings Plan (1 year, No Upfront)",
  "compute-3y": "EKS on Fargate with a Compute Savings Plan (3 years, No Upfront)",
} as const;


interface SizedPod extends SizedService {
  pod: FargatePodSize;
  storage: PodStorage;
}

/**
 * Regions where EKS runs no pods on Fargate: "AWS Fargate with Amazon EKS isn't available in AWS GovCloud (US-East)
 * and AWS GovCloud (US-West)" (EKS user guide, "AWS Fargate considerations"; docs/billing-rules.md#eks-fargate-regions).
 * Managed node groups are available there.
 */
export const EKS_FARGATE_UNAVAILABLE_REGIONS: Readonly<Record<string, string>> = {
  "us-gov-east-1": "AWS GovCloud (US-East)",
  "us-gov-west-1": "AWS GovCloud (US-West)",
};

/**
 * Every service as a pod on Fargate, or the reason one cannot run there. The SizedService handed to the Fargate
 * pricing carries the pod's need (requests + 256 MiB) as its vcpu / memoryGiB, so the rounding loss it computes
 * is only what snapping to a valid size adds above that need (the 256 MiB is not avoidable).
 */
export function sizePods(input: EstimateInput): SizedPod[] | Failure {
  const gov = EKS_FARGATE_UNAVAILABLE_REGIONS[input.region];
  if (gov) {
    return { reason: message("eks-fargate-govcloud", { partition: gov, region: input.region }) };
  }
  const out: SizedPod[] = [];
  for (let index = 0; index < input.services.length; index++) {
    const service = input.services[index] as Service;
    const ref = { index, name: service.name };
    if (service.os === "windows") return { reason: message("eks-fargate-windows", { service: ref }) };
    if (service.architecture === "arm64") return { reason: message("eks-fargate-arm64", { service: ref }) };
    const pod = fargatePodSize(service);
    if (!pod.size) {
      const max = largestFargateSize("linux");
      return {
        reason: message("eks-pod-too-large", {
          service: ref,
          needed: { vcpu: pod.needed.vcpu, memoryGiB: pod.needed.memoryGiB },
          podOverheadGiB: EKS_FARGATE_POD_OVERHEAD_GIB,
          largest: { vcpu: max.vcpu, memoryGiB: max.memoryGiB },
        }),
      };
    }
    const storage = podStorage(service);
    if (storage.requestedGiB > EKS_FARGATE_MAX_POD_STORAGE_GIB) {
      return {
        reason: message("eks-pod-storage-too-large", {
          service: ref,
          requestedGiB: storage.requestedGiB,
          fromContainers: storage.from === "containers",
          maxGiB: EKS_FARGATE_MAX_POD_STORAGE_GIB,
        }),
      };
    }
    // Measured from at least the smallest size, 0.25 vCPU / 0.5 GB: below it nothing could be saved.
    const floor = FARGATE_LINUX_SIZES[0] as { vcpu: number; memoryGiB: number };
    const need = { vcpu: Math.max(pod.needed.vcpu, floor.vcpu), memoryGiB: Math.max(pod.needed.memoryGiB, floor.memoryGiB) };
    // The Fargate pricing bills ephemeralStorageGiB - 20 GiB: hand it the pod's provisioned storage (fractional).
    const ephemeralStorageGiB = FARGATE_INCLUDED_STORAGE_GIB + storage.billedGiB;
    out.push({ service: { ...service, ...need, ephemeralStorageGiB }, index, size: pod.size, pod, storage });
  }
  return out;
}

/** "pod requests 0.25 vCPU / 0.75 GiB + 0.25 GiB Kubernetes components, billed as 0.25 vCPU / 1 GiB on Fargate ..." */
function podNote(s: SizedPod): string {
  const { requests, needed } = s.pod;
  const size = s.size;
  const parts: string[] = [];
  if (requests.from === "containers") {
    const by = (from: string) => (from === "init" ? "the largest init container" : "the sum of the long-running containers");
    parts.push(`pod requests ${num(requests.vcpu)} vCPU (${by(requests.vcpuFrom)}) / ${num(requests.memoryGiB)} GiB (${by(requests.memoryFrom)})`);
  } else parts.push(`pod requests ${num(requests.vcpu)} vCPU / ${num(requests.memoryGiB)} GiB`);
  parts[0] += ` + ${num(EKS_FARGATE_POD_OVERHEAD_GIB)} GiB Kubernetes components`;
  const exact = Math.abs(size.vcpu - needed.vcpu) < 1e-9 && Math.abs(size.memoryGiB - needed.memoryGiB) < 1e-9;
  parts.push(
    exact
      ? `billed as ${num(size.vcpu)} vCPU / ${num(size.memoryGiB)} GiB on Fargate (a valid size)`
      : `billed as ${num(size.vcpu)} vCPU / ${num(size.memoryGiB)} GiB on Fargate (the smallest valid size holding ${num(needed.vcpu)} vCPU / ${num(needed.memoryGiB)} GiB)`,
  );
  return parts.join(", ");
}

function unavailable(id: EstimateOption["id"], label: string, reason: ReasonMessage): EstimateOption {
  return unavailableOption(id, label, reason);
}

/**
 * An EKS-on-Fargate option: the Fargate pricing of fargate.ts on the pods' billed sizes, with the services'
 * `requested` set to the pods' own requests and a note that explains the size.
 */
export function eksFargateOption(
  catalog: RegionCatalog,
  pods: SizedPod[] | Failure,
  mode: "on-demand" | "compute-1y" | "compute-3y",
  warnings: MessageSet,
): EstimateOption {
  const id = mode === "on-demand" ? OPTION.fargate : OPTION["fargate-savings-plan"];
  const label = mode === "on-demand" ? EKS_LABELS.fargate : EKS_LABELS[mode];
  if (isFailure(pods)) return unavailable(id, label, pods.reason);
  // fargate.ts words its warnings for ECS tasks; the pod warnings are written below.
  const option = fargateOption(catalog, pods, mode, new MessageSet());
  if (!option.available) return { ...option, label };
  const services = option.services.map((billed, i) => {
    const s = pods[i] as SizedPod;
    return { ...billed, requested: { vcpu: s.pod.requests.vcpu, memoryGiB: s.pod.requests.memoryGiB }, note: podNote(s) };
  });
  // The storage line: say how the pod's provisioned storage was found (docs/billing-rules.md#eks-fargate-storage).
  const byName = new Map(pods.map((p) => [p.service.name, p]));
  const lines = option.lines.map((l) => {
    const p = l.component === "storage" ? byName.get(l.service) : undefined;
    if (!p) return l;
    const st = p.storage;
    const text = `EKS pod ephemeral storage: requests ${num(st.requestedGiB)} GiB${st.from === "containers" ? " (its containers)" : ""} + 10% (file system) + ${num(EKS_FARGATE_STORAGE_SYSTEM_GIB)} GiB (system components) = ${num(st.provisionedGiB)} GiB provisioned; billed ${num(st.provisionedGiB)} - ${FARGATE_INCLUDED_STORAGE_GIB} GiB included = ${num(st.billedGiB)} GiB.`;
    return withRate({ ...l, label: `Fargate ephemeral storage above ${FARGATE_INCLUDED_STORAGE_GIB} GiB (pod, ${num(st.provisionedGiB)} GiB provisioned)`, note: l.note ? `${l.note} ${text}` : text }, l);
  });
  if (mode === "on-demand") {
    for (const b of services) {
      const loss = b.roundingLossUSD ?? 0;
      if (b.monthlyUSD > 0 && loss > ROUNDING_LOSS_WARN_SHARE * b.monthlyUSD) {
        warnings.add(
          message("eks-pod-rounding-loss", {
            service: b.name,
            lossUSD: loss,
            sharePct: Math.round((loss / b.monthlyUSD) * 100),
            billed: { vcpu: b.vcpu, memoryGiB: b.memoryGiB },
            requested: { vcpu: b.requested.vcpu, memoryGiB: b.requested.memoryGiB },
            podOverheadGiB: EKS_FARGATE_POD_OVERHEAD_GIB,
          }),
        );
      }
    }
  }
  return { ...option, label, services, lines };
}

/** EKS has no Fargate Spot: the option stays in the list, unavailable, with the reason. */
export function eksFargateSpotOption(): EstimateOption {
  return unavailable(OPTION["fargate-spot"], EKS_LABELS["fargate-spot"], bare("eks-no-fargate-spot"));
}

/**
 * The control plane: eks.clusters x 730 h x the support tier's rate per cluster-hour, the same line in every
 * option (docs/billing-rules.md#eks-cluster-fee). Savings Plans do not cover it. Empty for 0 clusters.
 */
export function eksClusterFeeLines(input: EstimateInput, catalog: RegionCatalog): CostLine[] | Failure {
  const clusters = input.eks?.clusters ?? 1;
  const support = input.eks?.support ?? "standard";
  if (clusters <= 0) return [];
  if (!catalog.eks) return { reason: message("eks-cluster-fee-missing", { clusters, support, catalogId: catalog.catalogId }) };
  const rate = support === "extended" ? catalog.eks.clusterHourExtended : catalog.eks.clusterHourStandard;
  if (isUnavailable(rate)) return { reason: message("eks-cluster-fee-unavailable", { clusters, support, region: catalog.region, catalogReason: rate.reason }) };
  const line = rateLine(
    SHARED_SERVICE,
    "eks-cluster",
    `EKS control plane (${support} support)`,
    clusters * HOURS_PER_MONTH,
    "cluster-hours",
    rate,
    `${plural(clusters, "cluster")} x ${HOURS_PER_MONTH} h; the same in every option, not covered by Savings Plans.${support === "extended" ? " Extended support: a Kubernetes version past its 14 months of standard support." : ""}`,
  );
  line.shared = true;
  return [line];
}

// ---------------------------------------------------------------- managed node groups (docs/billing-rules.md#eks-node-groups)

/** The gp3 root volume of a managed node group's nodes when eks.nodeVolumeGiB is absent (the EKS default). */
export const EKS_NODE_VOLUME_GIB = 20;

/**
 * One capacity function per (DaemonSet reserve, prefix delegation): the fleet search caches its answers per
 * function object, so the same settings must give the same function.
 */
const nodeCapacityFns = new Map<string, (t: InstanceType) => InstanceCapacity | null>();

function nodeCapacityFn(reserve: { vcpu: number; memoryGiB: number }, prefixDelegation: boolean): (t: InstanceType) => InstanceCapacity | null {
  const key = `${reserve.vcpu}|${reserve.memoryGiB}|${prefixDelegation}`;
  let fn = nodeCapacityFns.get(key);
  if (!fn) {
    fn = (t) => {
      const c = eksNodeCapacity(t, reserve, prefixDelegation);
      return c ? { cpuUnits: c.cpuUnits, memMiB: c.memMiB, maxTasks: c.maxPods } : null;
    };
    if (nodeCapacityFns.size > 100) nodeCapacityFns.clear();
    nodeCapacityFns.set(key, fn);
  }
  return fn;
}

/**
 * What each service asks of a node group: its pods' requests (no +256 MiB, no snapping: the scheduler places pods
 * by requests), peak pods and hours; the node autoscaler is modelled like ECS cluster auto scaling
 * (docs/billing-rules.md#ec2-scheduled-work).
 */
function nodeDemands(input: EstimateInput): { byArch: Map<Architecture, FleetDemand[]>; scheduledNotes: ScheduledNote[]; sizes: Array<{ vcpu: number; memoryGiB: number }> } {
  const { byArch: ecsByArch, scheduledNotes } = ecsFleetDemands(input);
  const sizes = input.services.map((s) => {
    const r = podRequests(s);
    return { vcpu: r.vcpu, memoryGiB: r.memoryGiB };
  });
  const byArch = new Map<Architecture, FleetDemand[]>();
  for (const [arch, demands] of ecsByArch) {
    byArch.set(
      arch,
      demands.map((d) => {
        const size = sizes[d.index] as { vcpu: number; memoryGiB: number };
        return { ...d, cpu: size.vcpu * CPU_UNITS_PER_VCPU, mem: size.memoryGiB * MIB_PER_GIB };
      }),
    );
  }
  // (The scheduled-work warning calls the machines nodes: InstanceHost.hosts.)
  return { byArch, scheduledNotes, sizes };
}

const NODE_PURCHASE_LABEL: Record<Ec2Options["purchase"], string> = {
  "on-demand": "on-demand",
  spot: "Spot, average price",
  "savings-plan-1y": "EC2 Savings Plan 1 year",
  "savings-plan-3y": "EC2 Savings Plan 3 years",
  "reserved-1y": "Reserved Instances 1 year",
  "reserved-3y": "Reserved Instances 3 years",
};

/**
 * The OPTION.ec2 option on EKS: a managed node group found by the shared fleet search, with each node's capacity for
 * pods (allocatable minus the DaemonSet reserve; max pods minus aws-node and kube-proxy) and the pods' requests.
 */
export function eksNodeGroupOption(input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet): EstimateOption {
  const purchase = input.ec2.purchase;
  const label = `EKS managed node group (${NODE_PURCHASE_LABEL[purchase]})`;
  const eks = input.eks;
  const host = eksNodeHost(input, catalog, eks?.prefixDelegation === true, eks?.nodeVolumeGiB ?? EKS_NODE_VOLUME_GIB);
  if ("reason" in host) return unavailable(OPTION.ec2, label, host.reason);
  return ecsInstanceOption(input, catalog, warnings, {
    id: OPTION.ec2,
    label,
    variant: "eks-node-group",
    price: instancePriceSource(catalog, purchase),
    fee: null,
    paidAllMonth: purchase === "reserved-1y" || purchase === "reserved-3y",
    serviceNote: `Pods reserve their requests on the nodes (no +256 MiB, no Fargate size); the service's cost is its share of the node group by reserved CPU or memory (whichever is larger). Nodes offer Kubernetes allocatable CPU and memory${host.reserveText}, and max pods${eks?.prefixDelegation === true ? " with prefix delegation" : ""} minus aws-node and kube-proxy.`,
    host,
  });
}

/**
 * What EKS nodes offer the pods and what the pods ask of them (managed node groups, EKS Auto Mode): allocatable
 * CPU/memory minus the DaemonSet reserve, max pods (with or without prefix delegation), the node volume, or why the
 * catalog cannot plan EKS nodes.
 */
export function eksNodeHost(input: EstimateInput, catalog: RegionCatalog, prefixDelegation: boolean, rootVolumeGiB: number): (InstanceHost & { reserveText: string }) | Failure {
  if (!catalog.ec2.instanceTypes.some((t) => t.allocatable && t.maxPods !== undefined)) {
    return { reason: message("eks-node-figures-missing", { catalogId: catalog.catalogId, region: catalog.region }) };
  }
  const reserve = input.eks?.daemonSetReserve ?? { vcpu: 0, memoryGiB: 0 };
  const demands = nodeDemands(input);
  const reserveText =
    reserve.vcpu > 0 || reserve.memoryGiB > 0 ? ` minus the DaemonSet reserve (${num(reserve.vcpu)} vCPU / ${num(reserve.memoryGiB)} GiB per node)` : "";
  return {
    capacity: nodeCapacityFn(reserve, prefixDelegation),
    demands,
    rootVolumeGiB,
    sizes: demands.sizes,
    unit: "pod",
    hosts: "nodes",
    limit: {
      boundBy: "max-pods",
      bound: "max-pods-bound",
      searched: `allocatable CPU/memory${reserveText}, max pods${prefixDelegation ? " (prefix delegation)" : ""}`,
      limitText: " within its allocatable CPU/memory and max pods",
    },
    reserveText,
  };
}
