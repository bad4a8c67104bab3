/**
 * A dated price catalog snapshot: one file per region plus a small index.
 * Every rate carries its provenance (source, as-of date, AWS usage type, derived flag).
 * Where no rate exists, the slot holds { available: false, reason } - never a zero or a guess.
 */
import { catalogSlots, CHARGES, type RateSlot } from "../charges";
import { z } from "../security/zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const usd = z.number().refine(Number.isFinite, "must be a finite number").min(0, "must be >= 0");

export const SourceSchema = z.strictObject({
  /** Short key that rates refer to, e.g. "fgcalc-2026-09". */
  id: z.string().min(1),
  name: z.string().min(1),
  asOf: isoDate,
  /** Where the figures come from: repository + path + commit, or an AWS API. */
  origin: z.string().min(1),
  licence: z.string().optional(),
});
export type CatalogSource = z.infer<typeof SourceSchema>;

export const RateSchema = z.strictObject({
  usd,
  /** "vCPU-hour", "GB-hour", "GB-month", "hour". */
  unit: z.string().min(1),
  /** Source id (must exist in the file's sources). */
  source: z.string().min(1),
  asOf: isoDate,
  /** AWS usage type the rate belongs to, where there is one. */
  usageType: z.string().nullable(),
  derived: z.boolean(),
  /** Required when derived: how it was inferred. */
  note: z.string().optional(),
  /** The key the rate was read under in an AWS pricing feed, where there is no usage type (e.g. "Stored Data"). */
  label: z.string().optional(),
}).refine((r) => !r.derived || (r.note !== undefined && r.note.length > 0), {
  message: "a derived rate must say how it was derived in note",
  path: ["note"],
});
export type Rate = z.infer<typeof RateSchema>;

export const UnavailableSchema = z.strictObject({
  available: z.literal(false),
  reason: z.string().min(1),
});
export type Unavailable = z.infer<typeof UnavailableSchema>;

const orUnavailable = <T extends z.ZodType>(schema: T) => z.union([schema, UnavailableSchema]);

/** The single-rate slots the charge definitions (lib/charges) declare in a section of a region file, by key. */
type SlotRate = Exclude<(typeof CHARGES)[number]["rates"][number], { kind: "fee-rule" }>;
type SlotKey<S extends RateSlot["section"]> = SlotRate["path"] extends infer P ? (P extends `${S}.${infer K}` ? (K extends `${string}.${string}` | `${string}[${string}` ? never : K) : never) : never;
const RateOrUnavailableSchema = orUnavailable(RateSchema);
type TierKey = Extract<SlotRate, { kind: "tiers" }>["path"] extends `${string}.${infer K}` ? K : never;
type SlotShape<S extends RateSlot["section"]> = { [K in SlotKey<S>]: K extends TierKey ? ReturnType<typeof orUnavailable<typeof DataTransferOutSchema>> : typeof RateOrUnavailableSchema };
/**
 * A zod shape with one slot per key the definitions declare in `section`, in their order: a rate or an unavailable
 * reason, or the egress tiers (kind "tiers"). Fee rules have schemas of their own.
 */
function slotShape<S extends RateSlot["section"]>(section: S): SlotShape<S> {
  const slots = catalogSlots(section).filter((slot) => slot.rate.kind !== "fee-rule");
  return Object.fromEntries(slots.map((slot) => [slot.key, slot.rate.kind === "tiers" ? orUnavailable(DataTransferOutSchema) : RateOrUnavailableSchema])) as SlotShape<S>;
}

export const ComputeRatesSchema = z.strictObject({ vcpuHour: RateSchema, gbHour: RateSchema });
export type ComputeRates = z.infer<typeof ComputeRatesSchema>;
export const WindowsRatesSchema = z.strictObject({
  vcpuHour: RateSchema,
  gbHour: RateSchema,
  osLicenseVcpuHour: RateSchema,
});
export type WindowsRates = z.infer<typeof WindowsRatesSchema>;

