/**
 * The public JSON contract, version 1: EstimateInput and EstimateResult. Published as JSON Schema at
 * /schema/estimate-input.v1.json and /schema/estimate-result.v1.json (generated from these schemas).
 * One schema feeds the form, share links, JSON import/export, POST /api/estimate and both CLIs.
 * Field names are fixed; optional fields may be added, never renamed. Limits are stated here once
 * (SERVICE_LIMITS, EC2_LIMITS); other modules import them instead of copying the numbers.
 */
import { CHARGE_IDS, LINE_CATEGORIES, LINE_COMPONENTS } from "../charges/ids";
import { z } from "../security/zod";
import {
  DEFAULT_DAYS_PER_MONTH,
  FARGATE_INCLUDED_STORAGE_GIB,
  FARGATE_MAX_STORAGE_GIB,
  GP3_INCLUDED_IOPS,
  GP3_INCLUDED_THROUGHPUT_MIBPS,
  GP3_MAX_IOPS,
  GP3_MAX_IOPS_PER_GIB,
  GP3_MAX_MIBPS_PER_IOPS,
  GP3_MAX_THROUGHPUT_MIBPS,
  HOURS_PER_MONTH,
  MAX_POD_CONTAINERS,
} from "../units";
import { formatPath, type FieldError } from "../field-errors";
import { WEEKDAYS } from "./weekdays";
import { ReasonCodeSchema, WarningCodeSchema } from "./messages";
import { OPTION, OPTION_IDS, type OptionId } from "./estimate-enums";
import { DISCOUNT_CATEGORIES, DISCOUNT_SERVICES, SIDECAR_PRESETS } from "./estimate-enums";

export { DISCOUNT_CATEGORIES, DISCOUNT_SERVICES, SIDECAR_PRESETS };

export { DEFAULT_DAYS_PER_MONTH, HOURS_PER_MONTH };
export { formatPath, type FieldError };
export { OPTION, OPTION_IDS, type OptionId };

export const MAX_SERVICES = 100;

/** Bounds of one service, as the schema below enforces them (task definitions and forms read them from here). */
export const SERVICE_LIMITS = {
  nameMaxChars: 64,
  /** 0.125 vCPU = 128 CPU units, the smallest EC2 task; 192 vCPU the largest (docs/billing-rules.md#task-size-limits). */
  vcpu: { min: 0.125, max: 192 },
  memoryGiB: { min: 0.125, max: 24_576 },
  ephemeralStorageGiB: { min: FARGATE_INCLUDED_STORAGE_GIB, max: FARGATE_MAX_STORAGE_GIB, default: FARGATE_INCLUDED_STORAGE_GIB },
  tasks: { min: 0, max: 100_000 },
} as const;

const finite = () => z.number().refine(Number.isFinite, "must be a finite number");

export const ArchitectureSchema = z.enum(["x86_64", "arm64"]);
export type Architecture = z.infer<typeof ArchitectureSchema>;
export const OperatingSystemSchema = z.enum(["linux", "windows"]);
export type OperatingSystem = z.infer<typeof OperatingSystemSchema>;

export const ContinuousUsageSchema = z.strictObject({
  kind: z.literal("continuous"),
  hoursPerMonth: finite().min(0, "must be >= 0").max(744, "must be <= 744 (31 days x 24 h)").default(HOURS_PER_MONTH),
});

export const ScheduledUsageSchema = z.strictObject({
  kind: z.literal("scheduled"),
  runsPerDay: finite().min(0, "must be >= 0").max(86_400, "must be <= 86400"),
  secondsPerRun: finite().min(0, "must be >= 0").max(31 * 86_400, "must be <= 2678400 (31 days)"),
  daysPerMonth: finite().min(0, "must be >= 0").max(31, "must be <= 31").default(DEFAULT_DAYS_PER_MONTH),
});

export const UsageSchema = z.discriminatedUnion("kind", [ContinuousUsageSchema, ScheduledUsageSchema]);

