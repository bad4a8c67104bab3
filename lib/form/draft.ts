/**
 * The estimator form's state ("draft"): what the user typed, kept as text so that an invalid value is
 * never lost or rewritten, and the blank rows the form adds. This module must stay free of zod and of runtime
 * imports from lib/schemas: it is part of the page's first-load JavaScript. The conversion to a raw
 * EstimateInput lives in ./to-raw.ts (it runs only in the lazily loaded kit, so it and the environment
 * and price-book readers stay out of first load); inputToDraft (the reverse) lives in ./from-input.ts.
 */
import type { Architecture, EstimateInput, OperatingSystem } from "../schemas/estimate";
import { FARGATE_INCLUDED_STORAGE_GIB, HOURS_PER_MONTH } from "../units";
import type { EnvironmentDraft } from "./environments";
import type { DiscountsDraft } from "./discounts";

// The contract's enums (type-only imports: no zod in the first-load JavaScript).
export type DraftArchitecture = Architecture;
export type DraftOs = OperatingSystem;
export type DraftSavingsPlan = EstimateInput["fargate"]["savingsPlan"];
export type DraftPurchase = EstimateInput["ec2"]["purchase"];
export type DraftNetworkMode = EstimateInput["ec2"]["networkMode"];
export type DraftOrchestrator = "ecs" | "eks";
export type DraftEksSupport = NonNullable<EstimateInput["eks"]>["support"];

/** One container of an EKS pod (services[].containers[]). */
export interface ContainerDraft {
  /** Stable React key; not part of the estimate. */
  key: string;
  name: string;
  vcpu: string;
  memoryGiB: string;
  init: boolean;
  /** The container's ephemeral-storage request (GiB), carried from imports and share links; undefined = none. */
  ephemeralStorageGiB?: string;
  /** A sidecar preset row (docs/billing-rules.md#sidecars); absent = an ordinary container. */
  sidecar?: NonNullable<EstimateInput["services"][number]["containers"]>[number]["sidecar"];
}

/** EKS settings (the input's `eks`), shown when the orchestrator is EKS. */
export interface EksDraft {
  clusters: string;
  support: DraftEksSupport;
  reserveVcpu: string;
  reserveMemoryGiB: string;
  /** undefined = not set (absent from the input). */
  prefixDelegation?: boolean;
  /** Empty = the default (20 GiB). */
  nodeVolumeGiB: string;
}

export interface ServiceDraft {
  /** Stable React key; not part of the estimate. */
  key: string;
  name: string;
  vcpu: string;
  memoryGiB: string;
  architecture: DraftArchitecture;
  os: DraftOs;
  ephemeralStorageGiB: string;
  tasks: string;
  usageKind: "continuous" | "scheduled";
  hoursPerMonth: string;
  runsPerDay: string;
  secondsPerRun: string;
  /** Empty = the schema default (730 h / 24 = 30.42 days). */
  daysPerMonth: string;
  /** Whether the optional Fargate / Fargate Spot capacity provider strategy is set. */
  strategy: boolean;
  base: string;
  fargateWeight: string;
  spotWeight: string;
  /** May run on Spot; false is written as "absent" so existing links keep their exact input. */
  interruptible: boolean;
  /** CloudWatch Logs for this service; off = no `logs` in the input. */
  logs: boolean;
  logsIngestedGB: string;
  logsClass: DraftLogsClass;
  logsRetentionMonths: string;
  /** EKS pod containers; absent or empty = none (the service's vCPU / memory are the pod's requests). */
  containers?: ContainerDraft[];
  /** Average requests per second; empty or absent = no `requestsPerSecond` (docs/billing-rules.md#cost-per-requests). */
  requestsPerSecond?: string;
}

export type DraftLogsClass = "standard" | "infrequent-access";
export type DraftLoadBalancerType = "alb" | "nlb";

export interface LoadBalancerDraft {
  /** Stable React key; not part of the estimate. */
  key: string;
  name: string;
  type: DraftLoadBalancerType;
  count: string;
  newConnectionsPerSecond: string;
  activeConnectionsPerMinute: string;
  processedGBPerHour: string;
  ruleEvaluationsPerSecond: string;
  /** Carried as given (share links, imports): dimensions derived from requests (docs/billing-rules.md#lb-from-requests). */
  fromRequests?: { services?: string[]; bytesPerRequest?: number; requestsPerConnection?: number };
}

/** The "Network and logs" panel (estimate-level lines). enabled false = no `network` in the input (as before). */
export interface NetworkDraft {
  enabled: boolean;
  loadBalancers: LoadBalancerDraft[];
  natCount: string;
  natProcessedGB: string;
  publicIpFargateTasks: boolean;
  publicIpEc2Instances: boolean;
  extraAddresses: string;
  endpointCount: string;
  endpointAzs: string;
  endpointProcessedGB: string;
  dataTransferOutGB: string;
  interAzGB: string;
  /** CloudWatch Logs free tier (network.logsFreeTier): false leaves it out; undefined = applied (absent from the input). */
  logsFreeTier?: boolean;
}