export const FargateRatesSchema = z.strictObject({
  linuxX86: ComputeRatesSchema,
  linuxArm: orUnavailable(ComputeRatesSchema),
  windowsX86: orUnavailable(WindowsRatesSchema),
  /** Per GB-hour above the 20 GiB included with every task. */
  ephemeralStorageGbHour: orUnavailable(RateSchema),
  spotX86: orUnavailable(ComputeRatesSchema),
  spotArm: orUnavailable(ComputeRatesSchema),
  /** Compute Savings Plans (No Upfront) effective rates for Fargate Linux. */
  savingsPlans: z.strictObject({
    "compute-1y": z.strictObject({ x86: orUnavailable(ComputeRatesSchema), arm: orUnavailable(ComputeRatesSchema) }),
    "compute-3y": z.strictObject({ x86: orUnavailable(ComputeRatesSchema), arm: orUnavailable(ComputeRatesSchema) }),
  }),
});
export type FargateRates = z.infer<typeof FargateRatesSchema>;

/**
 * One EC2 instance type. Prices are USD per instance-hour (Linux, shared tenancy).
 * Provenance of the prices is per region file (ec2.onDemand, ec2.spot, ec2.reserved), unless the row
 * overrides it (onDemandSource, spotSource): this keeps 1,300 rows small.
 */
export const InstanceTypeSchema = z.strictObject({
  type: z.string().regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9-]+$/, "must be an instance type such as m5.large"),
  vcpu: z.number().int().positive(),
  memoryMiB: z.number().int().positive(),
  architecture: z.enum(["x86_64", "arm64"]),
  /** null when the source has no ENI data: the type cannot be planned for awsvpc. */
  maxEnis: z.number().int().nonnegative().nullable(),
  ipv4PerEni: z.number().int().nonnegative().nullable(),
  /**
   * ECS awsvpcTrunking for this type (docs/price-catalog.md#ecs-trunking): "supported" with the task limit
   * ECS publishes (ecsTrunkTasks), "unsupported" (ECS names the type or family, or publishes no positive
   * limit), "not-listed" (the type is newer than ECS's table: planned without trunking, conservatively).
   */
  trunking: z.enum(["supported", "unsupported", "not-listed"]),
  ecsTrunkTasks: z.number().int().positive().nullable(),
  currentGeneration: z.boolean(),
  gpus: z.number().int().nonnegative(),
  burstable: z.boolean(),
  onDemandUSD: usd.nullable(),
  spotAvgUSD: usd.nullable(),
  /** Standard Reserved Instance, No Upfront, effective hourly rate (1 and 3 years); null where none is published. */
  reserved1yUSD: usd.nullable(),
  reserved3yUSD: usd.nullable(),
  /**
   * ECS Managed Instances management fee per instance-hour as AWS publishes it (the Price List, read by the refresh;
   * or AWS's own worked example): the type carries AWS's fee, not the derived 12% (docs/price-catalog.md#ecs-managed-instances).
   */
  managedFeeUSD: usd.optional(),
  /** Source of managedFeeUSD when it is not the region's managedInstances source (AWS's pricing-page example). */
  managedFeeSource: z.string().optional(),
  /** EKS Auto Mode management fee per instance-hour as the Price List publishes it (refresh; docs/price-catalog.md#eks-auto-mode). */
  autoModeFeeUSD: usd.optional(),
  /**
   * EKS (docs/price-catalog.md#eks-nodes): the kubelet's max pods with the VPC CNI (ENIs x (IPv4 per ENI - 1) + 2,
   * the +2 being the host-network aws-node and kube-proxy pods) and the node's Kubernetes allocatable CPU
   * (millicores) and memory (MiB) after kube-reserved, system-reserved and the eviction threshold. Absent where the
   * sources have no figure: the type cannot be an EKS node in the plan.
   */
  maxPods: z.number().int().positive().optional(),
  allocatable: z.strictObject({ cpuMillis: z.number().int().positive(), memoryMiB: z.number().int().positive() }).optional(),
  /** Source ids overriding the region defaults for this row. */
  onDemandSource: z.string().optional(),
  spotSource: z.string().optional(),
  /**
   * prices:refresh --spot (docs/price-catalog.md#spot-refresh): the time-weighted average Spot price of the
   * cheapest Availability Zone over the window, and that AZ. Absent in older snapshots.
   */
  spotCheapestAzUSD: usd.optional(),
  spotCheapestAz: z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-\d[a-z]$/, "must be an Availability Zone such as us-east-1a").optional(),
}).refine((t) => (t.trunking === "supported") === (t.ecsTrunkTasks !== null), {
  message: "ecsTrunkTasks must be set exactly when trunking is supported",
  path: ["ecsTrunkTasks"],
});
export type InstanceType = z.infer<typeof InstanceTypeSchema>;