/** ECS capacity provider strategy across FARGATE and FARGATE_SPOT (base on FARGATE, rest by weight). */
export const FargateCapacityProvidersSchema = z
  .strictObject({
    base: z.number().int("must be a whole number").min(0, "must be >= 0").max(100_000).default(0),
    fargateWeight: z.number().int("must be a whole number").min(0, "must be >= 0").max(1000).default(1),
    spotWeight: z.number().int("must be a whole number").min(0, "must be >= 0").max(1000).default(0),
  })
  .refine((s) => s.fargateWeight + s.spotWeight > 0, {
    message: "fargateWeight + spotWeight must be > 0",
    path: ["fargateWeight"],
  });

const L = SERVICE_LIMITS;
const L_VCPU_MAX = SERVICE_LIMITS.vcpu.max;
const L_MEMORY_MAX = SERVICE_LIMITS.memoryGiB.max;

/** CloudWatch Logs of one service (docs/billing-rules.md#logs). */
export const LogsSchema = z.strictObject({
  ingestedGBPerMonth: finite().min(0, "must be >= 0").max(10_000_000, "must be <= 10000000"),
  class: z.enum(["standard", "infrequent-access"]).default("standard"),
  retentionMonths: finite().min(0, "must be >= 0").max(120, "must be <= 120 (10 years)").default(1),
});

/**
 * One container of an EKS pod (or of an imported Kubernetes workload): its requests. Init containers run one
 * after another before the others start (docs/billing-rules.md#eks-fargate-pods).
 */
/** Sidecar presets (docs/billing-rules.md#sidecars): the container's role; its figures are in the row. */
export const SidecarPresetSchema = z.enum(SIDECAR_PRESETS);
export type SidecarPreset = z.infer<typeof SidecarPresetSchema>;

export const ContainerSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(253, "must be at most 253 characters"),
  vcpu: finite().min(0, "must be >= 0").max(L_VCPU_MAX, `must be <= ${L_VCPU_MAX}`).default(0),
  memoryGiB: finite().min(0, "must be >= 0").max(L_MEMORY_MAX, `must be <= ${L_MEMORY_MAX} GiB`).default(0),
  init: z.boolean().default(false),
  /**
   * The container's ephemeral-storage request, GiB (may be fractional: Kubernetes requests are bytes). On EKS the
   * containers' requests decide the pod's Fargate storage (docs/billing-rules.md#eks-fargate-storage); absent = none.
   */
  ephemeralStorageGiB: finite().min(0, "must be >= 0").max(FARGATE_MAX_STORAGE_GIB, `must be <= ${FARGATE_MAX_STORAGE_GIB} GiB`).optional(),
  /**
   * A sidecar beside the app (docs/billing-rules.md#sidecars): on ECS its vCPU and memory are added to the
   * service's task size; on EKS it is one more container of the pod (with the service's size as the app container
   * when no app container is listed). Absent = an ordinary container row, as before.
   */
  sidecar: SidecarPresetSchema.optional(),
});
export type Container = z.infer<typeof ContainerSchema>;

export const ServiceSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(L.nameMaxChars, `must be at most ${L.nameMaxChars} characters`),
  vcpu: finite().min(L.vcpu.min, `must be >= ${L.vcpu.min}`).max(L.vcpu.max, `must be <= ${L.vcpu.max} (largest EC2 task size)`),
  memoryGiB: finite().min(L.memoryGiB.min, `must be >= ${L.memoryGiB.min} GiB`).max(L.memoryGiB.max, `must be <= ${L.memoryGiB.max} GiB`),
  architecture: ArchitectureSchema.default("x86_64"),
  os: OperatingSystemSchema.default("linux"),
  ephemeralStorageGiB: z
    .number("must be a whole number of GiB")
    .int("must be a whole number of GiB (20 to 200)")
    .min(L.ephemeralStorageGiB.min, `must be >= ${L.ephemeralStorageGiB.min} (Fargate includes ${FARGATE_INCLUDED_STORAGE_GIB} GiB)`)
    .max(L.ephemeralStorageGiB.max, `must be <= ${L.ephemeralStorageGiB.max} (Fargate maximum)`)
    .default(L.ephemeralStorageGiB.default),
  tasks: finite().min(L.tasks.min, `must be >= ${L.tasks.min}`).max(L.tasks.max, `must be <= ${L.tasks.max}`),
  usage: UsageSchema.default({ kind: "continuous", hoursPerMonth: HOURS_PER_MONTH }),
  fargateCapacityProviders: FargateCapacityProvidersSchema.optional(),
  /** May this service's tasks run on Spot? Absent = false: Spot is priced and shown, but only recommended where true. */
  interruptible: z.boolean().optional(),
  logs: LogsSchema.optional(),
  /** Average requests per second the service serves: gives each option's cost per 1M requests. */
  requestsPerSecond: finite().min(0, "must be >= 0").max(10_000_000, "must be <= 10000000").optional(),
  /** EKS pods / Kubernetes import: the pod's containers; on EKS they decide the pod's billed size. */
  containers: z.array(ContainerSchema).min(1, "must list at least one container").max(MAX_POD_CONTAINERS, `must list at most ${MAX_POD_CONTAINERS} containers`).optional(),
  /** Where an import found this service, e.g. "aws_ecs_service.api" or "Deployment/web". */
  source: z.string().trim().min(1, "must not be empty").max(300, "must be at most 300 characters").optional(),
});

