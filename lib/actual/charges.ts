/**
 * The charge-recognition table: which AWS bill rows are charges the estimator models, and which estimate cost
 * lines are the same charge. ONE table for both sides, so a bill row and an estimate line meet under the same id.
 *
 * A bill row is recognised by service code + usage type (without its billing-code prefix, "USE1-", "EU-"; see
 * lib/catalog/billing-codes.ts) + operation where the usage type alone is ambiguous (ALB and NLB share
 * LoadBalancerUsage / LCUUsage and tell themselves apart by the operation LoadBalancing:Application /
 * LoadBalancing:Network). The suffixes are the ones the price catalog reads (lib/catalog/billing-codes.ts
 * FARGATE_USAGE_SUFFIX, lib/catalog/price-list.ts NETWORK_PRICE_KEYS, docs/price-catalog.md).
 *
 * An estimate line is recognised by its own usage type when it has one (the same table), else by its category
 * (logs lines carry no usage type in the bundled feed).
 *
 * Each entry could later move into a per-charge definition next to its billing rule; nothing else in
 * lib/actual names a usage type.
 */
import type { CostLine } from "../schemas/estimate";

export type ChargeId =
  | "fargate-vcpu"
  | "fargate-memory"
  | "fargate-spot-vcpu"
  | "fargate-spot-memory"
  | "fargate-storage"
  | "fargate-windows-license"
  | "ec2-instance"
  | "ec2-spot-instance"
  | "ebs-volume"
  | "ecs-managed-instances-fee"
  | "eks-cluster"
  | "alb-hours"
  | "alb-lcu"
  | "nlb-hours"
  | "nlb-lcu"
  | "nat-hours"
  | "nat-gb"
  | "public-ipv4"
  | "vpce-hours"
  | "vpce-gb"
  | "eks-auto-mode-fee"
  | "logs-ingest"
  | "logs-ingest-ia"
  | "logs-storage"
  | "egress"
  | "inter-az";

/** Whose the charge is: one service's (its tasks, its logs) or the whole estimate's (network, the EC2 fleet). */
export type ChargeScope = "service" | "shared";

export interface ChargeDefinition {
  id: ChargeId;
  /** Short human name: "NAT gateway data processed". */
  label: string;
  /** The usage unit of the quantity on both sides. */
  unit: string;
  scope: ChargeScope;
  /** AWS service codes the row may carry (x_ServiceCode / line_item_product_code). */
  serviceCodes: ReadonlyArray<string>;
  /** Usage-type test after the billing-code prefix is removed. */
  usage: RegExp;
  /** Operation test where the usage type is ambiguous. */
  operation?: RegExp;
  /** One line of the variance report: "NAT processed 3,140 GB against 1,000 GB estimated". `{a}`/`{e}` are the quantities. */
  says: string;
}

const ECS = ["AmazonECS"];
const EC2 = ["AmazonEC2"];
const ELB = ["AWSELB"];
const VPC = ["AmazonVPC", "AmazonEC2"];
const LOGS = ["AmazonCloudWatch", "AWSCloudWatch"];
// Data transfer rows carry the service that moved the bytes (AmazonEC2, AWSELB, ...) or AWSDataTransfer.
const TRANSFER = ["AWSDataTransfer", "AmazonEC2", "AWSELB", "AmazonECS", "AmazonVPC", "AmazonEKS"];

