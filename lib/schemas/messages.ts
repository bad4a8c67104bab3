/**
 * The estimate's warnings and its options' unavailable reasons as data: a code and its parameters. The engine
 * (lib/engine) only ever builds these; lib/messages/english.ts turns each code into its English sentence (one
 * renderer per code), and the result carries both: `warnings` / `reason` (the sentences) beside `warningCodes` /
 * `reasonCode` (the codes). docs/messages.md lists every code with its meaning and parameters.
 *
 * New codes may be added, never renamed: a reader should show an unknown code by its sentence.
 */
import { z } from "../security/zod";
import type { OptionId } from "./estimate";

/**
 * A service as a message names it: its index and name in the input the options priced. With environments that
 * input is the expanded one (one service per environment and service); the engine points each reference back at
 * the user's input (`environment` set) before the message is rendered.
 */
export interface ServiceRef {
  index: number;
  name: string;
  /** The environment of an expanded service, once pointed back at the user's input. */
  environment?: string;
}

/** The EC2-backed options that plan a fleet (ECS on EC2, ECS Managed Instances, EKS node group, EKS Auto Mode). */
export type FleetVariant = "ecs-ec2" | "ecs-managed-instances" | "eks-node-group" | "eks-auto-mode";

/** How one scheduled service's instance-hours were counted (part of `ec2-scheduled-work`). */
export type ScheduledNote =
  | { kind: "never-scales-in"; service: string; everySeconds: number; secondsPerRun: number; hoursPerMonth: number }
  | {
      kind: "scales-in";
      service: string;
      instanceSecondsPerRun: number;
      launchSeconds: number;
      secondsPerRun: number;
      scaleInWaitSeconds: number;
      runsPerDay: number;
      daysPerMonth: number;
      hoursPerMonth: number;
    };

/** Which instance types the fleet search looked among. */
export type FleetScope =
  | { kind: "allowed"; types: string[] }
  | { kind: "current-generation"; arch: string }
  | { kind: "auto-mode-node-pool" };

/** The burstable types the search left out, said after the reason. */
export interface FleetLeftOut {
  /** How many burstable types ec2.allowBurstable false left out. */
  burstableExcluded: number;
  /** Burstable types with no documented CPU baseline or surplus-credit rate. */
  burstableUnpriced: string[];
}

/** One derived rate of a `derived-rates` warning. */
export interface DerivedRate {
  /** The rate's usage type (or the line's label or component when it has none). */
  what: string;
  rateUSD: number;
  /** The line's unit ("vCPU-hours"): the sentence says it per one ("vCPU-h"). */
  unit: string;
}

/** Every code with its parameters. */
export interface MessageParams {
  // ---- Warnings --------------------------------------------------------------------------------------------------
  "schedule-replaces-hours": { service: ServiceRef; hoursPerMonth: number };
  "scheduled-fleet": { options: OptionId[]; launchSeconds: number; scaleInWaitSeconds: number };
  "eks-public-ipv4-ignored": Record<string, never>;
  "fargate-spot-interruption": Record<string, never>;
  "capacity-mix-spot": Record<string, never>;
  "eks-node-operations": Record<string, never>;
  "ec2-spot-interruption": { hosts: "instances" | "nodes" };
  "ec2-operations": Record<string, never>;
  "savings-plan-commitment": Record<string, never>;
  "derived-rates": { rates: DerivedRate[]; how: string };
  "old-price": { prices: string[]; asOf: string; months: number; catalogDate: string };
  "no-option-available": Record<string, never>;
  "burstable-surplus-credits": { instanceType: string; baselinePct: number; creditUSDPerVcpuHour: number };
  "burstable-within-baseline": { instanceType: string; baselinePct: number };
  "eni-trunking-not-listed": { instanceType: string; tableAsOf: string; maxTasks: number };
  "eni-trunking-unsupported": { instanceType: string; maxTasks: number };
  "ec2-scheduled-work": { variant: FleetVariant; notes: ScheduledNote[]; hosts: "instances" | "nodes"; launchSeconds: number; scaleInWaitSeconds: number };
  "rounding-loss": { service: string; lossUSD: number; sharePct: number; billed: { vcpu: number; memoryGiB: number }; requested: { vcpu: number; memoryGiB: number } };
  "eks-pod-rounding-loss": {
    service: string;
    lossUSD: number;
    sharePct: number;
    billed: { vcpu: number; memoryGiB: number };
    requested: { vcpu: number; memoryGiB: number };
    podOverheadGiB: number;
  };
  "windows-storage-fixed": { service: string; requestedGiB: number; fixedGiB: number };
  "windows-minimum-charge": { service: string; secondsPerRun: number; minimumSeconds: number };