export const FargateSavingsPlanSchema = z.enum(["none", "compute-1y", "compute-3y"]);
export const Ec2PurchaseSchema = z.enum(["on-demand", "spot", "savings-plan-1y", "savings-plan-3y", "reserved-1y", "reserved-3y"]);
export const NetworkModeSchema = z.enum(["awsvpc", "bridge", "host"]);

export const FargateOptionsSchema = z.strictObject({
  savingsPlan: FargateSavingsPlanSchema.default("none"),
});

export const Ec2OptionsSchema = z.strictObject({
  purchase: Ec2PurchaseSchema.default("on-demand"),
  instanceTypes: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9-]+$/, "must be an instance type such as m7g.large"))
    .max(2000, "must list at most 2000 types")
    .default([]),
  targetUtilizationPct: finite().min(10, "must be >= 10").max(100, "must be <= 100").default(100),
  minInstances: z.number().int("must be a whole number").min(0, "must be >= 0").max(10_000).default(0),
  networkMode: NetworkModeSchema.default("awsvpc"),
  eniTrunking: z.boolean().default(false),
  rootVolumeGiB: finite().min(0, "must be >= 0").max(16_384, "must be <= 16384 (gp3 maximum)").default(30),
  /** false leaves burstable (T) types out of the EC2 search (docs/billing-rules.md#burstable-instances). */
  allowBurstable: z.boolean().default(true),
  /** Provisioned IOPS of each instance's gp3 volume; absent = the 3,000 included (docs/billing-rules.md#gp3-iops-throughput). */
  gp3Iops: z
    .number()
    .int("must be a whole number")
    .min(GP3_INCLUDED_IOPS, `must be >= ${GP3_INCLUDED_IOPS} (gp3 includes ${GP3_INCLUDED_IOPS})`)
    .max(GP3_MAX_IOPS, `must be <= ${GP3_MAX_IOPS} (gp3 maximum)`)
    .optional(),
  /** Provisioned throughput of each instance's gp3 volume in MiB/s; absent = the 125 included. */
  gp3ThroughputMiBps: finite()
    .min(GP3_INCLUDED_THROUGHPUT_MIBPS, `must be >= ${GP3_INCLUDED_THROUGHPUT_MIBPS} (gp3 includes ${GP3_INCLUDED_THROUGHPUT_MIBPS} MiB/s)`)
    .max(GP3_MAX_THROUGHPUT_MIBPS, `must be <= ${GP3_MAX_THROUGHPUT_MIBPS} (gp3 maximum)`)
    .optional(),
}).superRefine((ec2, ctx) => {
  // AWS's gp3 ratios: at most 500 IOPS per GiB of the volume and 0.25 MiB/s per provisioned IOPS.
  const iops = ec2.gp3Iops ?? GP3_INCLUDED_IOPS;
  if (ec2.gp3Iops !== undefined && ec2.gp3Iops > ec2.rootVolumeGiB * GP3_MAX_IOPS_PER_GIB) {
    ctx.addIssue({ code: "custom", path: ["gp3Iops"], message: `must be <= ${GP3_MAX_IOPS_PER_GIB} per GiB of rootVolumeGiB (${ec2.rootVolumeGiB} GiB allows ${ec2.rootVolumeGiB * GP3_MAX_IOPS_PER_GIB})` });
  }
  if (ec2.gp3ThroughputMiBps !== undefined && ec2.gp3ThroughputMiBps > iops * GP3_MAX_MIBPS_PER_IOPS) {
    ctx.addIssue({ code: "custom", path: ["gp3ThroughputMiBps"], message: `must be <= ${GP3_MAX_MIBPS_PER_IOPS} MiB/s per provisioned IOPS (${iops} IOPS allow ${iops * GP3_MAX_MIBPS_PER_IOPS})` });
  }
});

