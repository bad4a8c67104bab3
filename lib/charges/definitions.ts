/**
 * Each AWS charge the estimator bills, defined once (docs/billing-rules.md#charges).
 *
 * A definition is data: what the charge is on an estimate line (component and category), which AWS service bills it
 * and how a FOCUS export shows it, the catalog rates it is priced from (with the Price List filter `prices:refresh`
 * reads and the feed key `prices:build` reads), the first snapshot that has them, how its quantity follows from the
 * input, when it is unavailable, where docs/billing-rules.md explains it, and how a row of a real AWS bill is
 * recognised as the same charge (lib/actual). The catalog schema and summary, the refresh, the engine's lines, the
 * /catalog page, the price-book discounts, the FOCUS export and the bill comparison all read these, so adding a
 * charge is one entry here plus its quantity rule.
 *
 * The same AWS usage bought another way (Spot, a Savings Plan, a Reserved Instance) is its own definition where the
 * bill or FOCUS tells it apart; `measuredAs` names the usage charge a bill row of it is counted against.
 *
 * This module imports only the ids (./ids): the contract (lib/schemas), the catalog, the engine and everything above
 * read it.
 */

import type { ChargeId, LineCategory, LineComponent } from "./ids";

/** AWS service codes (the Price List's ServiceCode, a bill's line_item_product_code / x_ServiceCode). */
export type AwsServiceCode = "AmazonECS" | "AmazonEC2" | "AWSELB" | "AmazonVPC" | "AmazonCloudWatch" | "AmazonEKS" | "AWSDataTransfer";

/** The price-book category a line's discount is looked up under (docs/billing-rules.md#private-pricing-discounts). */
export type DiscountCategory = "compute" | "spot" | "storage" | Exclude<LineCategory, "discount">;

/** FOCUS 1.2 columns that follow from the charge alone (docs/focus-export.md). */
export interface FocusMapping {
  ServiceName: string;
  ServiceCategory: string;
  ServiceSubcategory: string;
  ResourceType: string;
  ChargeCategory: "Usage" | "Credit";
  ChargeFrequency: "Usage-Based" | "Recurring";
  PricingCategory: "Standard" | "Dynamic" | "Committed" | null;
  CommitmentDiscountCategory: "Spend" | "Usage" | null;
  CommitmentDiscountType: string | null;
  /** The unit a rate of the charge is quoted in (the line's own unit is the consumed unit). */
  PricingUnit: string;
}

/** A catalog rate the charge is priced from: its path in a region file, its unit and what it is. */
export interface RateKey {
  /** Path in a region file ("network.albHour", "fargate.linuxX86.vcpuHour", "ec2.instanceTypes[].onDemandUSD"). */
  path: string;
  unit: string;
  label: string;
  /**
   * What the slot holds when it is not one rate (or an unavailable reason): the free allowance and priced tiers
   * (data transfer out), or a per-type fee rule (a share of On-Demand where AWS publishes no fee).
   */
  kind?: "tiers" | "fee-rule";
  /**
   * The usage type (after the billing-code prefix) AWS bills the rate under, where no Price List filter names it
   * (Fargate Spot has no Price List SKU: its usage types are the Cost and Usage Report's).
   */
  usageType?: string;
}

/** How `prices:refresh` finds the rate in the AWS Price List (GetProducts): docs/price-catalog.md#price-list-item-format. */
export interface PriceListFilter {
  serviceCode: AwsServiceCode;
  /** The item's productFamily, where the usage type alone is ambiguous (ALB and NLB share usage types). */
  productFamily?: string;
  /** Usage type after the billing-code prefix ("<instanceType>" where the type goes). */
  usageType: string;
  /** Other product attributes the item must have. */
  attributes?: Readonly<Record<string, string>>;
}

/** How `prices:build` reads the rate from AWS's bundled 2025 feeds (data/sources/feeds-2025): the file and the key. */
export interface FeedKey {
  file: string;
  key: string;
  /** The feed's items carry no usage type: the rate keeps the feed key as its label instead. */
  withoutUsageType?: true;
  /** The feed quotes per this many of the catalog's units (throughput per GiBps = 1,024 MiBps). */
  perUnits?: number;
}

/** How a row of a real AWS bill (CUR 2.0, FOCUS) is recognised as this charge (lib/actual). */
export interface BillRecognition {
  /** Service codes the row may carry. */
  serviceCodes: ReadonlyArray<string>;
  /** Usage type after the billing-code prefix. */
  usage: RegExp;
  /** Operation, where the usage type alone is ambiguous. */
  operation?: RegExp;
  /** Whose the charge is on the bill: one service's (its tasks, its logs) or the whole estimate's. */
  scope: "service" | "shared";
  /** The usage unit of the quantity on both sides. */
  unit: string;
  /**
   * The variance report's sentence in two parts, "{did} against {against}": `{who}` the service, `{a}` the actual
   * and `{e}` the estimated quantity ("NAT processed {a} GB" / "{e} GB estimated").
   */
  says: { did: string; against: string };
}

/** The groups of the rest of the bill the catalog page and summary show, with the words for their rates. */
export const CATALOG_GROUPS = {
  loadBalancers: { title: "Load balancers (ALB, NLB)", rates: "Load balancer rates" },
  natGateway: { title: "NAT gateway", rates: "NAT gateway rates" },
  publicIpv4: { title: "Public IPv4", rates: "Public IPv4 rates" },
  vpcEndpoints: { title: "VPC endpoints", rates: "VPC endpoint rates" },
  logs: { title: "CloudWatch Logs", rates: "CloudWatch Logs rates" },
  dataTransfer: { title: "Data transfer out, inter-AZ", rates: "Data transfer rates" },
  gp3: { title: "EBS gp3", rates: "EBS gp3 rates" },
} as const;
export type CatalogGroup = keyof typeof CATALOG_GROUPS;

export interface ChargeDefinition {
  id: ChargeId;
  /** Short human name: "NAT gateway data processed". */
  name: string;
  line: { component: LineComponent; category?: LineCategory };
  /** The AWS service that bills it; null for a price book's discount, which no AWS service bills. */
  awsService: AwsServiceCode | null;
  focus: FocusMapping;
  discountCategory: DiscountCategory | null;
  /** The group of the rest of the bill it belongs to on the catalog page (none for compute). */
  catalogGroup?: CatalogGroup;
  rates: ReadonlyArray<RateKey>;
  priceList: ReadonlyArray<PriceListFilter>;
  feed: ReadonlyArray<FeedKey>;
  /** The first bundled snapshot with the charge's rates (older snapshots make it unavailable, saying so). */
  firstSnapshot: string;
  /** How the quantity follows from the input. */
  quantity: string;
  /** When the charge cannot be priced, and why. */
  unavailable: string;
  /** Anchor in docs/billing-rules.md. */
  docs: string;
  /** How a bill row is recognised; absent when the charge is measured as another one (measuredAs). */
  bill?: BillRecognition;
  /** The usage charge a bill row of this one counts against (a Savings Plan covers Fargate usage, ...). */
  measuredAs?: ChargeId;
}

