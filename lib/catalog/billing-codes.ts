/**
 * AWS billing-code prefixes ("Region codes" in usage types) and the Fargate usage-type suffixes.
 *
 * Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html
 * ("AWS billing and usage reports often use abbreviations for Region codes"), as tabulated in
 * docs/price-catalog.md#billing-code-prefixes-usage-type-traps. Traps the table encodes: eu-west-1 is "EU" (not EUW1),
 * ap-south-1 is "APS3" and ap-southeast-3 is "APS4"; never build a prefix from the region name.
 *
 * These prefixes are used only to LABEL rates with the usage type AWS bills them under. Matching Price List
 * items (lib/catalog/price-list.ts) is done by regionCode + usage-type suffix, never by prefix.
 */
import { usageTypeOfRate } from "../charges";

export const BILLING_PREFIX_BY_REGION: Readonly<Record<string, string>> = Object.freeze({
  "us-east-1": "USE1",
  "us-east-2": "USE2",
  "us-west-1": "USW1",
  "us-west-2": "USW2",
  "ca-central-1": "CAN1",
  "ca-west-1": "CAN2",
  "mx-central-1": "MXC1",
  "af-south-1": "AFS1",
  "ap-east-1": "APE1",
  "ap-east-2": "APE2",
  "sa-east-1": "SAE1",
  "us-gov-west-1": "UGW1",
  "us-gov-east-1": "UGE1",
  "ap-northeast-1": "APN1",
  "ap-northeast-2": "APN2",
  "ap-northeast-3": "APN3",
  "ap-southeast-1": "APS1",
  "ap-southeast-2": "APS2",
  "ap-south-1": "APS3",
  "ap-southeast-3": "APS4",
  "ap-south-2": "APS5",
  "ap-southeast-4": "APS6",
  "ap-southeast-5": "APS7",
  "ap-southeast-6": "APS8",
  "ap-southeast-7": "APS9",
  "eu-central-1": "EUC1",
  "eu-central-2": "EUC2",
  "eu-north-1": "EUN1",
  "eu-south-1": "EUS1",
  "eu-south-2": "EUS2",
  "eu-west-1": "EU",
  "eu-west-2": "EUW2",
  "eu-west-3": "EUW3",
  "il-central-1": "ILC1",
  "me-central-1": "MEC1",
  "me-south-1": "MES1",
  "cn-north-1": "CNN1",
  "cn-northwest-1": "CNW1",
});

/** The billing-code prefix of a region, or undefined when the AWS table has no entry for it. */
export function billingPrefix(region: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(BILLING_PREFIX_BY_REGION, region) ? BILLING_PREFIX_BY_REGION[region] : undefined;
}

/**
 * AmazonECS usage-type suffixes (the part after "<prefix>-"), docs/price-catalog.md#fargate: each Fargate rate slot
 * by key, its usage type read from the charge definition that declares the slot.
 */
export const FARGATE_RATE_PATHS = Object.freeze({
  x86VcpuHour: "fargate.linuxX86.vcpuHour",
  x86GbHour: "fargate.linuxX86.gbHour",
  armVcpuHour: "fargate.linuxArm.vcpuHour",
  armGbHour: "fargate.linuxArm.gbHour",
  windowsVcpuHour: "fargate.windowsX86.vcpuHour",
  windowsGbHour: "fargate.windowsX86.gbHour",
  windowsOsLicenseVcpuHour: "fargate.windowsX86.osLicenseVcpuHour",
  ephemeralStorageGbHour: "fargate.ephemeralStorageGbHour",
  spotX86VcpuHour: "fargate.spotX86.vcpuHour",
  spotX86GbHour: "fargate.spotX86.gbHour",
  spotArmVcpuHour: "fargate.spotArm.vcpuHour",
  spotArmGbHour: "fargate.spotArm.gbHour",
});
export type FargateUsageKey = keyof typeof FARGATE_RATE_PATHS;
/** The usage-type suffix of each Fargate rate, as its charge definition states it (lib/charges). */
export const FARGATE_USAGE_SUFFIX: Readonly<Record<FargateUsageKey, string>> = Object.freeze(
  Object.fromEntries(Object.entries(FARGATE_RATE_PATHS).map(([key, path]) => [key, usageTypeOfRate(path)])) as Record<FargateUsageKey, string>,
);

/** Full usage type "<prefix>-<suffix>", e.g. fargateUsageType("USE1", "x86VcpuHour") = "USE1-Fargate-vCPU-Hours:perCPU". */
export function fargateUsageType(prefix: string, key: FargateUsageKey): string {
  return `${prefix}-${FARGATE_USAGE_SUFFIX[key]}`;
}

/**
 * EC2 on-demand Linux usage-type pattern. us-east-1 has NO prefix for EC2 ("BoxUsage:m5.large",
 * instance-selector sample) while other regions are prefixed ("USE2-BoxUsage:m5.large").
 */
export function ec2BoxUsagePattern(region: string, prefix: string): string {
  return region === "us-east-1" ? "BoxUsage:<instanceType>" : `${prefix}-BoxUsage:<instanceType>`;
}

/**
 * Usage type of an EC2-family line (EBS, NAT gateway, public IPv4, data transfer, load balancers): like EC2
 * instance-hours these carry no prefix in us-east-1 ("NatGateway-Hours") and "<prefix>-" elsewhere
 * ("EU-NatGateway-Hours").
 */
export function regionalUsageType(region: string, prefix: string, suffix: string): string {
  return region === "us-east-1" ? suffix : `${prefix}-${suffix}`;
}
