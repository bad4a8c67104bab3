/**
 * THE FIELD TABLE of the estimator form: every field once, with where it lives in the EstimateInput (its path), how
 * its text is read and written back (its codec), its default, and when it is written (./table.ts says how a row
 * reads). The draft types, the blank rows, draftToRaw (./to-raw.ts) and inputToDraft (./from-input.ts) are all
 * driven by it, so a new optional setting is one row here plus its field in lib/schemas/estimate.ts. For example
 * an optional gp3 IOPS setting of the EC2 panel would be `gp3Iops: number("gp3Iops", undefined, "filled")` in
 * EC2_FIELDS: the draft gets `gp3Iops?: string`, a blank field leaves it out of the input, a typed one is read as a
 * number with its problem under `ec2.gp3Iops`, and a link that has it shows it.
 *
 * The rows of a service, its containers and the EKS settings are in ./fields-service.ts (the page's first-load code
 * makes blank rows from them); this module loads with the kit and the lazily loaded panels. Each table lists its
 * rows in the input's key order.
 */
import type { DiscountCategory, DiscountService, Ec2Options, EstimateInput, Weekday } from "../schemas/estimate";
import { WEEKDAYS } from "../schemas/weekdays";
import { CONTAINER_FIELDS, EKS_FIELDS, SERVICE_FIELDS } from "./fields-service";
import { carry, flag, group, hour, list, number, optionalCarry, optionalFlag, optionalText, row, text } from "./table";

export { CONTAINER_FIELDS, EKS_FIELDS, SERVICE_FIELDS };

/** One load balancer group (network.loadBalancers[]): an ALB with no traffic until the user fills it in. */
export const LOAD_BALANCER_FIELDS = {
  name: text("name", ""),
  type: text<"alb" | "nlb">("type", "alb"),
  count: number("count", "1"),
  newConnectionsPerSecond: number("newConnectionsPerSecond", "0"),
  activeConnectionsPerMinute: number("activeConnectionsPerMinute", "0"),
  processedGBPerHour: number("processedGBPerHour", "0"),
  ruleEvaluationsPerSecond: number("ruleEvaluationsPerSecond", "0", "always", ["type", "alb"]),
  /** Carried as given (share links, imports): dimensions derived from requests (docs/billing-rules.md#lb-from-requests). */
  fromRequests: optionalCarry<{ services?: string[]; bytesPerRequest?: number; requestsPerConnection?: number }>("fromRequests"),
};

/** The "Network and logs" panel (the input's `network`, estimate-level lines). Its defaults are the panel's "None". */
export const NETWORK_FIELDS = {
  /** Off = no `network` in the input (but for logsFreeTier below). */
  enabled: row<boolean>("", "network", false),
  loadBalancers: list("loadBalancers", LOAD_BALANCER_FIELDS, "lb-init-", "always", false, ["enabled"]),
  natCount: number("natGateways.count", "0", "always", ["enabled"]),
  natProcessedGB: number("natGateways.processedGBPerMonth", "0", "always", ["enabled"]),
  publicIpFargateTasks: flag("publicIpv4.fargateTasks", false, "always", ["enabled"]),
  publicIpEc2Instances: flag("publicIpv4.ec2Instances", false, "always", ["enabled"]),
  extraAddresses: number("publicIpv4.extraAddresses", "0", "always", ["enabled"]),
  endpointCount: number("vpcInterfaceEndpoints.count", "0", "always", ["enabled"]),
  endpointAzs: number("vpcInterfaceEndpoints.azs", "2", "always", ["enabled"]),
  endpointProcessedGB: number("vpcInterfaceEndpoints.processedGBPerMonth", "0", "always", ["enabled"]),
  dataTransferOutGB: number("dataTransferOutGBPerMonth", "0", "always", ["enabled"]),
  interAzGB: number("interAzGBPerMonth", "0", "always", ["enabled"]),
  /** CloudWatch Logs free tier: false leaves it out (written even with the panel off); absent = applied. */
  logsFreeTier: optionalFlag("logsFreeTier", "false"),
};