/** In order: the first entry whose service code, usage type and operation all match is the charge. */
export const CHARGES: ReadonlyArray<ChargeDefinition> = [
  { id: "fargate-spot-vcpu", label: "Fargate Spot vCPU", unit: "vCPU-hours", scope: "service", serviceCodes: ECS, usage: /^SpotUsage-Fargate-(ARM-)?vCPU-Hours:perCPU$/, says: "{who} ran {a} Fargate Spot vCPU-hours against {e} estimated" },
  { id: "fargate-spot-memory", label: "Fargate Spot memory", unit: "GB-hours", scope: "service", serviceCodes: ECS, usage: /^SpotUsage-Fargate-(ARM-)?GB-Hours$/, says: "{who} ran {a} Fargate Spot GB-hours against {e} estimated" },
  { id: "fargate-vcpu", label: "Fargate vCPU", unit: "vCPU-hours", scope: "service", serviceCodes: ECS, usage: /^Fargate-(ARM-|Windows-)?vCPU-Hours:perCPU$/, says: "{who} ran {a} Fargate vCPU-hours against {e} estimated" },
  { id: "fargate-memory", label: "Fargate memory", unit: "GB-hours", scope: "service", serviceCodes: ECS, usage: /^Fargate-(ARM-|Windows-)?GB-Hours$/, says: "{who} ran {a} Fargate GB-hours against {e} estimated" },
  { id: "fargate-storage", label: "Fargate ephemeral storage", unit: "GB-hours", scope: "service", serviceCodes: ECS, usage: /^Fargate-EphemeralStorage-GB-Hours$/, says: "{who} used {a} GB-hours of extra ephemeral storage against {e} estimated" },
  { id: "fargate-windows-license", label: "Fargate Windows OS licence", unit: "vCPU-hours", scope: "service", serviceCodes: ECS, usage: /^Fargate-Windows-OS-Hours:perCPU$/, says: "{who} paid {a} Windows licence vCPU-hours against {e} estimated" },
  { id: "ecs-managed-instances-fee", label: "ECS Managed Instances fee", unit: "instance-hours", scope: "shared", serviceCodes: ECS, usage: /^ECS-?Managed-?Instances?:/i, says: "Managed Instances ran {a} instance-hours against {e} estimated" },
  { id: "ec2-spot-instance", label: "EC2 Spot instances", unit: "instance-hours", scope: "shared", serviceCodes: EC2, usage: /^SpotUsage:[a-z0-9][a-z0-9-]*\.[a-z0-9-]+$/, says: "EC2 Spot instances ran {a} instance-hours against {e} estimated" },
  { id: "ec2-instance", label: "EC2 instances", unit: "instance-hours", scope: "shared", serviceCodes: EC2, usage: /^(BoxUsage|HeavyUsage|DedicatedUsage):[a-z0-9][a-z0-9-]*\.[a-z0-9-]+$/, says: "EC2 instances ran {a} instance-hours against {e} estimated" },
  { id: "ebs-volume", label: "EBS volumes", unit: "GB-months", scope: "shared", serviceCodes: EC2, usage: /^EBS:VolumeUsage(\.[a-z0-9]+)?$/, says: "EBS volumes held {a} GB-months against {e} estimated" },
  // EKS Auto Mode's fee per instance-hour (AmazonEKS, operation EKSAutoUsage; docs/billing-rules.md#eks-auto-mode).
  { id: "eks-auto-mode-fee", label: "EKS Auto Mode fee", unit: "instance-hours", scope: "shared", serviceCodes: ["AmazonEKS"], usage: /^AmazonEKS-AutoMode:[a-z0-9][a-z0-9-]*\.[a-z0-9-]+$/, says: "EKS Auto Mode managed {a} instance-hours against {e} estimated" },
  { id: "eks-cluster", label: "EKS control plane", unit: "cluster-hours", scope: "shared", serviceCodes: ["AmazonEKS"], usage: /^AmazonEKS-Hours:perCluster(Extended)?$/, says: "EKS clusters ran {a} cluster-hours against {e} estimated" },
  { id: "alb-hours", label: "Application Load Balancer hours", unit: "load-balancer-hours", scope: "shared", serviceCodes: ELB, usage: /^LoadBalancerUsage$/, operation: /^LoadBalancing:Application$/, says: "Application Load Balancers ran {a} hours against {e} estimated" },
  { id: "alb-lcu", label: "Application Load Balancer LCUs", unit: "LCU-hours", scope: "shared", serviceCodes: ELB, usage: /^LCUUsage$/, operation: /^LoadBalancing:Application$/, says: "Application Load Balancers used {a} LCU-hours against {e} estimated" },
  { id: "nlb-hours", label: "Network Load Balancer hours", unit: "load-balancer-hours", scope: "shared", serviceCodes: ELB, usage: /^LoadBalancerUsage$/, operation: /^LoadBalancing:Network$/, says: "Network Load Balancers ran {a} hours against {e} estimated" },
  { id: "nlb-lcu", label: "Network Load Balancer NLCUs", unit: "NLCU-hours", scope: "shared", serviceCodes: ELB, usage: /^LCUUsage$/, operation: /^LoadBalancing:Network$/, says: "Network Load Balancers used {a} NLCU-hours against {e} estimated" },
  { id: "nat-hours", label: "NAT gateway hours", unit: "gateway-hours", scope: "shared", serviceCodes: EC2, usage: /^NatGateway-Hours$/, says: "NAT gateways ran {a} hours against {e} estimated" },
  { id: "nat-gb", label: "NAT gateway data processed", unit: "GB", scope: "shared", serviceCodes: EC2, usage: /^NatGateway-Bytes$/, says: "NAT processed {a} GB against {e} GB estimated" },
  { id: "public-ipv4", label: "Public IPv4 addresses", unit: "address-hours", scope: "shared", serviceCodes: VPC, usage: /^PublicIPv4:(InUseAddress|IdleAddress)$/, says: "Public IPv4 addresses were held {a} address-hours against {e} estimated" },
  { id: "vpce-hours", label: "Interface VPC endpoint hours", unit: "endpoint-AZ-hours", scope: "shared", serviceCodes: VPC, usage: /^VpcEndpoint-Hours$/, says: "Interface endpoints ran {a} endpoint-AZ-hours against {e} estimated" },
  { id: "vpce-gb", label: "Interface VPC endpoint data processed", unit: "GB", scope: "shared", serviceCodes: VPC, usage: /^VpcEndpoint-Bytes$/, says: "Interface endpoints processed {a} GB against {e} GB estimated" },
  { id: "logs-ingest-ia", label: "CloudWatch Logs ingestion (Infrequent Access)", unit: "GB", scope: "service", serviceCodes: LOGS, usage: /^DataProcessingIA-Bytes$/, says: "{who} sent {a} GB of logs (Infrequent Access) against {e} GB estimated" },
  { id: "logs-ingest", label: "CloudWatch Logs ingestion", unit: "GB", scope: "service", serviceCodes: LOGS, usage: /^DataProcessing-Bytes$/, says: "{who} sent {a} GB of logs against {e} GB estimated" },
  { id: "logs-storage", label: "CloudWatch Logs storage", unit: "GB-months", scope: "service", serviceCodes: LOGS, usage: /^TimedStorage-ByteHrs$/, says: "{who} stored {a} GB-months of logs against {e} estimated" },
  { id: "egress", label: "Data transfer out to the internet", unit: "GB", scope: "shared", serviceCodes: TRANSFER, usage: /^DataTransfer-Out-Bytes$/, says: "{a} GB went out to the internet against {e} GB estimated" },
  { id: "inter-az", label: "Data transfer between AZs", unit: "GB", scope: "shared", serviceCodes: TRANSFER, usage: /^DataTransfer-Regional-Bytes$/, says: "{a} GB crossed AZs (billed both ways) against {e} GB estimated" },
];

