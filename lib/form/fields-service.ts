/**
 * The field table's rows for a service, its pod containers and the EKS settings (the rest of the table is
 * ./fields.ts, with how to read it). Their own module because the page's first-load code makes blank rows from
 * them (blankServiceDraft, blankContainerDraft, defaultEksDraft in ./draft.ts); the rest of the table loads with
 * the kit and the lazily loaded panels.
 */
import type { Architecture, EstimateInput, OperatingSystem } from "../schemas/estimate";
import { DEFAULT_DAYS_PER_MONTH, FARGATE_INCLUDED_STORAGE_GIB, HOURS_PER_MONTH } from "../units";
import { flag, list, number, optionalCarry, optionalFlag, present, row, text } from "./table";

/** One container of an EKS pod or an ECS sidecar row (services[].containers[]). New rows are named by blankContainerDraft. */
export const CONTAINER_FIELDS = {
  name: text("name", ""),
  vcpu: number("vcpu", "0.25"),
  memoryGiB: number("memoryGiB", "0.5"),
  init: flag("init", false, "true"),
  /** The container's ephemeral-storage request (GiB), carried from imports and share links; absent or blank = none. */
  ephemeralStorageGiB: number("ephemeralStorageGiB", undefined, "filled"),
  /** A sidecar preset row (docs/billing-rules.md#sidecars); absent = an ordinary container. */
  sidecar: optionalCarry<NonNullable<NonNullable<EstimateInput["services"][number]["containers"]>[number]["sidecar"]>>("sidecar"),
};

/** One service (services[]). New rows are named by blankServiceDraft. */
export const SERVICE_FIELDS = {
  name: text("name", ""),
  vcpu: number("vcpu", "1"),
  memoryGiB: number("memoryGiB", "2"),
  architecture: text<Architecture>("architecture", "x86_64"),
  os: text<OperatingSystem>("os", "linux"),
  ephemeralStorageGiB: number("ephemeralStorageGiB", String(FARGATE_INCLUDED_STORAGE_GIB)),
  tasks: number("tasks", "1"),
  usageKind: text<"continuous" | "scheduled">("usage.kind", "continuous"),
  hoursPerMonth: number("usage.hoursPerMonth", String(HOURS_PER_MONTH), "always", ["usageKind", "continuous"]),
  /** A scheduled service starts at every hour, 5 minutes a run. */
  runsPerDay: number("usage.runsPerDay", "24", "always", ["usageKind", "scheduled"]),
  secondsPerRun: number("usage.secondsPerRun", "300", "always", ["usageKind", "scheduled"]),
  /** Blank = the schema default (730 h / 24 = 30.42 days). */
  daysPerMonth: row<string>("usage.daysPerMonth", "number", "", "filled", ["usageKind", "scheduled"], { blankAt: DEFAULT_DAYS_PER_MONTH }),
  /** Whether the optional Fargate / Fargate Spot capacity provider strategy is set. */
  strategy: present("fargateCapacityProviders"),
  base: number("fargateCapacityProviders.base", "0", "always", ["strategy"]),
  fargateWeight: number("fargateCapacityProviders.fargateWeight", "1", "always", ["strategy"]),
  spotWeight: number("fargateCapacityProviders.spotWeight", "1", "always", ["strategy"]),
  /** May run on Spot; false is written as "absent" so existing links keep their exact input. */
  interruptible: flag("interruptible", false, "true"),
  /** EKS pod containers; absent or empty = none (the service's vCPU / memory are the pod's requests). */
  containers: list("containers", CONTAINER_FIELDS, "-c", "nonempty", true),
  /** Average requests per second; blank or absent = none (docs/billing-rules.md#cost-per-requests). */
  requestsPerSecond: number("requestsPerSecond", undefined, "filled"),
  /** CloudWatch Logs for this service; off = no `logs` in the input. Turned on: 10 GB a month, Standard, 1 month. */
  logs: present("logs"),
  logsIngestedGB: number("logs.ingestedGBPerMonth", "10", "always", ["logs"]),
  logsClass: text<"standard" | "infrequent-access">("logs.class", "standard", "always", ["logs"]),
  logsRetentionMonths: number("logs.retentionMonths", "1", "always", ["logs"]),
};

/** EKS settings (the input's `eks`), shown when the orchestrator is EKS: one cluster, standard support, no reserve. */
export const EKS_FIELDS = {
  clusters: number("clusters", "1"),
  support: text<NonNullable<EstimateInput["eks"]>["support"]>("support", "standard"),
  reserveVcpu: number("daemonSetReserve.vcpu", "0"),
  reserveMemoryGiB: number("daemonSetReserve.memoryGiB", "0"),
  /** Absent = not set. */
  prefixDelegation: optionalFlag("prefixDelegation", "defined"),
  /** Blank = the default (20 GiB). */
  nodeVolumeGiB: number("nodeVolumeGiB", "", "filled"),
};

