/**
 * EKS pod sizes (docs/billing-rules.md#eks-fargate-pods, #eks-node-groups). Pure arithmetic on requests; the
 * options that price them are in eks.ts.
 */
import type { Service } from "../schemas/estimate";
import {
  CPU_UNITS_PER_VCPU,
  EKS_FARGATE_MAX_POD_STORAGE_GIB,
  EKS_FARGATE_POD_OVERHEAD_GIB,
  EKS_FARGATE_STORAGE_FS_SHARE,
  EKS_FARGATE_STORAGE_SYSTEM_GIB,
  FARGATE_INCLUDED_STORAGE_GIB,
  MIB_PER_GIB,
} from "../units";
import { snapFargateSize, type FargateSize } from "./fargate-sizes";

/**
 * "Fargate adds 256 MB to each pod's memory reservation for the required Kubernetes components" (EKS user guide,
 * Fargate pod configuration); stated once in lib/units.ts (the page's billed-size note needs it too).
 */
export { EKS_FARGATE_MAX_POD_STORAGE_GIB, EKS_FARGATE_POD_OVERHEAD_GIB };

/** An EKS pod's ephemeral storage on Fargate (docs/billing-rules.md#eks-fargate-storage). */
export interface PodStorage {
  /** The pod's ephemeral-storage request, GiB (0: none). */
  requestedGiB: number;
  /** "containers": from services[].containers[].ephemeralStorageGiB; "service": services[].ephemeralStorageGiB above 20; "none". */
  from: "containers" | "service" | "none";
  /** What Fargate provisions: requests + 10% + 5 GiB, or the 20 GiB default when nothing is requested. */
  provisionedGiB: number;
  /** What is billed: provisioned - the 20 GiB included, never below 0. */
  billedGiB: number;
}

/**
 * The pod's ephemeral storage on Fargate: "AWS Fargate provisions ... (sum of all requests + (10% * sum of all
 * requests) + 5G)" and bills what exceeds the included 20 GiB (AWS's example: 2 x 50 GiB -> 115 GiB provisioned,
 * 95 GiB billed). The request is per dimension like CPU and memory: the larger of the largest init container's and
 * the sum of the long-running containers' (Kubernetes' effective request). Without any container storage, the
 * service's ephemeralStorageGiB is the pod's request when above its 20 GiB default (the ECS field, which an import
 * of a manifest fills the same way); at the default the pod requests none and gets Fargate's 20 GiB for free. No
 * rounding: AWS states none, and the formula gives whole GiB for whole-GiB requests.
 */
export function podStorage(service: Pick<Service, "ephemeralStorageGiB" | "containers">): PodStorage {
  const containers = service.containers ?? [];
  let requestedGiB = 0;
  let from: PodStorage["from"] = "none";
  if (containers.some((c) => c.ephemeralStorageGiB !== undefined)) {
    let init = 0;
    let sum = 0;
    for (const c of containers) {
      const gib = c.ephemeralStorageGiB ?? 0;
      if (c.init) init = Math.max(init, gib);
      else sum += gib;
    }
    requestedGiB = Math.max(init, sum);
    from = "containers";
  } else if (service.ephemeralStorageGiB > FARGATE_INCLUDED_STORAGE_GIB) {
    requestedGiB = service.ephemeralStorageGiB;
    from = "service";
  }
  if (requestedGiB <= 0) return { requestedGiB: 0, from: "none", provisionedGiB: FARGATE_INCLUDED_STORAGE_GIB, billedGiB: 0 };
  // x 10% as a division by 10: exact for whole and tenth GiB (33 x 0.1 would be 3.3000000000000003).
  const provisionedGiB = requestedGiB + requestedGiB / (1 / EKS_FARGATE_STORAGE_FS_SHARE) + EKS_FARGATE_STORAGE_SYSTEM_GIB;
  return { requestedGiB, from, provisionedGiB, billedGiB: Math.max(0, provisionedGiB - FARGATE_INCLUDED_STORAGE_GIB) };
}

/** What a pod asks the scheduler for, and where the figure came from. */
export interface PodRequests {
  vcpu: number;
  memoryGiB: number;
  /** "containers": from services[].containers; "service": the service's vcpu / memoryGiB are the pod's requests. */
  from: "containers" | "service";
  /** Which part decided each dimension: the largest init container, or the sum of the long-running ones. */
  vcpuFrom: "init" | "containers" | "service";
  memoryFrom: "init" | "containers" | "service";
}

/**
 * A pod's effective requests: per dimension, the larger of the largest init container (init containers run one
 * after another, before the others) and the sum of the long-running containers (EKS user guide, Fargate pod
 * configuration; the Kubernetes scheduler uses the same effective request). Without `containers` the service's
 * vcpu / memoryGiB are the pod's requests.
 */
export function podRequests(service: Pick<Service, "vcpu" | "memoryGiB" | "containers">): PodRequests {
  const containers = service.containers;
  if (!containers || containers.length === 0) {
    return { vcpu: service.vcpu, memoryGiB: service.memoryGiB, from: "service", vcpuFrom: "service", memoryFrom: "service" };
  }
  let initVcpu = 0;
  let initMem = 0;
  let sumVcpu = 0;
  let sumMem = 0;
  for (const c of containers) {
    if (c.init) {
      initVcpu = Math.max(initVcpu, c.vcpu);
      initMem = Math.max(initMem, c.memoryGiB);
    } else {
      sumVcpu += c.vcpu;
      sumMem += c.memoryGiB;
    }
  }
  return {
    vcpu: Math.max(initVcpu, sumVcpu),
    memoryGiB: Math.max(initMem, sumMem),
    from: "containers",
    vcpuFrom: initVcpu > sumVcpu ? "init" : "containers",
    memoryFrom: initMem > sumMem ? "init" : "containers",
  };
}