/**
 * A management fee per instance-hour that depends on the type (ECS Managed Instances, EKS Auto Mode): a row's
 * published fee where there is one, otherwise feeFractionOfOnDemand x the row's On-Demand rate (derived; the note
 * says how).
 */
export const ManagementFeeRuleSchema = z.strictObject({
  feeFractionOfOnDemand: z.number().min(0).max(1),
  source: z.string(),
  asOf: isoDate,
  usageTypePattern: z.string(),
  derived: z.boolean(),
  note: z.string(),
});
export type ManagementFeeRule = z.infer<typeof ManagementFeeRuleSchema>;

const Ec2ProvenanceSchema = z.strictObject({ source: z.string(), asOf: isoDate, usageTypePattern: z.string() });

export const Ec2RatesSchema = z.strictObject({
  /** Default provenance of onDemandUSD / spotAvgUSD. */
  onDemand: Ec2ProvenanceSchema,
  spot: orUnavailable(
    z.strictObject({
      source: z.string(),
      asOf: isoDate,
      note: z.string(),
      /** prices:refresh --spot: the window the averages cover (ISO instants, end exclusive) and its length. */
      window: z.strictObject({ start: z.iso.datetime(), end: z.iso.datetime(), days: z.number().positive() }).optional(),
    }),
  ),
  /** The single-rate EC2 slots the charge definitions declare (lib/charges), gp3 storage first. */
  ...slotShape("ec2"),
  savingsPlans: z.strictObject({
    "savings-plan-1y": orUnavailable(z.strictObject({ discount: z.number().min(0).max(1), rate: RateSchema })),
    "savings-plan-3y": orUnavailable(z.strictObject({ discount: z.number().min(0).max(1), rate: RateSchema })),
  }),
  /** Provenance of reserved1yUSD / reserved3yUSD: Standard Reserved Instances, No Upfront, Linux, shared tenancy. */
  reserved: z.strictObject({
    "reserved-1y": orUnavailable(Ec2ProvenanceSchema.extend({ note: z.string() })),
    "reserved-3y": orUnavailable(Ec2ProvenanceSchema.extend({ note: z.string() })),
  }),
  /**
   * ECS Managed Instances management fee per instance-hour: a row's managedFeeUSD where published, otherwise
   * feeFractionOfOnDemand x the row's On-Demand rate (derived; the note says how).
   */
  managedInstances: orUnavailable(ManagementFeeRuleSchema),
  /** Where the ECS trunking task limits come from (ECS's own table). */
  trunking: z.strictObject({ source: z.string(), asOf: isoDate, note: z.string() }),
  instanceTypes: z.array(InstanceTypeSchema),
});
export type Ec2Rates = z.infer<typeof Ec2RatesSchema>;

/** Data transfer out to the internet: a free allowance, then tiers priced per GB (upToGBPerMonth null = no upper end). */
export const DataTransferOutSchema = z.strictObject({
  freeGBPerMonth: z.number().nonnegative(),
  tiers: z.array(z.strictObject({ upToGBPerMonth: z.number().positive().nullable(), rate: RateSchema })).min(1),
});
export type DataTransferOut = z.infer<typeof DataTransferOutSchema>;

/**
 * The rest of a service's bill (docs/price-catalog.md#network-and-logs): one slot per rate the charge definitions
 * declare under `network.` (lib/charges), and the egress tiers. Inter-AZ is per GB and per direction.
 */
export const NetworkRatesSchema = z.strictObject(slotShape("network"));
export type NetworkRates = z.infer<typeof NetworkRatesSchema>;

/** Where a table of figures (not prices) comes from. */
const ProvenanceSchema = z.strictObject({ source: z.string(), asOf: isoDate, note: z.string() });

/**
 * Amazon EKS (docs/price-catalog.md#eks): the control plane per cluster-hour, and where the node figures
 * (maxPods, allocatable) on the instance rows come from. Optional: snapshots before 2026-12-01 have none.
 */
export const EksRatesSchema = z.strictObject({
  ...slotShape("eks"),
  maxPods: ProvenanceSchema,
  allocatable: ProvenanceSchema,
  /** EKS Auto Mode management fee per instance-hour: a row's autoModeFeeUSD, else the rule (docs/price-catalog.md#eks-auto-mode). */
  autoMode: orUnavailable(ManagementFeeRuleSchema).optional(),
});
export type EksRates = z.infer<typeof EksRatesSchema>;