const BY_ID = new Map(CHARGES.map((c) => [c.id, c]));

export function chargeById(id: ChargeId): ChargeDefinition {
  return BY_ID.get(id) as ChargeDefinition;
}

/**
 * "USE1-Fargate-GB-Hours" -> "Fargate-GB-Hours"; "EU-NatGateway-Bytes" -> "NatGateway-Bytes"; us-east-1's unprefixed
 * EC2-family types ("BoxUsage:m5.large") stay. A billing-code prefix is capitals and digits then "-"; usage types
 * that begin with a capitalised word and a dash ("SpotUsage-Fargate-...") are not prefixes because the table's
 * patterns are tried on both forms.
 */
export function withoutBillingPrefix(usageType: string): string {
  const m = /^[A-Z]{2,4}[0-9]?-(?=[A-Za-z])/.exec(usageType);
  return m ? usageType.slice(m[0].length) : usageType;
}

/** usage type -> service code -> operation -> charge: bills repeat a few hundred combinations over millions of rows. */
const cache = new Map<string, Map<string, Map<string, ChargeDefinition | null>>>();
let cached = 0;

/** The charge a bill row is, or null when the estimator does not model it. Memoised (no string is built per row). */
export function recognizeCharge(serviceCode: string, usageType: string, operation: string): ChargeDefinition | null {
  let bySc = cache.get(usageType);
  let byOp = bySc?.get(serviceCode);
  const known = byOp?.get(operation);
  if (known !== undefined) return known;
  const found = recognizeUncached(serviceCode, usageType, operation);
  if (cached < 10_000) {
    if (!bySc) cache.set(usageType, (bySc = new Map()));
    if (!byOp) bySc.set(serviceCode, (byOp = new Map()));
    byOp.set(operation, found);
    cached++;
  }
  return found;
}