const count = (max: number) => z.number().int("must be a whole number").min(0, "must be >= 0").max(max, `must be <= ${max}`);
const rate = (max: number) => finite().min(0, "must be >= 0").max(max, `must be <= ${max}`);

/** docs/billing-rules.md#lb-from-requests. Service names are checked against services[] by the input schema. */
export const LoadBalancerFromRequestsSchema = z.strictObject({
  /** The services behind this load balancer; absent = every service that gives requestsPerSecond. */
  services: z
    .array(z.string().trim().min(1, "must not be empty").max(L.nameMaxChars, `must be at most ${L.nameMaxChars} characters`))
    .min(1, "must list at least one service (or leave services out for every service with requestsPerSecond)")
    .max(MAX_SERVICES, `must list at most ${MAX_SERVICES} services`)
    .optional(),
  /** Average bytes of one request plus its response through the load balancer; absent = processedGBPerHour as given. */
  bytesPerRequest: finite().min(0, "must be >= 0").max(1e10, "must be <= 10000000000 (10 GB)").optional(),
  /** Requests per new connection (HTTP keep-alive); absent = 1, every request opens a connection (the upper bound). */
  requestsPerConnection: finite().min(1, "must be >= 1").max(1_000_000, "must be <= 1000000").optional(),
});

/** One load balancer group (docs/billing-rules.md#load-balancers): LCU dimensions per load balancer. */
export const LoadBalancerSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
  type: z.enum(["alb", "nlb"]),
  count: count(1000).default(1),
  newConnectionsPerSecond: rate(10_000_000).default(0),
  activeConnectionsPerMinute: rate(1_000_000_000).default(0),
  processedGBPerHour: rate(1_000_000).default(0),
  /** ALB only: rule evaluations per second beyond the 10 free rules per request. */
  ruleEvaluationsPerSecond: rate(10_000_000).default(0),
  /**
   * Derive new connections (and processed bytes, with bytesPerRequest) from the services' requestsPerSecond
   * instead of typing them (docs/billing-rules.md#lb-from-requests). Absent = the dimensions as given.
   */
  fromRequests: LoadBalancerFromRequestsSchema.optional(),
}).superRefine((lb, ctx) => {
  // A derived dimension and a typed one would contradict each other: say which to drop.
  if (lb.fromRequests && lb.newConnectionsPerSecond > 0) {
    ctx.addIssue({ code: "custom", path: ["newConnectionsPerSecond"], message: "must be 0 or left out when fromRequests is set (it is derived from the services' requestsPerSecond)" });
  }
  if (lb.fromRequests?.bytesPerRequest !== undefined && lb.processedGBPerHour > 0) {
    ctx.addIssue({ code: "custom", path: ["processedGBPerHour"], message: "must be 0 or left out when fromRequests.bytesPerRequest is set (it is derived from it)" });
  }
});

/** The rest of the bill that is not per service (docs/billing-rules.md#network-lines). All optional: absent = none. */
export const NetworkSchema = z.strictObject({
  loadBalancers: z.array(LoadBalancerSchema).max(50, "must list at most 50 load balancer groups").default([]),
  natGateways: z.strictObject({ count: count(1000), processedGBPerMonth: rate(100_000_000).default(0) }).optional(),
  publicIpv4: z
    .strictObject({
      fargateTasks: z.boolean().default(false),
      ec2Instances: z.boolean().default(false),
      extraAddresses: count(100_000).default(0),
    })
    .optional(),
  vpcInterfaceEndpoints: z.strictObject({ count: count(1000), azs: count(32).default(2), processedGBPerMonth: rate(100_000_000).default(0) }).optional(),
  dataTransferOutGBPerMonth: rate(100_000_000).default(0),
  interAzGBPerMonth: rate(100_000_000).default(0),
  /**
   * CloudWatch Logs' always-free allowance, account-wide: the first 5 GB of Standard log data ingested and 5 GB-months
   * of log storage each month (docs/billing-rules.md#logs-free-tier). Absent = applied; false = leave it out (the
   * account's other workloads already use it).
   */
  logsFreeTier: z.boolean().optional(),
});
export type Network = z.infer<typeof NetworkSchema>;