/** The EC2 settings (the input's `ec2`); the defaults are the contract's. */
export const EC2_FIELDS = {
  purchase: text<Ec2Options["purchase"]>("purchase", "on-demand"),
  /** Comma or space separated allow-list; empty = every current-generation type. */
  instanceTypes: row<string>("instanceTypes", "types", ""),
  targetUtilizationPct: number("targetUtilizationPct", "100"),
  minInstances: number("minInstances", "0"),
  networkMode: text<Ec2Options["networkMode"]>("networkMode", "awsvpc"),
  eniTrunking: flag("eniTrunking", false),
  rootVolumeGiB: number("rootVolumeGiB", "30"),
  /** Search burstable (T) types too; absent = true (the default), written only when off. */
  allowBurstable: optionalFlag("allowBurstable", "false"),
  /** gp3 performance above the included 3,000 IOPS / 125 MiB/s; blank = the included (docs/billing-rules.md#gp3-iops-throughput). */
  gp3Iops: number("gp3Iops", undefined, "filled"),
  gp3ThroughputMiBps: number("gp3ThroughputMiBps", undefined, "filled"),
};

/** One row of an environment's task profile (environments[].taskProfile[]): half the tasks at night, every day. */
export const TASK_PROFILE_FIELDS = {
  days: carry<Weekday[]>("days", [...WEEKDAYS]),
  fromHour: hour("fromHour", "00:00"),
  toHour: hour("toHour", "08:00"),
  tasksFactor: number("tasksFactor", "0.5"),
};

/** One environment (environments[], docs/billing-rules.md#weekly-schedules): prod, always on, the services as they are. */
export const ENVIRONMENT_FIELDS = {
  name: text("name", ""),
  multiplier: number("multiplier", "1"),
  scheduleKind: text<"always" | "business-hours" | "weekly">("schedule.kind", "always"),
  timeZone: row<string>("schedule.timeZone", "trim", "UTC", "always", ["scheduleKind", "business-hours", "weekly"]),
  /** business-hours */
  days: carry<Weekday[]>("schedule.days", ["mon", "tue", "wed", "thu", "fri"], ["scheduleKind", "business-hours"]),
  startHour: hour("schedule.startHour", "08:00", ["scheduleKind", "business-hours"]),
  endHour: hour("schedule.endHour", "20:00", ["scheduleKind", "business-hours"]),
  /** weekly: per day "08:00-12:00, 13:00-18:00"; empty = off that day. */
  weeklyHours: row<Record<Weekday, string>>("schedule.hours", "weekly", { mon: "", tue: "", wed: "", thu: "", fri: "", sat: "", sun: "" }, "always", ["scheduleKind", "weekly"]),
  profile: list("taskProfile", TASK_PROFILE_FIELDS, "-profile-", "nonempty"),
  /** The environment's Spot tolerance: "inherit" leaves `interruptible` out (each service's own flag decides). */
  interruptible: row<"inherit" | "yes" | "no">("interruptible", "spot", "inherit"),
};

/** One per-service or per-category percentage of the price book. */
export interface DiscountOverrideDraft {
  /** Stable React key; not part of the estimate. */
  key: string;
  scope: "service" | "category";
  id: DiscountService | DiscountCategory;
  percent: string;
}

/** The price book (the input's `discounts`, docs/billing-rules.md#private-pricing-discounts): no name, 0 %. */
export const DISCOUNTS_FIELDS = {
  /** Blank = no name. */
  name: text("name", "", "filled"),
  percent: number("percent", "0"),
  /** Keys `disc-<i>`. */
  overrides: row<DiscountOverrideDraft[]>("", "overrides", []),
};

/** The whole form (the EstimateInput but its `version`). */
export const ESTIMATE_FIELDS = {
  region: text("region", ""),
  /** Blank = no snapshot named (the newest). */
  catalog: text("catalog", "", "filled"),
  services: list("services", SERVICE_FIELDS, "svc-init-", "always"),
  savingsPlan: text<EstimateInput["fargate"]["savingsPlan"]>("fargate.savingsPlan", "none"),
  network: group("network", NETWORK_FIELDS),
  /** Absent = "ecs" (written only when set, so existing links stay byte-identical). */
  orchestrator: optionalText<"ecs" | "eks">("orchestrator"),
  /** Absent = no `eks` in the input. */
  eks: group("eks", EKS_FIELDS, true),
  /** Environments with weekly schedules; absent or empty = none in the input. */
  environments: list("environments", ENVIRONMENT_FIELDS, "env-init-", "nonempty", true),
  /** Absent = no `discounts` in the input. */
  discounts: group("discounts", DISCOUNTS_FIELDS, true),
  ec2: group("ec2", EC2_FIELDS),
};