const ECS_SERVICE = { ServiceName: "Amazon Elastic Container Service", ServiceCategory: "Compute", ServiceSubcategory: "Containers" } as const;
const EC2_SERVICE = { ServiceName: "Amazon Elastic Compute Cloud", ServiceCategory: "Compute", ServiceSubcategory: "Virtual Machines" } as const;
const EKS_SERVICE = { ServiceName: "Amazon Elastic Kubernetes Service", ServiceCategory: "Compute", ServiceSubcategory: "Containers" } as const;
const EBS_SERVICE = { ServiceName: "Amazon Elastic Block Store", ServiceCategory: "Storage", ServiceSubcategory: "Disk" } as const;
const VPC_SERVICE = { ServiceName: "Amazon Virtual Private Cloud", ServiceCategory: "Networking", ServiceSubcategory: "Other (Networking)" } as const;
const TRANSFER_SERVICE = { ServiceName: "AWS Data Transfer", ServiceCategory: "Networking", ServiceSubcategory: "Data Transfer", ResourceType: "Data transfer" } as const;
const LOGS_SERVICE = { ServiceName: "Amazon CloudWatch", ServiceCategory: "Management and Governance", ServiceSubcategory: "Observability", ResourceType: "CloudWatch Logs log group" } as const;

const ON_DEMAND = { ChargeCategory: "Usage", ChargeFrequency: "Usage-Based", PricingCategory: "Standard", CommitmentDiscountCategory: null, CommitmentDiscountType: null } as const;
const SPOT = { ChargeCategory: "Usage", ChargeFrequency: "Usage-Based", PricingCategory: "Dynamic", CommitmentDiscountCategory: null, CommitmentDiscountType: null } as const;
const COMPUTE_SAVINGS_PLAN = { ChargeCategory: "Usage", ChargeFrequency: "Usage-Based", PricingCategory: "Committed", CommitmentDiscountCategory: "Spend", CommitmentDiscountType: "Compute Savings Plan" } as const;
const EC2_SAVINGS_PLAN = { ChargeCategory: "Usage", ChargeFrequency: "Usage-Based", PricingCategory: "Committed", CommitmentDiscountCategory: "Spend", CommitmentDiscountType: "Savings Plan" } as const;
// A Reserved Instance is paid for every hour of its term whether it runs or not.
const RESERVED = { ChargeCategory: "Usage", ChargeFrequency: "Recurring", PricingCategory: "Committed", CommitmentDiscountCategory: "Usage", CommitmentDiscountType: "Reserved Instance" } as const;

const ECS = ["AmazonECS"];
const EC2 = ["AmazonEC2"];
const ELB = ["AWSELB"];
const VPC = ["AmazonVPC", "AmazonEC2"];
const LOGS = ["AmazonCloudWatch", "AWSCloudWatch"];
// Data transfer rows carry the service that moved the bytes (AmazonEC2, AWSELB, ...) or AWSDataTransfer.
const TRANSFER = ["AWSDataTransfer", "AmazonEC2", "AWSELB", "AmazonECS", "AmazonVPC", "AmazonEKS"];
const INSTANCE_TYPE = "[a-z0-9][a-z0-9-]*\\.[a-z0-9-]+";

const ECS_FEED = "feeds-2025/aws-price/ecs.json";
const EBS_FEED = "feeds-2025/ec2-shop/ebs/ebs.json";
const ELB_FEED = "feeds-2025/aws-price-watcher/raw/elb.json";
const NAT_FEED = "feeds-2025/aws-price/natgateway.json";
const VPC_FEED = "feeds-2025/aws-price/vpc.json";
const CLOUDWATCH_FEED = "feeds-2025/aws-price/cloudwatch.json";
const FIRST = "2026-11-26";
const SCHEMA_2 = "2026-12-01";

/**
 * Every charge. A bill row is the first charge whose service code, usage type and operation match (the usage-type
 * patterns are anchored, so no two charges share a row).
 */