/** EKS settings (docs/billing-rules.md#eks): the control plane and the per-node DaemonSet reserve. */
export const EksOptionsSchema = z.strictObject({
  clusters: count(1000).default(1),
  support: z.enum(["standard", "extended"]).default("standard"),
  /** What the DaemonSets (log agents, CNI, monitoring) take on every EC2 node, before pods are placed. */
  daemonSetReserve: z
    .strictObject({
      vcpu: finite().min(0, "must be >= 0").max(L_VCPU_MAX, `must be <= ${L_VCPU_MAX}`).default(0),
      memoryGiB: finite().min(0, "must be >= 0").max(L_MEMORY_MAX, `must be <= ${L_MEMORY_MAX} GiB`).default(0),
    })
    .default({ vcpu: 0, memoryGiB: 0 }),
  /** VPC CNI prefix delegation on the nodes: max pods per node min(110, ENI slots x 16 + 2) instead of the ENI formula. */
  prefixDelegation: z.boolean().optional(),
  /** gp3 root volume of every node, GiB (absent = 20, the EKS managed node group default). */
  nodeVolumeGiB: finite().min(1, "must be >= 1").max(16_384, "must be <= 16384 (gp3 maximum)").optional(),
});
export type EksOptions = z.infer<typeof EksOptionsSchema>;

export { WEEKDAYS };
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** An hour of the day, 0-24, in whole or quarter hours (8.5 = 08:30). */
const hourOfDay = () =>
  finite()
    .min(0, "must be >= 0")
    .max(24, "must be <= 24")
    .refine((h) => Number.isInteger(h * 4), "must be a whole or quarter hour (8.5 = 08:30)");

/** IANA time zone name, checked against the runtime's time-zone database. */
export const TimeZoneSchema = z
  .string()
  .max(64, "must be at most 64 characters")
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Europe/Berlin or UTC");

const hourRange = z
  .tuple([hourOfDay(), hourOfDay()])
  .refine(([from, to]) => from < to, "must be [from, to] with from < to");

const uniqueDays = z
  .array(WeekdaySchema)
  .min(1, "must list at least one day")
  .max(7)
  .refine((days) => new Set(days).size === days.length, "must not repeat a day");