  // ---- Unavailable reasons ---------------------------------------------------------------------------------------
  /** A price the catalog marks unavailable, in the catalog's own words. */
  "catalog-unavailable": { catalogReason: string };
  "windows-not-supported": { variant: FleetVariant; service: ServiceRef };
  "gp3-unavailable": { catalogReason: string };
  /** ec2.gp3Iops needs more GiB than the hosts' volume has (500 IOPS per GiB; docs/billing-rules.md#gp3-iops-throughput). */
  "gp3-volume-too-small": { iops: number; minGiB: number; volumeGiB: number };
  /** gp3 IOPS or throughput above the included asked for, and the catalog has no rate for it. */
  "gp3-provisioned-unavailable": { what: "IOPS" | "throughput"; included: number; region: string; catalogReason: string };
  "public-ipv4-unavailable": { region: string; catalogId: string; catalogReason: string };
  "fleet-no-type-left": { arch: string; scope: FleetScope; leftOut: FleetLeftOut };
  "fleet-types-not-in-catalog": { arch: string; scope: FleetScope; region: string };
  "fleet-cannot-hold": {
    arch: string;
    scope: FleetScope;
    /** The pricing searched, as the plan says it ("on-demand", "Spot average"). */
    priceText: string;
    demands: Array<{ service: string; vcpu: number; memoryGiB: number }>;
    /** The per-instance limit searched, as the plan says it (" with awsvpc ENI limits"), or "". */
    limitText: string;
    leftOut: FleetLeftOut;
  };
  "managed-instances-bridge": Record<string, never>;
  "managed-instances-fee-unavailable": { region: string; catalogReason: string };
  "eks-auto-mode-fee-missing": { catalogId: string; region: string };
  "eks-auto-mode-fee-unavailable": { region: string; catalogReason: string };
  "eks-fargate-govcloud": { partition: string; region: string };
  "eks-fargate-windows": { service: ServiceRef };
  "eks-fargate-arm64": { service: ServiceRef };
  "eks-pod-too-large": { service: ServiceRef; needed: { vcpu: number; memoryGiB: number }; podOverheadGiB: number; largest: { vcpu: number; memoryGiB: number } };
  "eks-pod-storage-too-large": { service: ServiceRef; requestedGiB: number; fromContainers: boolean; maxGiB: number };
  "eks-no-fargate-spot": Record<string, never>;
  "eks-cluster-fee-missing": { clusters: number; support: string; catalogId: string };
  "eks-cluster-fee-unavailable": { clusters: number; support: string; region: string; catalogReason: string };
  "eks-node-figures-missing": { catalogId: string; region: string };
  "fargate-windows-arch": { service: ServiceRef };
  "fargate-rate-unavailable": { service: ServiceRef; platform: string; catalogReason: string };
  "fargate-spot-windows": { service: ServiceRef };
  "fargate-size-too-large": { service: ServiceRef; vcpu: number; memoryGiB: number; windowsLimit: boolean; largest: { vcpu: number; memoryGiB: number } };
  "fargate-storage-unavailable": { service: ServiceRef; storageGiB: number; catalogReason: string };
  /** A network, load balancer or logs price the catalog lacks; `at` names the input field ("network.loadBalancers[0]"). */
  "network-rate-unavailable": { what: string; region: string; catalogId: string; catalogReason: string; at: string | null };
}

export type MessageCode = keyof MessageParams;

/** The warnings' codes, in the order of MessageParams. */
export const WARNING_CODES = [
  "schedule-replaces-hours",
  "scheduled-fleet",
  "eks-public-ipv4-ignored",
  "fargate-spot-interruption",
  "capacity-mix-spot",
  "eks-node-operations",
  "ec2-spot-interruption",
  "ec2-operations",
  "savings-plan-commitment",
  "derived-rates",
  "old-price",
  "no-option-available",
  "burstable-surplus-credits",
  "burstable-within-baseline",
  "eni-trunking-not-listed",
  "eni-trunking-unsupported",
  "ec2-scheduled-work",
  "rounding-loss",
  "eks-pod-rounding-loss",
  "windows-storage-fixed",
  "windows-minimum-charge",
] as const satisfies ReadonlyArray<MessageCode>;

/** The unavailable reasons' codes, in the order of MessageParams. */
export const REASON_CODES = [
  "catalog-unavailable",
  "windows-not-supported",
  "gp3-unavailable",
  "gp3-volume-too-small",
  "gp3-provisioned-unavailable",
  "public-ipv4-unavailable",
  "fleet-no-type-left",
  "fleet-types-not-in-catalog",
  "fleet-cannot-hold",
  "managed-instances-bridge",
  "managed-instances-fee-unavailable",
  "eks-auto-mode-fee-missing",
  "eks-auto-mode-fee-unavailable",
  "eks-fargate-govcloud",
  "eks-fargate-windows",
  "eks-fargate-arm64",
  "eks-pod-too-large",
  "eks-pod-storage-too-large",
  "eks-no-fargate-spot",
  "eks-cluster-fee-missing",
  "eks-cluster-fee-unavailable",
  "eks-node-figures-missing",
  "fargate-windows-arch",
  "fargate-rate-unavailable",
  "fargate-spot-windows",
  "fargate-size-too-large",
  "fargate-storage-unavailable",
  "network-rate-unavailable",
] as const satisfies ReadonlyArray<MessageCode>;

export type WarningCode = (typeof WARNING_CODES)[number];
export type ReasonCode = (typeof REASON_CODES)[number];

// Every code of MessageParams is a warning's or a reason's (and none is both).
type Unlisted = Exclude<MessageCode, WarningCode | ReasonCode>;
type Both = Extract<WarningCode, ReasonCode>;
const everyCodeListed: [Unlisted | Both] extends [never] ? true : Unlisted | Both = true;
void everyCodeListed;

/** Every code: the warnings' then the reasons'. */
export const MESSAGE_CODES = [...WARNING_CODES, ...REASON_CODES] as const;

export const WarningCodeSchema = z.enum(WARNING_CODES);
export const ReasonCodeSchema = z.enum(REASON_CODES);

/** One message: a code and its parameters (a union over the codes, so the params match the code). */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams[C] } }[MessageCode];

export type WarningMessage = Extract<Message, { code: WarningCode }>;
export type ReasonMessage = Extract<Message, { code: ReasonCode }>;

/** Build a message (params typed by the code). */
export function message<C extends MessageCode>(code: C, params: MessageParams[C]): Extract<Message, { code: C }> {
  return { code, params } as Extract<Message, { code: C }>;
}

/** A message with no parameters. */
export function bare<C extends { [K in MessageCode]: MessageParams[K] extends Record<string, never> ? K : never }[MessageCode]>(code: C): Extract<Message, { code: C }> {
  return { code, params: {} } as Extract<Message, { code: C }>;
}