function recognizeUncached(serviceCode: string, usageType: string, operation: string): ChargeDefinition | null {
  const bare = withoutBillingPrefix(usageType);
  let found: ChargeDefinition | null = null;
  for (const c of CHARGES) {
    if (serviceCode !== "" && !c.serviceCodes.includes(serviceCode)) continue;
    if (!(c.usage.test(bare) || c.usage.test(usageType))) continue;
    if (c.operation && !c.operation.test(operation)) continue;
    found = c;
    break;
  }
  return found;
}

/** The charge an estimate line is: by its usage type through the same table, else by its category. */
export function chargeOfLine(line: CostLine): ChargeDefinition | null {
  const label = line.label ?? "";
  if (line.category === "load-balancer") {
    const nlb = /network load balancer/i.test(label);
    const lcu = /LCU/.test(line.unit);
    return chargeById(nlb ? (lcu ? "nlb-lcu" : "nlb-hours") : lcu ? "alb-lcu" : "alb-hours");
  }
  if (line.category === "logs") {
    if (/storage/i.test(label)) return chargeById("logs-storage");
    return chargeById(/infrequent/i.test(label) ? "logs-ingest-ia" : "logs-ingest");
  }
  if (line.category === "nat-gateway") return chargeById(line.unit === "GB" ? "nat-gb" : "nat-hours");
  if (line.category === "vpc-endpoint") return chargeById(line.unit === "GB" ? "vpce-gb" : "vpce-hours");
  if (line.category === "public-ipv4") return chargeById("public-ipv4");
  if (line.category === "control-plane") return chargeById("eks-cluster");
  if (line.category === "data-transfer") return chargeById(/between AZs/i.test(label) ? "inter-az" : "egress");
  if (line.usageType) {
    const byType = recognizeCharge("", line.usageType, "");
    if (byType) return byType;
  }
  // Savings Plan / Reserved lines are the same usage at a discounted rate.
  switch (line.component) {
    case "vcpu":
      return chargeById(/spot/i.test(label) ? "fargate-spot-vcpu" : "fargate-vcpu");
    case "memory":
      return chargeById(/spot/i.test(label) ? "fargate-spot-memory" : "fargate-memory");
    case "storage":
      return chargeById("fargate-storage");
    case "os-license":
      return chargeById("fargate-windows-license");
    case "instance":
      if (/managed instances/i.test(label) && /fee|management/i.test(label)) return chargeById("ecs-managed-instances-fee");
      return chargeById(/spot/i.test(label) ? "ec2-spot-instance" : "ec2-instance");
    case "ebs":
      return chargeById("ebs-volume");
    default:
      return null;
  }
}