const regionHeader = {
  catalogId: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:\.\d+)?$/),
  region: z.string().min(1),
  location: z.string().min(1),
  /** AWS billing-code prefix used in usage types ("USE1", "EU", "APS3"). */
  billingPrefix: z.string().min(1),
  currency: z.literal("USD"),
  sources: z.array(SourceSchema).min(1),
};

/** A region file of schema version 2 (snapshots from 2026-12-01 on). What lib/ works with. */
export const RegionCatalogSchema = z.strictObject({
  schemaVersion: z.literal(2),
  ...regionHeader,
  fargate: FargateRatesSchema,
  ec2: Ec2RatesSchema,
  network: NetworkRatesSchema,
  eks: EksRatesSchema.optional(),
});
export type RegionCatalog = z.infer<typeof RegionCatalogSchema>;

// ---------------------------------------------------------------------------------------------------------
// Schema version 1 (snapshot 2026-11-26), kept so that old share links and exports price exactly as they did.
// parseRegionCatalog upgrades it in memory (upgradeRegionCatalogV1) to the version-2 shape.
// ---------------------------------------------------------------------------------------------------------
const InstanceTypeV1Schema = z.strictObject({
  type: InstanceTypeSchema.shape.type,
  vcpu: z.number().int().positive(),
  memoryMiB: z.number().int().positive(),
  architecture: z.enum(["x86_64", "arm64"]),
  maxEnis: z.number().int().nonnegative().nullable(),
  ipv4PerEni: z.number().int().nonnegative().nullable(),
  /** Karpenter's branch-ENI count, used by snapshot 2026-11-26 as the trunked task limit. */
  trunkBranchEnis: z.number().int().nonnegative().nullable(),
  trunkingCompatible: z.boolean(),
  currentGeneration: z.boolean(),
  gpus: z.number().int().nonnegative(),
  burstable: z.boolean(),
  onDemandUSD: usd.nullable(),
  spotAvgUSD: usd.nullable(),
  onDemandSource: z.string().optional(),
  spotSource: z.string().optional(),
});

export const RegionCatalogV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  ...regionHeader,
  fargate: FargateRatesSchema,
  // The EC2 part of the frozen version-1 files: what they hold, no more (every later slot is filled by the upgrade).
  ec2: Ec2RatesSchema.pick({ onDemand: true, spot: true, gp3GbMonth: true, savingsPlans: true }).extend({
    instanceTypes: z.array(InstanceTypeV1Schema),
  }),
});
export type RegionCatalogV1 = z.infer<typeof RegionCatalogV1Schema>;

export const CatalogIndexSchema = z.strictObject({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  catalogId: z.string(),
  createdAt: isoDate,
  note: z.string(),
  regions: z.array(
    z.strictObject({
      region: z.string(),
      location: z.string(),
      file: z.string(),
      fargate: z.strictObject({ x86: z.boolean(), arm: z.boolean(), windows: z.boolean(), spot: z.boolean(), spotArm: z.boolean() }),
      ec2InstanceTypes: z.number().int().nonnegative(),
      /** Schema 2: how many of the network and log rates the region has (of networkRateKinds). */
      networkRates: z.number().int().nonnegative().optional(),
      sources: z.array(z.strictObject({ name: z.string(), asOf: isoDate })),
      bytes: z.number().int().nonnegative(),
      gzipBytes: z.number().int().nonnegative(),
    }),
  ),
});
export type CatalogIndex = z.infer<typeof CatalogIndexSchema>;

/** Top-level list of the bundled snapshots; the newest is the default. */
export const CatalogListSchema = z.strictObject({
  schemaVersion: z.literal(1),
  newest: z.string(),
  catalogs: z.array(z.strictObject({ id: z.string(), createdAt: isoDate, note: z.string() })).min(1),
});
export type CatalogList = z.infer<typeof CatalogListSchema>;

export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === "object" && value !== null && (value as { available?: unknown }).available === false;
}

export class CatalogFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(
      `Price catalog file ${file} is invalid:\n` +
        problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`).join("\n") +
        (problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ""),
    );
    this.name = "CatalogFileError";
  }
}