/** When an environment's tasks run, over a week (docs/billing-rules.md#weekly-schedules). */
export const ScheduleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("always") }),
  z
    .strictObject({
      kind: z.literal("business-hours"),
      timeZone: TimeZoneSchema.default("UTC"),
      days: uniqueDays.default(["mon", "tue", "wed", "thu", "fri"]),
      startHour: hourOfDay().default(8),
      endHour: hourOfDay().default(20),
    })
    .refine((s) => s.startHour < s.endHour, { message: "must be after startHour", path: ["endHour"] }),
  z.strictObject({
    kind: z.literal("weekly"),
    timeZone: TimeZoneSchema.default("UTC"),
    hours: z.partialRecord(WeekdaySchema, z.array(hourRange).max(24, "must list at most 24 ranges")),
  }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

/** A task-count factor for part of the week (autoscaling: fewer tasks at night, more at the peak). */
export const TaskProfileEntrySchema = z
  .strictObject({
    days: uniqueDays,
    fromHour: hourOfDay(),
    toHour: hourOfDay(),
    tasksFactor: finite().min(0, "must be >= 0").max(100, "must be <= 100"),
  })
  .refine((e) => e.fromHour < e.toHour, { message: "must be after fromHour", path: ["toHour"] });

/** A named copy of the services (prod, staging, dev) with its own task multiplier, schedule and Spot tolerance. */
export const EnvironmentSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
  multiplier: finite().min(0, "must be >= 0").max(1000, "must be <= 1000").default(1),
  schedule: ScheduleSchema.default({ kind: "always" }),
  taskProfile: z.array(TaskProfileEntrySchema).max(50, "must list at most 50 entries").nullable().default(null),
  /** Overrides the services' own interruptible flag in this environment. */
  interruptible: z.boolean().optional(),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

// ---------------------------------------------------------------- price book (issue 25; additive, all optional)

export const DiscountServiceSchema = z.enum(DISCOUNT_SERVICES);
export type DiscountService = z.infer<typeof DiscountServiceSchema>;
/**
 * Charge categories a discount can name: compute (task and instance hours, fees), spot (compute on Spot capacity,
 * which takes precedence over compute), storage (task storage, EBS) and the rest-of-the-bill categories.
 */
export const DiscountCategorySchema = z.enum(DISCOUNT_CATEGORIES);
export type DiscountCategory = z.infer<typeof DiscountCategorySchema>;
const percent = () => finite().min(0, "must be >= 0 (a percentage)").max(100, "must be <= 100 (a percentage)");

/**
 * A price book: the negotiated discount (EDP / private pricing) off the charges AWS bills, applied to each line's
 * amount after the pricing model's own discount (Savings Plan, Reserved Instance, Spot) as AWS applies it
 * (docs/billing-rules.md#private-pricing-discounts). The most specific percentage wins: byCategory, then byService,
 * then percent. Absent = list prices, exactly as before.
 */
export const DiscountsSchema = z.strictObject({
  /** What the user calls it ("ACME EDP 2026"); shown on the discount line. */
  name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters").optional(),
  /** Percent off every AWS charge of the estimate (the cross-service discount). */
  percent: percent().default(0),
  byService: z.partialRecord(DiscountServiceSchema, percent()).optional(),
  byCategory: z.partialRecord(DiscountCategorySchema, percent()).optional(),
});
export type Discounts = z.infer<typeof DiscountsSchema>;

export const CatalogIdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:\.\d+)?$/, "must be a catalog id such as 2026-11-26");
export const RegionCodeSchema = z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-\d$/, "must be an AWS region code such as us-east-1");

export const EstimateInputSchema = z.strictObject({
  version: z.literal(1, "must be 1 (the only version this app reads)"),
  region: RegionCodeSchema,
  catalog: CatalogIdSchema.optional(),
  services: z
    .array(ServiceSchema)
    .min(1, "must list at least one service")
    .max(MAX_SERVICES, `must list at most ${MAX_SERVICES} services`)
    // Names key the per-service lines and the EC2 plan's tasksPerInstance, so they must be unique.
    .superRefine((services, ctx) => {
      const seen = new Map<string, number>();
      services.forEach((s, i) => {
        const first = seen.get(s.name);
        if (first === undefined) seen.set(s.name, i);
        else ctx.addIssue({ code: "custom", path: [i, "name"], message: `must be unique: "${s.name}" is also the name of services[${first}]` });
      });
    }),
  fargate: FargateOptionsSchema.default({ savingsPlan: "none" }),
  network: NetworkSchema.optional(),
  /** "eks" prices the services as Kubernetes pods and adds the cluster fee; absent = "ecs". */
  orchestrator: z.enum(["ecs", "eks"]).optional(),
  eks: EksOptionsSchema.optional(),
  environments: z
    .array(EnvironmentSchema)
    .min(1, "must list at least one environment (or leave environments out)")
    .max(20, "must list at most 20 environments")
    .superRefine((envs, ctx) => {
      const seen = new Map<string, number>();
      envs.forEach((e, i) => {
        const first = seen.get(e.name);
        if (first === undefined) seen.set(e.name, i);
        else ctx.addIssue({ code: "custom", path: [i, "name"], message: `must be unique: "${e.name}" is also the name of environments[${first}]` });
      });
    })
    .optional(),
  ec2: Ec2OptionsSchema.default({
    purchase: "on-demand",
    instanceTypes: [],
    targetUtilizationPct: 100,
    minInstances: 0,
    networkMode: "awsvpc",
    eniTrunking: false,
    rootVolumeGiB: 30,
    allowBurstable: true,
  }),
  /** Negotiated discounts (docs/billing-rules.md#private-pricing-discounts); absent = list prices. */
  discounts: DiscountsSchema.optional(),
}).superRefine((input, ctx) => checkLoadBalancersFromRequests(input, ctx));

