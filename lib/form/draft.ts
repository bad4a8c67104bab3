/**
 * The estimator form's state ("draft"): what the user typed, kept as text so that an invalid value is never lost
 * or rewritten, and the blank rows the page's first-load code adds (services, containers, EKS settings). The draft
 * types are those of the field table (./fields.ts), so a field is described once. This module must stay free of zod
 * and of runtime imports from lib/schemas and ./fields.ts: it is part of the page's first-load JavaScript. The
 * network panel's blank rows are in ./network.ts, the conversion to a raw EstimateInput in ./to-raw.ts and
 * inputToDraft (the reverse) in ./from-input.ts; all of them load with the kit or a lazily loaded panel.
 */
import type { Architecture, OperatingSystem } from "../schemas/estimate";
import type { EC2_FIELDS, ESTIMATE_FIELDS, LOAD_BALANCER_FIELDS, NETWORK_FIELDS } from "./fields";
import { CONTAINER_FIELDS, EKS_FIELDS, SERVICE_FIELDS } from "./fields-service";
import { defaultsOf, type DraftOf, type Keyed } from "./table";

// The contract's enums (type-only imports: no zod in the first-load JavaScript).
export type DraftArchitecture = Architecture;
export type DraftOs = OperatingSystem;
export type DraftSavingsPlan = EstimateDraft["savingsPlan"];
export type DraftPurchase = Ec2Draft["purchase"];
export type DraftNetworkMode = Ec2Draft["networkMode"];
export type DraftOrchestrator = NonNullable<EstimateDraft["orchestrator"]>;
export type DraftEksSupport = EksDraft["support"];
export type DraftLogsClass = ServiceDraft["logsClass"];
export type DraftLoadBalancerType = LoadBalancerDraft["type"];

/** One container of an EKS pod (services[].containers[]). */
export type ContainerDraft = Keyed<DraftOf<typeof CONTAINER_FIELDS>>;
/** One service row. */
export type ServiceDraft = Keyed<DraftOf<typeof SERVICE_FIELDS>>;
export type LoadBalancerDraft = Keyed<DraftOf<typeof LOAD_BALANCER_FIELDS>>;
/** The "Network and logs" panel (estimate-level lines). enabled false = no `network` in the input (as before). */
export type NetworkDraft = DraftOf<typeof NETWORK_FIELDS>;
export type Ec2Draft = DraftOf<typeof EC2_FIELDS>;
/** EKS settings (the input's `eks`), shown when the orchestrator is EKS. */
export type EksDraft = DraftOf<typeof EKS_FIELDS>;
export type EstimateDraft = DraftOf<typeof ESTIMATE_FIELDS>;

/** EKS settings when the user first picks EKS: one cluster, standard support, no DaemonSet reserve (the contract's defaults). */
export function defaultEksDraft(): EksDraft {
  return defaultsOf(EKS_FIELDS);
}

/** A new container row: the first one is "app"; sidecars and init containers are named by the user. */
export function blankContainerDraft(n: number, key: string = newServiceKey()): ContainerDraft {
  return { key, ...defaultsOf(CONTAINER_FIELDS), name: n === 1 ? "app" : `container-${n}` };
}

/** A new service row ("+ Add service"): 1 vCPU / 2 GiB, one always-on task, the contract's defaults elsewhere. */
export function blankServiceDraft(n: number, key: string = newServiceKey()): ServiceDraft {
  return { key, ...defaultsOf(SERVICE_FIELDS), name: `service-${n}` };
}

let keyCounter = 0;
/** A fresh React key for a new/duplicated service row. */
export function newServiceKey(): string {
  keyCounter += 1;
  return `svc-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`;
}