export interface Ec2Draft {
  purchase: DraftPurchase;
  /** Comma or space separated allow-list; empty = every current-generation type. */
  instanceTypes: string;
  targetUtilizationPct: string;
  minInstances: string;
  networkMode: DraftNetworkMode;
  eniTrunking: boolean;
  rootVolumeGiB: string;
  /** Search burstable (T) types too; absent = true (the default), so older drafts mean what they meant. */
  allowBurstable?: boolean;
}

export interface EstimateDraft {
  region: string;
  catalog: string;
  services: ServiceDraft[];
  savingsPlan: DraftSavingsPlan;
  ec2: Ec2Draft;
  network: NetworkDraft;
  /** Absent = "ecs" (written only when "eks", so existing links stay byte-identical). */
  orchestrator?: DraftOrchestrator;
  /** Absent = no `eks` in the input. */
  eks?: EksDraft;
  /** Environments with weekly schedules (./environments.ts); absent or empty = none in the input. */
  environments?: EnvironmentDraft[];
  /** The price book (./discounts.ts); absent = no `discounts` in the input. */
  discounts?: DiscountsDraft;
}

/** EKS settings when the user first picks EKS: one cluster, standard support, no DaemonSet reserve (the contract's defaults). */
export function defaultEksDraft(): EksDraft {
  return { clusters: "1", support: "standard", reserveVcpu: "0", reserveMemoryGiB: "0", nodeVolumeGiB: "" };
}

/** A new container row: the first one is "app"; sidecars and init containers are named by the user. */
export function blankContainerDraft(n: number, key: string = newServiceKey()): ContainerDraft {
  return { key, name: n === 1 ? "app" : `container-${n}`, vcpu: "0.25", memoryGiB: "0.5", init: false };
}

/** What a scheduled service starts with when the user switches a row to "scheduled": every hour, 5 minutes. */
export const SCHEDULED_DRAFT_DEFAULTS = { runsPerDay: "24", secondsPerRun: "300" } as const;

/** A new service row ("+ Add service"): 1 vCPU / 2 GiB, one always-on task, the contract's defaults elsewhere. */
export function blankServiceDraft(n: number, key: string = newServiceKey()): ServiceDraft {
  return {
    key,
    name: `service-${n}`,
    vcpu: "1",
    memoryGiB: "2",
    architecture: "x86_64",
    os: "linux",
    ephemeralStorageGiB: String(FARGATE_INCLUDED_STORAGE_GIB),
    tasks: "1",
    usageKind: "continuous",
    hoursPerMonth: String(HOURS_PER_MONTH),
    ...SCHEDULED_DRAFT_DEFAULTS,
    daysPerMonth: "",
    strategy: false,
    base: "0",
    fargateWeight: "1",
    spotWeight: "1",
    ...LOGS_DRAFT_DEFAULTS,
  };
}

/** A service's logs fields before the user turns logs on: 1 month retention, Standard class. */
export const LOGS_DRAFT_DEFAULTS = { interruptible: false, logs: false, logsIngestedGB: "10", logsClass: "standard", logsRetentionMonths: "1" } as const satisfies Partial<ServiceDraft>;

/** One ALB with no traffic yet: the user fills in the LCU dimensions. */
export function blankLoadBalancerDraft(n: number, key: string = newServiceKey()): LoadBalancerDraft {
  return {
    key,
    name: n === 1 ? "alb" : `lb-${n}`,
    type: "alb",
    count: "1",
    newConnectionsPerSecond: "0",
    activeConnectionsPerMinute: "0",
    processedGBPerHour: "0",
    ruleEvaluationsPerSecond: "0",
  };
}

/** "None": the panel is off and every field is back to zero (the input has no `network`). */
export function emptyNetworkDraft(): NetworkDraft {
  return {
    enabled: false,
    loadBalancers: [],
    natCount: "0",
    natProcessedGB: "0",
    publicIpFargateTasks: false,
    publicIpEc2Instances: false,
    extraAddresses: "0",
    endpointCount: "0",
    endpointAzs: "2",
    endpointProcessedGB: "0",
    dataTransferOutGB: "0",
    interAzGB: "0",
  };
}

export type NetworkPreset = "public-alb" | "private-nat" | "none";

/**
 * The panel's presets. "Public service behind an ALB": one ALB at modest traffic (5 new connections/s,
 * 300 active connections/min, 0.1 GB/h processed, 2 rule evaluations/s), tasks without public IPs, 100 GB out.
 * "Private service with NAT": one NAT gateway processing 50 GB/month, no public addresses.
 */
export function presetNetworkDraft(preset: NetworkPreset): NetworkDraft {
  const none = emptyNetworkDraft();
  if (preset === "none") return none;
  if (preset === "public-alb") {
    return {
      ...none,
      enabled: true,
      loadBalancers: [{ ...blankLoadBalancerDraft(1), newConnectionsPerSecond: "5", activeConnectionsPerMinute: "300", processedGBPerHour: "0.1", ruleEvaluationsPerSecond: "2" }],
      dataTransferOutGB: "100",
    };
  }
  return { ...none, enabled: true, natCount: "1", natProcessedGB: "50" };
}

let keyCounter = 0;
/** A fresh React key for a new/duplicated service row. */
export function newServiceKey(): string {
  keyCounter += 1;
  return `svc-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`;
}