/** network.loadBalancers[].fromRequests must name services that give requestsPerSecond (docs/billing-rules.md#lb-from-requests). */
function checkLoadBalancersFromRequests(
  input: { services: ReadonlyArray<{ name: string; requestsPerSecond?: number | undefined }>; network?: { loadBalancers: ReadonlyArray<{ fromRequests?: { services?: string[] | undefined } | undefined }> } | undefined },
  ctx: z.RefinementCtx,
): void {
  input.network?.loadBalancers.forEach((lb, i) => {
    const from = lb.fromRequests;
    if (!from) return;
    const path = ["network", "loadBalancers", i, "fromRequests"];
    if (from.services === undefined) {
      if (!input.services.some((s) => s.requestsPerSecond !== undefined)) {
        ctx.addIssue({ code: "custom", path, message: "needs requestsPerSecond on at least one service (no service gives it)" });
      }
      return;
    }
    const seen = new Set<string>();
    from.services.forEach((name, j) => {
      const service = input.services.find((s) => s.name === name);
      const at = [...path, "services", j];
      if (seen.has(name)) ctx.addIssue({ code: "custom", path: at, message: `must not repeat "${name}"` });
      else if (!service) ctx.addIssue({ code: "custom", path: at, message: `"${name}" is not the name of a service` });
      else if (service.requestsPerSecond === undefined) ctx.addIssue({ code: "custom", path: at, message: `"${name}" gives no requestsPerSecond` });
      seen.add(name);
    });
  });
}

/** What a user, a file or a request may send (defaults optional). */
export type EstimateInputRaw = z.input<typeof EstimateInputSchema>;
/** The normalized input lib/ works with (defaults filled in). */
export type EstimateInput = z.output<typeof EstimateInputSchema>;
export type Service = EstimateInput["services"][number];
export type Usage = Service["usage"];
export type Ec2Options = z.output<typeof Ec2OptionsSchema>;

// ---------------------------------------------------------------- result

export const LineComponentSchema = z.enum(LINE_COMPONENTS);
/** The AWS charge a line is (lib/charges/definitions.ts): its FOCUS mapping, rates, docs and bill rows follow from it. */
export const ChargeIdSchema = z.enum(CHARGE_IDS);
export type LineComponent = z.infer<typeof LineComponentSchema>;

export const CostLineSchema = z.object({
  service: z.string(),
  /** The charge (lib/charges). Every line the engine makes has one; exports made before 2026-12-07 have none. */
  charge: ChargeIdSchema.optional(),
  component: LineComponentSchema,
  /** Human label, stable as parameters change: "Fargate vCPU (spot, arm64)". */
  label: z.string().optional(),
  quantity: z.number(),
  unit: z.string(),
  rateUSD: z.number(),
  usd: z.number(),
  usageType: z.string().nullable(),
  asOf: z.string(),
  derived: z.boolean(),
  note: z.string().optional(),
  /** The rest of the bill: what the line is for, when it is not compute (component "other"). */
  category: z.enum(LINE_CATEGORIES).optional(),
  /** true: the same line in every option (network, logs), so it never decides between them. */
  shared: z.boolean().optional(),
  /** The environment the line belongs to (docs/billing-rules.md#weekly-schedules); absent: the whole estimate. */
  environment: z.string().optional(),
});
export type CostLine = z.infer<typeof CostLineSchema>;

export const BilledServiceSchema = z.object({
  name: z.string(),
  vcpu: z.number(),
  memoryGiB: z.number(),
  requested: z.object({ vcpu: z.number(), memoryGiB: z.number() }),
  monthlyUSD: z.number(),
  /** Monthly dollars paid for capacity above the request because of snapping to a valid size. */
  roundingLossUSD: z.number().optional(),
  note: z.string().optional(),
});