export const CHARGES = [
  // ------------------------------------------------------------------ Fargate (docs/billing-rules.md#fargate-task-sizes)
  {
    id: "fargate-spot-vcpu",
    name: "Fargate Spot vCPU",
    line: { component: "vcpu" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...SPOT, PricingUnit: "vCPU-hour" },
    discountCategory: "spot",
    rates: [
      { path: "fargate.spotX86.vcpuHour", unit: "vCPU-hour", label: "Fargate Spot vCPU, Linux x86", usageType: "SpotUsage-Fargate-vCPU-Hours:perCPU" },
      { path: "fargate.spotArm.vcpuHour", unit: "vCPU-hour", label: "Fargate Spot vCPU, Linux ARM", usageType: "SpotUsage-Fargate-ARM-vCPU-Hours:perCPU" },
    ],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "billed vCPU per task x task-hours run on Spot",
    unavailable: "where AWS publishes no Fargate Spot price for the region or architecture (Spot is not in the Price List)",
    docs: "fargate-spot",
    bill: { serviceCodes: ECS, usage: /^SpotUsage-Fargate-(ARM-)?vCPU-Hours:perCPU$/, scope: "service", unit: "vCPU-hours", says: { did: "{who} ran {a} Fargate Spot vCPU-hours", against: "{e} estimated" } },
  },
  {
    id: "fargate-spot-memory",
    name: "Fargate Spot memory",
    line: { component: "memory" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...SPOT, PricingUnit: "GB-hour" },
    discountCategory: "spot",
    rates: [
      { path: "fargate.spotX86.gbHour", unit: "GB-hour", label: "Fargate Spot memory, Linux x86", usageType: "SpotUsage-Fargate-GB-Hours" },
      { path: "fargate.spotArm.gbHour", unit: "GB-hour", label: "Fargate Spot memory, Linux ARM", usageType: "SpotUsage-Fargate-ARM-GB-Hours" },
    ],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "billed GB per task x task-hours run on Spot",
    unavailable: "where AWS publishes no Fargate Spot price for the region or architecture",
    docs: "fargate-spot",
    bill: { serviceCodes: ECS, usage: /^SpotUsage-Fargate-(ARM-)?GB-Hours$/, scope: "service", unit: "GB-hours", says: { did: "{who} ran {a} Fargate Spot GB-hours", against: "{e} estimated" } },
  },
  {
    id: "fargate-vcpu",
    name: "Fargate vCPU",
    line: { component: "vcpu" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...ON_DEMAND, PricingUnit: "vCPU-hour" },
    discountCategory: "compute",
    rates: [
      { path: "fargate.linuxX86.vcpuHour", unit: "vCPU-hour", label: "Fargate vCPU, Linux x86" },
      { path: "fargate.linuxArm.vcpuHour", unit: "vCPU-hour", label: "Fargate vCPU, Linux ARM" },
      { path: "fargate.windowsX86.vcpuHour", unit: "vCPU-hour", label: "Fargate vCPU, Windows" },
    ],
    priceList: [
      { serviceCode: "AmazonECS", usageType: "Fargate-vCPU-Hours:perCPU" },
      { serviceCode: "AmazonECS", usageType: "Fargate-ARM-vCPU-Hours:perCPU" },
      { serviceCode: "AmazonECS", usageType: "Fargate-Windows-vCPU-Hours:perCPU" },
    ],
    feed: [
      { file: ECS_FEED, key: "perCPU per hour" },
      { file: ECS_FEED, key: "ARM perCPU per hour" },
      { file: ECS_FEED, key: "perCPU per hour Windows" },
    ],
    firstSnapshot: FIRST,
    quantity: "billed vCPU per task (the valid size at or above the request) x task-hours, each task billed at least one minute",
    unavailable: "ARM or Windows where AWS does not offer them in the region",
    docs: "fargate-task-sizes",
    bill: { serviceCodes: ECS, usage: /^Fargate-(ARM-|Windows-)?vCPU-Hours:perCPU$/, scope: "service", unit: "vCPU-hours", says: { did: "{who} ran {a} Fargate vCPU-hours", against: "{e} estimated" } },
  },
  {
    id: "fargate-memory",
    name: "Fargate memory",
    line: { component: "memory" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...ON_DEMAND, PricingUnit: "GB-hour" },
    discountCategory: "compute",
    rates: [
      { path: "fargate.linuxX86.gbHour", unit: "GB-hour", label: "Fargate memory, Linux x86" },
      { path: "fargate.linuxArm.gbHour", unit: "GB-hour", label: "Fargate memory, Linux ARM" },
      { path: "fargate.windowsX86.gbHour", unit: "GB-hour", label: "Fargate memory, Windows" },
    ],
    priceList: [
      { serviceCode: "AmazonECS", usageType: "Fargate-GB-Hours" },
      { serviceCode: "AmazonECS", usageType: "Fargate-ARM-GB-Hours" },
      { serviceCode: "AmazonECS", usageType: "Fargate-Windows-GB-Hours" },
    ],
    feed: [
      { file: ECS_FEED, key: "perGB per hour" },
      { file: ECS_FEED, key: "ARM perGB per hour" },
      { file: ECS_FEED, key: "perGB per hour Windows" },
    ],
    firstSnapshot: FIRST,
    quantity: "billed GB per task x task-hours",
    unavailable: "ARM or Windows where AWS does not offer them in the region",
    docs: "fargate-task-sizes",
    bill: { serviceCodes: ECS, usage: /^Fargate-(ARM-|Windows-)?GB-Hours$/, scope: "service", unit: "GB-hours", says: { did: "{who} ran {a} Fargate GB-hours", against: "{e} estimated" } },
  },
  {
    id: "fargate-savings-plan-vcpu",
    name: "Fargate vCPU under a Compute Savings Plan",
    line: { component: "vcpu" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...COMPUTE_SAVINGS_PLAN, PricingUnit: "vCPU-hour" },
    discountCategory: "compute",
    rates: [
      { path: "fargate.savingsPlans.compute-1y.x86.vcpuHour", unit: "vCPU-hour", label: "Fargate vCPU, Compute Savings Plan 1 year, x86" },
      { path: "fargate.savingsPlans.compute-1y.arm.vcpuHour", unit: "vCPU-hour", label: "Fargate vCPU, Compute Savings Plan 1 year, ARM" },
      { path: "fargate.savingsPlans.compute-3y.x86.vcpuHour", unit: "vCPU-hour", label: "Fargate vCPU, Compute Savings Plan 3 years, x86" },
      { path: "fargate.savingsPlans.compute-3y.arm.vcpuHour", unit: "vCPU-hour", label: "Fargate vCPU, Compute Savings Plan 3 years, ARM" },
    ],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "as Fargate vCPU, at the Savings Plan's effective rate",
    unavailable: "where the snapshot has no Compute Savings Plan rate for the region or architecture",
    docs: "savings-plans",
    measuredAs: "fargate-vcpu",
  },
  {
    id: "fargate-savings-plan-memory",
    name: "Fargate memory under a Compute Savings Plan",
    line: { component: "memory" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...COMPUTE_SAVINGS_PLAN, PricingUnit: "GB-hour" },
    discountCategory: "compute",
    rates: [
      { path: "fargate.savingsPlans.compute-1y.x86.gbHour", unit: "GB-hour", label: "Fargate memory, Compute Savings Plan 1 year, x86" },
      { path: "fargate.savingsPlans.compute-1y.arm.gbHour", unit: "GB-hour", label: "Fargate memory, Compute Savings Plan 1 year, ARM" },
      { path: "fargate.savingsPlans.compute-3y.x86.gbHour", unit: "GB-hour", label: "Fargate memory, Compute Savings Plan 3 years, x86" },
      { path: "fargate.savingsPlans.compute-3y.arm.gbHour", unit: "GB-hour", label: "Fargate memory, Compute Savings Plan 3 years, ARM" },
    ],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "as Fargate memory, at the Savings Plan's effective rate",
    unavailable: "where the snapshot has no Compute Savings Plan rate for the region or architecture",
    docs: "savings-plans",
    measuredAs: "fargate-memory",
  },
  {
    id: "fargate-storage",
    name: "Fargate ephemeral storage",
    line: { component: "storage" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...ON_DEMAND, PricingUnit: "GB-hour" },
    discountCategory: "storage",
    rates: [{ path: "fargate.ephemeralStorageGbHour", unit: "GB-hour", label: "Fargate ephemeral storage above 20 GiB" }],
    priceList: [{ serviceCode: "AmazonECS", usageType: "Fargate-EphemeralStorage-GB-Hours" }],
    feed: [{ file: ECS_FEED, key: "Storage per GB-Hours" }],
    firstSnapshot: FIRST,
    quantity: "GiB configured above the 20 GiB every task gets x task-hours (never discounted by Spot or Savings Plans)",
    unavailable: "where the region has no ephemeral storage rate",
    docs: "ephemeral-storage",
    bill: { serviceCodes: ECS, usage: /^Fargate-EphemeralStorage-GB-Hours$/, scope: "service", unit: "GB-hours", says: { did: "{who} used {a} GB-hours of extra ephemeral storage", against: "{e} estimated" } },
  },
  {
    id: "fargate-windows-license",
    name: "Fargate Windows OS licence",
    line: { component: "os-license" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "Fargate task", ...ON_DEMAND, PricingUnit: "vCPU-hour" },
    discountCategory: "compute",
    rates: [{ path: "fargate.windowsX86.osLicenseVcpuHour", unit: "vCPU-hour", label: "Fargate Windows OS licence" }],
    priceList: [{ serviceCode: "AmazonECS", usageType: "Fargate-Windows-OS-Hours:perCPU" }],
    feed: [{ file: ECS_FEED, key: "perCPU OS License Fee per hour Windows" }],
    firstSnapshot: FIRST,
    quantity: "billed vCPU per task x task-hours, each task billed at least 15 minutes",
    unavailable: "where Windows containers on Fargate are not offered",
    docs: "windows-on-fargate",
    bill: { serviceCodes: ECS, usage: /^Fargate-Windows-OS-Hours:perCPU$/, scope: "service", unit: "vCPU-hours", says: { did: "{who} paid {a} Windows licence vCPU-hours", against: "{e} estimated" } },
  },
  // ------------------------------------------------------------------ management fees (before EC2: their usage types name a type too)
  {
    id: "ecs-managed-instances-fee",
    name: "ECS Managed Instances fee",
    line: { component: "other" },
    awsService: "AmazonECS",
    focus: { ...ECS_SERVICE, ResourceType: "ECS Managed Instances instance", ...ON_DEMAND, PricingUnit: "instance-hour" },
    discountCategory: "compute",
    rates: [
      { path: "ec2.instanceTypes[].managedFeeUSD", unit: "instance-hour", label: "AWS's published fee per type" },
      { path: "ec2.managedInstances", unit: "fraction of On-Demand", label: "the fee rule for types without a published fee", kind: "fee-rule" },
    ],
    priceList: [{ serviceCode: "AmazonECS", usageType: "ECS-Managed-Instances:<instanceType>-management-hours", attributes: { operation: "ECSManagedInstancesUsage" } }],
    feed: [],
    firstSnapshot: SCHEMA_2,
    quantity: "running instance-hours of the fleet",
    unavailable: "in snapshots before 2026-12-01 and where ECS Managed Instances is not offered",
    docs: "ecs-managed-instances",
    bill: { serviceCodes: ECS, usage: new RegExp(`^ECS-?Managed-?Instances?:${INSTANCE_TYPE}(-management-hours)?$`, "i"), scope: "shared", unit: "instance-hours", says: { did: "Managed Instances ran {a} instance-hours", against: "{e} estimated" } },
  },
  {
    id: "eks-auto-mode-fee",
    name: "EKS Auto Mode fee",
    line: { component: "other" },
    awsService: "AmazonEKS",
    focus: { ...EKS_SERVICE, ResourceType: "EKS Auto Mode node", ...ON_DEMAND, PricingUnit: "instance-hour" },
    discountCategory: "compute",
    rates: [
      { path: "ec2.instanceTypes[].autoModeFeeUSD", unit: "instance-hour", label: "AWS's published fee per type" },
      { path: "eks.autoMode", unit: "fraction of On-Demand", label: "the fee rule for types without a published fee", kind: "fee-rule" },
    ],
    priceList: [{ serviceCode: "AmazonEKS", usageType: "AmazonEKS-AutoMode:<instanceType>", attributes: { eksproducttype: "AutoMode", operation: "EKSAutoUsage" } }],
    feed: [],
    firstSnapshot: SCHEMA_2,
    quantity: "running instance-hours of the Auto Mode nodes",
    unavailable: "in snapshots without EKS rates",
    docs: "eks-auto-mode",
    bill: { serviceCodes: ["AmazonEKS"], usage: new RegExp(`^AmazonEKS-AutoMode:${INSTANCE_TYPE}$`), scope: "shared", unit: "instance-hours", says: { did: "EKS Auto Mode managed {a} instance-hours", against: "{e} estimated" } },
  },
  {
    id: "eks-cluster",
    name: "EKS control plane",
    line: { component: "other", category: "control-plane" },
    awsService: "AmazonEKS",
    focus: { ...EKS_SERVICE, ResourceType: "EKS cluster", ...ON_DEMAND, PricingUnit: "cluster-hour" },
    discountCategory: "control-plane",
    rates: [
      { path: "eks.clusterHourStandard", unit: "cluster-hour", label: "EKS cluster, standard support" },
      { path: "eks.clusterHourExtended", unit: "cluster-hour", label: "EKS cluster, extended support" },
    ],
    priceList: [
      { serviceCode: "AmazonEKS", usageType: "AmazonEKS-Hours:perCluster" },
      { serviceCode: "AmazonEKS", usageType: "AmazonEKS-Hours:perClusterExtended" },
    ],
    feed: [],
    firstSnapshot: SCHEMA_2,
    quantity: "eks.clusters x 730 hours",
    unavailable: "in snapshots without EKS rates",
    docs: "eks-cluster-fee",
    bill: { serviceCodes: ["AmazonEKS"], usage: /^AmazonEKS-Hours:perCluster(Extended)?$/, scope: "shared", unit: "cluster-hours", says: { did: "EKS clusters ran {a} cluster-hours", against: "{e} estimated" } },
  },
  // ------------------------------------------------------------------ EC2 (docs/billing-rules.md#ec2-purchase-options)
  {
    id: "ec2-spot-instance",
    name: "EC2 Spot instances",
    line: { component: "instance" },
    awsService: "AmazonEC2",
    focus: { ...EC2_SERVICE, ResourceType: "EC2 instance", ...SPOT, PricingUnit: "instance-hour" },
    discountCategory: "spot",
    rates: [{ path: "ec2.instanceTypes[].spotAvgUSD", unit: "instance-hour", label: "average Spot price per type" }],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "instance-hours of the fleet the search chooses",
    unavailable: "where the snapshot has no Spot price for the region (Spot is not in the Price List)",
    docs: "ec2-purchase-options",
    bill: { serviceCodes: EC2, usage: new RegExp(`^SpotUsage:${INSTANCE_TYPE}$`), scope: "shared", unit: "instance-hours", says: { did: "EC2 Spot instances ran {a} instance-hours", against: "{e} estimated" } },
  },
  {
    id: "ec2-instance",
    name: "EC2 instances",
    line: { component: "instance" },
    awsService: "AmazonEC2",
    focus: { ...EC2_SERVICE, ResourceType: "EC2 instance", ...ON_DEMAND, PricingUnit: "instance-hour" },
    discountCategory: "compute",
    rates: [{ path: "ec2.instanceTypes[].onDemandUSD", unit: "instance-hour", label: "On-Demand Linux price per type" }],
    priceList: [{ serviceCode: "AmazonEC2", usageType: "BoxUsage:<instanceType>", attributes: { operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "NA", capacitystatus: "Used" } }],
    feed: [{ file: "feeds-2025/aws-price/ec2-transformed.json", key: "BoxUsage:<instanceType>" }],
    firstSnapshot: FIRST,
    quantity: "instance-hours of the fleet the search chooses (each service's tasks packed by CPU, registered memory and ENIs)",
    unavailable: "where no allowed type is priced or large enough",
    docs: "ec2-purchase-options",
    bill: { serviceCodes: EC2, usage: new RegExp(`^(BoxUsage|HeavyUsage|DedicatedUsage):${INSTANCE_TYPE}$`), scope: "shared", unit: "instance-hours", says: { did: "EC2 instances ran {a} instance-hours", against: "{e} estimated" } },
  },
  {
    id: "ec2-reserved-instance",
    name: "EC2 Reserved Instance",
    line: { component: "instance" },
    awsService: "AmazonEC2",
    focus: { ...EC2_SERVICE, ResourceType: "EC2 instance", ...RESERVED, PricingUnit: "instance-hour" },
    discountCategory: "compute",
    rates: [
      { path: "ec2.instanceTypes[].reserved1yUSD", unit: "instance-hour", label: "Standard Reserved Instance, 1 year, No Upfront" },
      { path: "ec2.instanceTypes[].reserved3yUSD", unit: "instance-hour", label: "Standard Reserved Instance, 3 years, No Upfront" },
    ],
    priceList: [{ serviceCode: "AmazonEC2", usageType: "BoxUsage:<instanceType>", attributes: { termType: "Reserved", OfferingClass: "standard", PurchaseOption: "No Upfront" } }],
    feed: [{ file: "feeds-2025/ec2-shop/reserved/<region>-reservedinstance-<term>.json", key: "BoxUsage:<instanceType>" }],
    firstSnapshot: SCHEMA_2,
    quantity: "instances x 730 hours: a reservation is paid for every hour of its term",
    unavailable: "in snapshot 2026-11-26 and where no Reserved Instance rate is published for the type",
    docs: "reserved-running-hours",
    measuredAs: "ec2-instance",
  },
  {
    id: "ec2-savings-plan-instance",
    name: "EC2 instance under an EC2 Instance Savings Plan",
    line: { component: "instance" },
    awsService: "AmazonEC2",
    focus: { ...EC2_SERVICE, ResourceType: "EC2 instance", ...EC2_SAVINGS_PLAN, PricingUnit: "instance-hour" },
    discountCategory: "compute",
    rates: [
      { path: "ec2.savingsPlans.savings-plan-1y", unit: "fraction of On-Demand", label: "EC2 Savings Plan 1 year" },
      { path: "ec2.savingsPlans.savings-plan-3y", unit: "fraction of On-Demand", label: "EC2 Savings Plan 3 years" },
    ],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "instance-hours of the fleet, at the plan's discount off On-Demand",
    unavailable: "where the snapshot has no EC2 Savings Plans rates (the bundled sources have none)",
    docs: "ec2-purchase-options",
    measuredAs: "ec2-instance",
  },
  {
    id: "ec2-cpu-credits",
    name: "EC2 CPU surplus credits",
    line: { component: "other" },
    awsService: "AmazonEC2",
    focus: { ...EC2_SERVICE, ResourceType: "EC2 CPU credits", ...ON_DEMAND, PricingUnit: "vCPU-hour" },
    discountCategory: "compute",
    rates: [{ path: "(lib/engine/rules.ts BURSTABLE_SURPLUS_CREDIT_RATES)", unit: "vCPU-hour", label: "T2/T3/T4g unlimited-mode surplus credits" }],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "worst case: the CPU tasks reserve above the type's baseline x hours x vCPU",
    unavailable: "never: the documented rate is the same in every region",
    docs: "burstable-instances",
    bill: { serviceCodes: EC2, usage: /^CPUCredits:[a-z0-9]+$/, scope: "shared", unit: "vCPU-hours", says: { did: "Burstable instances used {a} surplus vCPU-hours", against: "{e} estimated" } },
  },
  {
    id: "ebs-volume",
    name: "EBS volumes",
    line: { component: "ebs" },
    awsService: "AmazonEC2",
    focus: { ...EBS_SERVICE, ResourceType: "EBS gp3 volume", ...ON_DEMAND, PricingUnit: "GB-month" },
    discountCategory: "storage",
    catalogGroup: "gp3",
    rates: [{ path: "ec2.gp3GbMonth", unit: "GB-month", label: "gp3 storage" }],
    priceList: [{ serviceCode: "AmazonEC2", productFamily: "Storage", usageType: "EBS:VolumeUsage.gp3" }],
    feed: [{ file: EBS_FEED, key: "Storage General Purpose gp3 GB Mo" }],
    firstSnapshot: FIRST,
    quantity: "volume GiB x running instance-hours / 730",
    unavailable: "where the region has no gp3 price",
    docs: "gp3-root-volume",
    bill: { serviceCodes: EC2, usage: /^EBS:VolumeUsage(\.[a-z0-9]+)?$/, scope: "shared", unit: "GB-months", says: { did: "EBS volumes held {a} GB-months", against: "{e} estimated" } },
  },
  {
    id: "ebs-gp3-iops",
    name: "EBS gp3 provisioned IOPS",
    line: { component: "ebs" },
    awsService: "AmazonEC2",
    focus: { ...EBS_SERVICE, ResourceType: "EBS gp3 volume", ...ON_DEMAND, PricingUnit: "IOPS-month" },
    discountCategory: "storage",
    catalogGroup: "gp3",
    rates: [{ path: "ec2.gp3IopsMonth", unit: "IOPS-month", label: "gp3 IOPS above the 3,000 included" }],
    priceList: [{ serviceCode: "AmazonEC2", productFamily: "System Operation", usageType: "EBS:VolumeP-IOPS.gp3" }],
    feed: [{ file: EBS_FEED, key: "Provisioned EBS IOPS gp3 Volumes per IOPS Mo" }],
    firstSnapshot: SCHEMA_2,
    quantity: "(ec2.gp3Iops - 3,000) x running instance-hours / 730 per volume",
    unavailable: "where the EBS feed has no gp3 IOPS price for the region, and in snapshot 2026-11-26",
    docs: "gp3-iops-throughput",
    bill: { serviceCodes: EC2, usage: /^EBS:VolumeP-IOPS\.gp3$/, scope: "shared", unit: "IOPS-months", says: { did: "gp3 volumes provisioned {a} IOPS-months above the included 3,000", against: "{e} estimated" } },
  },
  {
    id: "ebs-gp3-throughput",
    name: "EBS gp3 provisioned throughput",
    line: { component: "ebs" },
    awsService: "AmazonEC2",
    focus: { ...EBS_SERVICE, ResourceType: "EBS gp3 volume", ...ON_DEMAND, PricingUnit: "MiBps-month" },
    discountCategory: "storage",
    catalogGroup: "gp3",
    rates: [{ path: "ec2.gp3ThroughputMiBpsMonth", unit: "MiBps-month", label: "gp3 throughput above the 125 MiB/s included" }],
    priceList: [{ serviceCode: "AmazonEC2", productFamily: "Provisioned Throughput", usageType: "EBS:VolumeP-Throughput.gp3" }],
    feed: [{ file: EBS_FEED, key: "Provisioned Throughput gp3 per GiBps mo", perUnits: 1024 }],
    firstSnapshot: SCHEMA_2,
    quantity: "(ec2.gp3ThroughputMiBps - 125) x running instance-hours / 730 per volume",
    unavailable: "where the EBS feed has no gp3 throughput price for the region, and in snapshot 2026-11-26",
    docs: "gp3-iops-throughput",
    bill: { serviceCodes: EC2, usage: /^EBS:VolumeP-Throughput\.gp3$/, scope: "shared", unit: "GiBps-months", says: { did: "gp3 volumes provisioned {a} GiBps-months of throughput above the included 125 MiB/s", against: "{e} estimated" } },
  },
  // ------------------------------------------------------------------ the rest of the bill (docs/billing-rules.md#network-lines)
  {
    id: "alb-hours",
    name: "Application Load Balancer hours",
    line: { component: "other", category: "load-balancer" },
    awsService: "AWSELB",
    focus: { ServiceName: "Elastic Load Balancing", ServiceCategory: "Networking", ServiceSubcategory: "Load Balancing", ResourceType: "Application Load Balancer", ...ON_DEMAND, PricingUnit: "hour" },
    discountCategory: "load-balancer",
    catalogGroup: "loadBalancers",
    rates: [{ path: "network.albHour", unit: "hour", label: "Application Load Balancer" }],
    priceList: [{ serviceCode: "AWSELB", productFamily: "Load Balancer-Application", usageType: "LoadBalancerUsage" }],
    feed: [{ file: ELB_FEED, key: "Application Load Balancer Hours" }],
    firstSnapshot: SCHEMA_2,
    quantity: "count x 730",
    unavailable: "where the ELB feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "load-balancers",
    bill: { serviceCodes: ELB, usage: /^LoadBalancerUsage$/, operation: /^LoadBalancing:Application$/, scope: "shared", unit: "load-balancer-hours", says: { did: "Application Load Balancers ran {a} hours", against: "{e} estimated" } },
  },
  {
    id: "alb-lcu",
    name: "Application Load Balancer LCUs",
    line: { component: "other", category: "load-balancer" },
    awsService: "AWSELB",
    focus: { ServiceName: "Elastic Load Balancing", ServiceCategory: "Networking", ServiceSubcategory: "Load Balancing", ResourceType: "Application Load Balancer", ...ON_DEMAND, PricingUnit: "LCU-hour" },
    discountCategory: "load-balancer",
    catalogGroup: "loadBalancers",
    rates: [{ path: "network.albLcuHour", unit: "LCU-hour", label: "Application Load Balancer LCU" }],
    priceList: [{ serviceCode: "AWSELB", productFamily: "Load Balancer-Application", usageType: "LCUUsage" }],
    feed: [{ file: ELB_FEED, key: "Application Load Balancer LCU Hours" }],
    firstSnapshot: SCHEMA_2,
    quantity: "count x 730 x LCUs (the largest of new connections, active connections, GB processed, rule evaluations over what one LCU gives)",
    unavailable: "where the ELB feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "load-balancers",
    bill: { serviceCodes: ELB, usage: /^LCUUsage$/, operation: /^LoadBalancing:Application$/, scope: "shared", unit: "LCU-hours", says: { did: "Application Load Balancers used {a} LCU-hours", against: "{e} estimated" } },
  },
  {
    id: "nlb-hours",
    name: "Network Load Balancer hours",
    line: { component: "other", category: "load-balancer" },
    awsService: "AWSELB",
    focus: { ServiceName: "Elastic Load Balancing", ServiceCategory: "Networking", ServiceSubcategory: "Load Balancing", ResourceType: "Network Load Balancer", ...ON_DEMAND, PricingUnit: "hour" },
    discountCategory: "load-balancer",
    catalogGroup: "loadBalancers",
    rates: [{ path: "network.nlbHour", unit: "hour", label: "Network Load Balancer" }],
    priceList: [{ serviceCode: "AWSELB", productFamily: "Load Balancer-Network", usageType: "LoadBalancerUsage" }],
    feed: [{ file: ELB_FEED, key: "Network Load Balancer Hours" }],
    firstSnapshot: SCHEMA_2,
    quantity: "count x 730",
    unavailable: "where the ELB feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "load-balancers",
    bill: { serviceCodes: ELB, usage: /^LoadBalancerUsage$/, operation: /^LoadBalancing:Network$/, scope: "shared", unit: "load-balancer-hours", says: { did: "Network Load Balancers ran {a} hours", against: "{e} estimated" } },
  },
  {
    id: "nlb-lcu",
    name: "Network Load Balancer NLCUs",
    line: { component: "other", category: "load-balancer" },
    awsService: "AWSELB",
    focus: { ServiceName: "Elastic Load Balancing", ServiceCategory: "Networking", ServiceSubcategory: "Load Balancing", ResourceType: "Network Load Balancer", ...ON_DEMAND, PricingUnit: "NLCU-hour" },
    discountCategory: "load-balancer",
    catalogGroup: "loadBalancers",
    rates: [{ path: "network.nlbNlcuHour", unit: "NLCU-hour", label: "Network Load Balancer NLCU" }],
    priceList: [{ serviceCode: "AWSELB", productFamily: "Load Balancer-Network", usageType: "LCUUsage" }],
    feed: [{ file: ELB_FEED, key: "Network Load Balancer LCU Hours" }],
    firstSnapshot: SCHEMA_2,
    quantity: "count x 730 x NLCUs (the largest of new flows, active flows, GB processed over what one NLCU gives)",
    unavailable: "where the ELB feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "load-balancers",
    bill: { serviceCodes: ELB, usage: /^LCUUsage$/, operation: /^LoadBalancing:Network$/, scope: "shared", unit: "NLCU-hours", says: { did: "Network Load Balancers used {a} NLCU-hours", against: "{e} estimated" } },
  },
  {
    id: "nat-hours",
    name: "NAT gateway hours",
    line: { component: "other", category: "nat-gateway" },
    awsService: "AmazonEC2",
    focus: { ...VPC_SERVICE, ResourceType: "NAT gateway", ...ON_DEMAND, PricingUnit: "hour" },
    discountCategory: "nat-gateway",
    catalogGroup: "natGateway",
    rates: [{ path: "network.natGatewayHour", unit: "hour", label: "NAT gateway" }],
    priceList: [{ serviceCode: "AmazonEC2", productFamily: "NAT Gateway", usageType: "NatGateway-Hours" }],
    feed: [{ file: NAT_FEED, key: "Hourly charge for NAT Gateways" }],
    firstSnapshot: SCHEMA_2,
    quantity: "count x 730",
    unavailable: "where the NAT feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "nat-gateways",
    bill: { serviceCodes: EC2, usage: /^NatGateway-Hours$/, scope: "shared", unit: "gateway-hours", says: { did: "NAT gateways ran {a} hours", against: "{e} estimated" } },
  },
  {
    id: "nat-gb",
    name: "NAT gateway data processed",
    line: { component: "other", category: "nat-gateway" },
    awsService: "AmazonEC2",
    focus: { ...VPC_SERVICE, ResourceType: "NAT gateway", ...ON_DEMAND, PricingUnit: "GB" },
    discountCategory: "nat-gateway",
    catalogGroup: "natGateway",
    rates: [{ path: "network.natGatewayGB", unit: "GB", label: "NAT gateway data processed" }],
    priceList: [{ serviceCode: "AmazonEC2", productFamily: "NAT Gateway", usageType: "NatGateway-Bytes" }],
    feed: [{ file: NAT_FEED, key: "Charge for per GB data processed by NatGateways" }],
    firstSnapshot: SCHEMA_2,
    quantity: "network.natGateways.processedGBPerMonth",
    unavailable: "where the NAT feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "nat-gateways",
    bill: { serviceCodes: EC2, usage: /^NatGateway-Bytes$/, scope: "shared", unit: "GB", says: { did: "NAT processed {a} GB", against: "{e} GB estimated" } },
  },
  {
    id: "public-ipv4",
    name: "Public IPv4 addresses",
    line: { component: "other", category: "public-ipv4" },
    awsService: "AmazonVPC",
    focus: { ...VPC_SERVICE, ResourceType: "Public IPv4 address", ...ON_DEMAND, PricingUnit: "address-hour" },
    discountCategory: "public-ipv4",
    catalogGroup: "publicIpv4",
    rates: [{ path: "network.publicIpv4InUseHour", unit: "address-hour", label: "Public IPv4 address in use" }],
    priceList: [{ serviceCode: "AmazonVPC", usageType: "PublicIPv4:InUseAddress" }],
    feed: [{ file: VPC_FEED, key: "Hourly charge for In use Public IPv4 Addresses per Hrs" }],
    firstSnapshot: SCHEMA_2,
    quantity: "one address per task-hour (Fargate) or running instance-hour (EC2) when asked, plus extraAddresses x 730",
    unavailable: "where the VPC feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "public-ipv4",
    bill: { serviceCodes: VPC, usage: /^PublicIPv4:(InUseAddress|IdleAddress)$/, scope: "shared", unit: "address-hours", says: { did: "Public IPv4 addresses were held {a} address-hours", against: "{e} estimated" } },
  },
  {
    id: "vpce-hours",
    name: "Interface VPC endpoint hours",
    line: { component: "other", category: "vpc-endpoint" },
    awsService: "AmazonVPC",
    focus: { ServiceName: "AWS PrivateLink", ServiceCategory: "Networking", ServiceSubcategory: "Other (Networking)", ResourceType: "VPC interface endpoint", ...ON_DEMAND, PricingUnit: "endpoint-AZ-hour" },
    discountCategory: "vpc-endpoint",
    catalogGroup: "vpcEndpoints",
    rates: [{ path: "network.vpcEndpointHour", unit: "endpoint-AZ-hour", label: "Interface VPC endpoint" }],
    priceList: [{ serviceCode: "AmazonVPC", usageType: "VpcEndpoint-Hours" }],
    feed: [{ file: VPC_FEED, key: "Hourly charge for VPC Endpoints per Hrs" }],
    firstSnapshot: SCHEMA_2,
    quantity: "count x AZs x 730",
    unavailable: "where the VPC feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "interface-endpoints",
    bill: { serviceCodes: VPC, usage: /^VpcEndpoint-Hours$/, scope: "shared", unit: "endpoint-AZ-hours", says: { did: "Interface endpoints ran {a} endpoint-AZ-hours", against: "{e} estimated" } },
  },
  {
    id: "vpce-gb",
    name: "Interface VPC endpoint data processed",
    line: { component: "other", category: "vpc-endpoint" },
    awsService: "AmazonVPC",
    focus: { ServiceName: "AWS PrivateLink", ServiceCategory: "Networking", ServiceSubcategory: "Other (Networking)", ResourceType: "VPC interface endpoint", ...ON_DEMAND, PricingUnit: "GB" },
    discountCategory: "vpc-endpoint",
    catalogGroup: "vpcEndpoints",
    rates: [{ path: "network.vpcEndpointGB", unit: "GB", label: "Interface VPC endpoint data processed" }],
    priceList: [{ serviceCode: "AmazonVPC", usageType: "VpcEndpoint-Bytes" }],
    feed: [{ file: VPC_FEED, key: "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576" }],
    firstSnapshot: SCHEMA_2,
    quantity: "network.vpcEndpoints.processedGBPerMonth",
    unavailable: "where the VPC feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "interface-endpoints",
    bill: { serviceCodes: VPC, usage: /^VpcEndpoint-Bytes$/, scope: "shared", unit: "GB", says: { did: "Interface endpoints processed {a} GB", against: "{e} GB estimated" } },
  },
  {
    id: "logs-ingest",
    name: "CloudWatch Logs ingestion",
    line: { component: "other", category: "logs" },
    awsService: "AmazonCloudWatch",
    focus: { ...LOGS_SERVICE, ...ON_DEMAND, PricingUnit: "GB" },
    discountCategory: "logs",
    catalogGroup: "logs",
    rates: [{ path: "network.logsIngestStandardGB", unit: "GB", label: "CloudWatch Logs ingestion (Standard)" }],
    priceList: [{ serviceCode: "AmazonCloudWatch", usageType: "DataProcessing-Bytes" }],
    feed: [{ file: CLOUDWATCH_FEED, key: "Logs Collected Data Ingestion", withoutUsageType: true }],
    firstSnapshot: SCHEMA_2,
    quantity: "the service's logs.ingestedGBPerMonth, less its share of the 5 GB free tier",
    unavailable: "where the CloudWatch feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "logs",
    bill: { serviceCodes: LOGS, usage: /^DataProcessing-Bytes$/, scope: "service", unit: "GB", says: { did: "{who} sent {a} GB of logs", against: "{e} GB estimated" } },
  },
  {
    id: "logs-ingest-ia",
    name: "CloudWatch Logs ingestion (Infrequent Access)",
    line: { component: "other", category: "logs" },
    awsService: "AmazonCloudWatch",
    focus: { ...LOGS_SERVICE, ...ON_DEMAND, PricingUnit: "GB" },
    discountCategory: "logs",
    catalogGroup: "logs",
    rates: [{ path: "network.logsIngestInfrequentAccessGB", unit: "GB", label: "CloudWatch Logs ingestion (Infrequent Access)" }],
    priceList: [{ serviceCode: "AmazonCloudWatch", usageType: "DataProcessingIA-Bytes" }],
    feed: [{ file: CLOUDWATCH_FEED, key: "IA Custom ingested Logs from 0 upto Inf", withoutUsageType: true }],
    firstSnapshot: SCHEMA_2,
    quantity: "the service's logs.ingestedGBPerMonth when its class is Infrequent Access",
    unavailable: "where the CloudWatch feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "logs",
    bill: { serviceCodes: LOGS, usage: /^DataProcessingIA-Bytes$/, scope: "service", unit: "GB", says: { did: "{who} sent {a} GB of logs (Infrequent Access)", against: "{e} GB estimated" } },
  },
  {
    id: "logs-storage",
    name: "CloudWatch Logs storage",
    line: { component: "other", category: "logs" },
    awsService: "AmazonCloudWatch",
    focus: { ...LOGS_SERVICE, ...ON_DEMAND, PricingUnit: "GB-month" },
    discountCategory: "logs",
    catalogGroup: "logs",
    rates: [{ path: "network.logsStorageGBMonth", unit: "GB-month", label: "CloudWatch Logs storage" }],
    priceList: [{ serviceCode: "AmazonCloudWatch", usageType: "TimedStorage-ByteHrs" }],
    feed: [{ file: CLOUDWATCH_FEED, key: "Stored Data", withoutUsageType: true }],
    firstSnapshot: SCHEMA_2,
    quantity: "ingestedGBPerMonth x retentionMonths (steady state), less its share of the 5 GB-months free tier",
    unavailable: "where the CloudWatch feed has no rate for the region, and in snapshot 2026-11-26",
    docs: "logs",
    bill: { serviceCodes: LOGS, usage: /^TimedStorage-ByteHrs$/, scope: "service", unit: "GB-months", says: { did: "{who} stored {a} GB-months of logs", against: "{e} estimated" } },
  },
  {
    id: "egress",
    name: "Data transfer out to the internet",
    line: { component: "other", category: "data-transfer" },
    awsService: "AWSDataTransfer",
    focus: { ...TRANSFER_SERVICE, ...ON_DEMAND, PricingUnit: "GB" },
    discountCategory: "data-transfer",
    catalogGroup: "dataTransfer",
    rates: [{ path: "network.dataTransferOut", unit: "GB", label: "internet egress tiers after the free 100 GB", kind: "tiers" }],
    priceList: [],
    feed: [{ file: "feeds-2025/aws-price-watcher/processed/datatransfer.json", key: "DataTransfer External Outbound <tier>" }],
    firstSnapshot: SCHEMA_2,
    quantity: "network.dataTransferOutGBPerMonth above the free 100 GB, through the tiers",
    unavailable: "where the data-transfer feed has no egress tiers for the region, and in snapshot 2026-11-26",
    docs: "data-transfer",
    bill: { serviceCodes: TRANSFER, usage: /^DataTransfer-Out-Bytes$/, scope: "shared", unit: "GB", says: { did: "{a} GB went out to the internet", against: "{e} GB estimated" } },
  },
  {
    id: "inter-az",
    name: "Data transfer between AZs",
    line: { component: "other", category: "data-transfer" },
    awsService: "AWSDataTransfer",
    focus: { ...TRANSFER_SERVICE, ...ON_DEMAND, PricingUnit: "GB" },
    discountCategory: "data-transfer",
    catalogGroup: "dataTransfer",
    rates: [{ path: "network.interAzGBEachDirection", unit: "GB", label: "inter-AZ GB, each direction" }],
    priceList: [],
    feed: [],
    firstSnapshot: SCHEMA_2,
    quantity: "network.interAzGBPerMonth x 2 (billed out of one AZ and into the other)",
    unavailable: "in snapshot 2026-11-26",
    docs: "data-transfer",
    bill: { serviceCodes: TRANSFER, usage: /^DataTransfer-Regional-Bytes$/, scope: "shared", unit: "GB", says: { did: "{a} GB crossed AZs (billed both ways)", against: "{e} GB estimated" } },
  },
  // ------------------------------------------------------------------ price books (docs/billing-rules.md#private-pricing-discounts)
  {
    id: "discount",
    name: "Negotiated discount",
    line: { component: "other", category: "discount" },
    awsService: null,
    focus: { ServiceName: "Amazon Web Services", ServiceCategory: "Other", ServiceSubcategory: "Other (Other)", ResourceType: "Negotiated discount", ChargeCategory: "Credit", ChargeFrequency: "Usage-Based", PricingCategory: null, CommitmentDiscountCategory: null, CommitmentDiscountType: null, PricingUnit: "USD" },
    discountCategory: null,
    rates: [],
    priceList: [],
    feed: [],
    firstSnapshot: FIRST,
    quantity: "the dollars of the lines the price book's percentage applies to",
    unavailable: "never: it comes from the input's discounts, not from AWS prices",
    docs: "private-pricing-discounts",
  },
] as const satisfies ReadonlyArray<ChargeDefinition>;

// Every id has a definition (a missing one fails to compile here; a duplicate fails tests/unit/charges).
type Undefined = Exclude<ChargeId, (typeof CHARGES)[number]["id"]>;
const everyIdDefined: [Undefined] extends [never] ? true : Undefined = true;
void everyIdDefined;

const BY_ID = new Map<string, ChargeDefinition>(CHARGES.map((c) => [c.id, c]));

export function chargeById(id: ChargeId): ChargeDefinition {
  return BY_ID.get(id) as ChargeDefinition;
}

/** The definition of an id read from outside (an export, a bill); undefined when it is not one of ours. */
export function findCharge(id: string | undefined): ChargeDefinition | undefined {
  return id === undefined ? undefined : BY_ID.get(id);
}