export interface FargatePodSize {
  requests: PodRequests;
  /** requests + 256 MiB: what the pod needs on Fargate. */
  needed: { vcpu: number; memoryGiB: number };
  /** The smallest valid Fargate combination that holds `needed`, or null when none does. */
  size: FargateSize | null;
}

/**
 * The billed size of an EKS pod on Fargate: requests, + 256 MiB of memory, then the smallest valid Fargate
 * combination (Linux) that holds both. A pod with no requests (0 / 0) becomes 0 vCPU / 0.25 GiB, which snaps to
 * 0.25 vCPU / 0.5 GB: AWS's stated default for pods without requests.
 */
export function fargatePodSize(service: Pick<Service, "vcpu" | "memoryGiB" | "containers">): FargatePodSize {
  const requests = podRequests(service);
  const needed = { vcpu: requests.vcpu, memoryGiB: requests.memoryGiB + EKS_FARGATE_POD_OVERHEAD_GIB };
  return { requests, needed, size: snapFargateSize(needed.vcpu, needed.memoryGiB, "linux") };
}

// ---------------------------------------------------------------- EKS nodes (docs/billing-rules.md#eks-node-groups)

/**
 * Pods every node runs outside the user's workload and that count against max pods: aws-node (the VPC CNI) and
 * kube-proxy, the two host-network DaemonSet pods the max-pods formula's "+2" is for (eni-max-pods.txt header).
 */
export const EKS_HOST_NETWORK_PODS = 2;

/** Kubelet memory reserved per pod slot: kube-reserved memory = 11 MiB x max pods + 255 MiB (EKS AMI bootstrap). */
export const EKS_KUBE_RESERVED_MIB_PER_POD = 11;

/** Addresses per /28 prefix when the VPC CNI delegates prefixes instead of single secondary addresses. */
const ADDRESSES_PER_PREFIX = 16;

/**
 * Max pods with VPC CNI prefix delegation (amazon-eks-ami max-pods-calculator.sh, recommended value): every
 * secondary address slot holds a /28 prefix (16 addresses), so ENIs x (IPv4 per ENI - 1) x 16 + 2, capped at 110
 * for types with fewer than 30 vCPUs and 250 above. Null without ENI data.
 */
export function prefixDelegationMaxPods(t: { vcpu: number; maxEnis: number | null; ipv4PerEni: number | null }): number | null {
  if (t.maxEnis === null || t.ipv4PerEni === null || t.maxEnis < 1 || t.ipv4PerEni < 2) return null;
  const byAddresses = t.maxEnis * (t.ipv4PerEni - 1) * ADDRESSES_PER_PREFIX + EKS_HOST_NETWORK_PODS;
  return Math.min(t.vcpu < 30 ? 110 : 250, byAddresses);
}

export interface EksNodeCapacity {
  /** Schedulable CPU units (1,024 per vCPU) and MiB for the workload's pods. */
  cpuUnits: number;
  memMiB: number;
  /** Pods of the workload one node holds at most: max pods minus aws-node and kube-proxy. */
  maxPods: number;
  /** The kubelet's max pods (for the plan's text). */
  kubeletMaxPods: number;
}

/**
 * What one node offers the workload's pods: Kubernetes allocatable (after kube-reserved, system-reserved and the
 * eviction threshold) minus the DaemonSet reserve, and max pods minus the two host-network pods. With prefix
 * delegation max pods rises and kube-reserved memory with it (11 MiB per extra pod slot). Null when the type has
 * no allocatable or max-pods figure, or nothing is left for the workload.
 */
export function eksNodeCapacity(
  t: { vcpu: number; maxEnis: number | null; ipv4PerEni: number | null; maxPods?: number | undefined; allocatable?: { cpuMillis: number; memoryMiB: number } | undefined },
  reserve: { vcpu: number; memoryGiB: number },
  prefixDelegation: boolean,
): EksNodeCapacity | null {
  if (!t.allocatable || t.maxPods === undefined) return null;
  let kubeletMaxPods = t.maxPods;
  let memoryMiB = t.allocatable.memoryMiB;
  if (prefixDelegation) {
    const pd = prefixDelegationMaxPods(t);
    if (pd !== null && pd > kubeletMaxPods) {
      memoryMiB -= EKS_KUBE_RESERVED_MIB_PER_POD * (pd - kubeletMaxPods);
      kubeletMaxPods = pd;
    }
  }
  // Not rounded: pods are placed by millicores and bytes, and the packing compares with a small tolerance.
  const cpuUnits = ((t.allocatable.cpuMillis - reserve.vcpu * 1000) * CPU_UNITS_PER_VCPU) / 1000;
  const memMiB = memoryMiB - reserve.memoryGiB * MIB_PER_GIB;
  const maxPods = kubeletMaxPods - EKS_HOST_NETWORK_PODS;
  if (cpuUnits <= 0 || memMiB <= 0 || maxPods < 1) return null;
  return { cpuUnits, memMiB, maxPods, kubeletMaxPods };
}