export const Ec2PlanInstanceSchema = z.object({
  type: z.string(),
  count: z.number(),
  tasksPerInstance: z.record(z.string(), z.number()),
  cpuUtilPct: z.number(),
  memUtilPct: z.number(),
  hourlyUSD: z.number().optional(),
  boundBy: z.string().optional(),
});

export const Ec2PlanSchema = z.object({
  instances: z.array(Ec2PlanInstanceSchema),
  why: z.string().optional(),
});

/** The option id (OPTION_IDS, ./estimate-enums.ts: the one place the ids are spelled). */
export const OptionIdSchema = z.enum(OPTION_IDS).describe("The option id (new ids may be added; a reader should show an unknown id by its label).");

export const OptionSchema = z.object({
  id: OptionIdSchema,
  label: z.string(),
  available: z.boolean(),
  /** Why the option is unavailable, in English (null when available); `reasonCode` says which rule (docs/messages.md). */
  reason: z.string().nullable(),
  /** The code of `reason` (null when available). Always set by the engine; absent in exports made before codes. */
  reasonCode: ReasonCodeSchema.nullable().optional(),
  monthlyUSD: z.number().nullable(),
  hourlyUSD: z.number().nullable().optional(),
  /** Present when some service gives requestsPerSecond: monthlyUSD per 1M requests (null: unavailable or no requests). */
  costPer1MRequests: z.number().nullable().optional(),
  lines: z.array(CostLineSchema),
  services: z.array(BilledServiceSchema),
  plan: Ec2PlanSchema.nullable(),
});
export type EstimateOption = z.infer<typeof OptionSchema>;

/**
 * One environment's share of each option (docs/billing-rules.md#weekly-schedules): its own lines (Fargate) or its
 * share of the shared fleet (EC2). Shared lines (load balancers, NAT, ...) belong to no environment.
 */
export const EnvironmentResultSchema = z.object({
  name: z.string(),
  multiplier: z.number(),
  /** Hours a week the schedule is on (local time, before the task profile). */
  onHoursPerWeek: z.number(),
  /** Average tasks running in each hour of the week, UTC, index 0 = Monday 00:00-01:00 UTC (168 values). */
  tasksPerHour: z.array(z.number()),
  /** Task-hours a month over all the environment's services. */
  taskHoursPerMonth: z.number(),
  subtotals: z.array(
    z.object({
      optionId: OptionIdSchema,
      monthlyUSD: z.number().nullable(),
      /** The environment's cost in each hour of the week (UTC, 168 values); null when the option is unavailable. */
      costPerHourUSD: z.array(z.number()).nullable(),
    }),
  ),
});
export type EnvironmentResult = z.infer<typeof EnvironmentResultSchema>;

export const EstimateResultSchema = z.object({
  version: z.literal(1),
  input: EstimateInputSchema,
  catalog: z.object({
    id: z.string(),
    region: z.string(),
    currency: z.literal("USD"),
    sources: z.array(z.object({ name: z.string(), asOf: z.string() }).loose()),
  }),
  hoursPerMonth: z.number(),
  options: z.array(OptionSchema),
  recommendation: z
    .object({ optionId: OptionIdSchema, monthlyUSD: z.number(), savingsUSD: z.number(), why: z.string() })
    .nullable(),
  warnings: z.array(z.string()),
  /** The code of each warning, in the same order as `warnings` (docs/messages.md). Always set by the engine; absent in exports made before codes. */
  warningCodes: z.array(WarningCodeSchema).optional(),
  /** Only when the input has environments: each environment's subtotal per option and its week. */
  environments: z.array(EnvironmentResultSchema).optional(),
  /**
   * Only when the input has environments: per option, what the estimate still pays with every environment at
   * zero tasks (load balancer, NAT gateway, endpoint and always-on address hours; EC2 minInstances).
   */
  costAtZeroTasks: z.array(z.object({ optionId: OptionIdSchema, monthlyUSD: z.number().nullable(), lines: z.array(z.string()) })).optional(),
});
export type EstimateResult = z.infer<typeof EstimateResultSchema>;

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validate untrusted input; never throws, lists every problem with its path. */
export function parseEstimateInput(raw: unknown): ParseOutcome<EstimateInput> {
  const parsed = EstimateInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}
