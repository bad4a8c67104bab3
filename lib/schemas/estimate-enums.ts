/**
 * Value lists of the contract that the page's own (zod-free) code needs too: the schema in ./estimate.ts builds its
 * enums from these, so a value is stated once.
 */

/** AWS service codes a negotiated discount can name (the Price List's codes, the bill's product codes). */
export const DISCOUNT_SERVICES = ["AmazonECS", "AmazonEKS", "AmazonEC2", "AWSELB", "AmazonVPC", "AWSDataTransfer", "AmazonCloudWatch"] as const;

/** Charge categories a negotiated discount can name (docs/billing-rules.md#private-pricing-discounts). */
export const DISCOUNT_CATEGORIES = ["compute", "spot", "storage", "load-balancer", "nat-gateway", "public-ipv4", "vpc-endpoint", "data-transfer", "logs", "control-plane"] as const;

/** Sidecar presets (docs/billing-rules.md#sidecars). */
export const SIDECAR_PRESETS = ["envoy", "fluent-bit", "xray", "cloudwatch-agent"] as const;

/**
 * The option ids the engine returns (docs/billing-rules.md): ECS "fargate", "fargate-spot", "fargate-mix",
 * "fargate-spot-interruptible", "fargate-savings-plan", "ec2", "ecs-managed-instances"; EKS "fargate",
 * "fargate-spot", "fargate-savings-plan", "ec2" (managed node group), "eks-auto-mode". New ids may be added, never
 * renamed. The one place they are spelled: code names an option as OPTION.ec2, OPTION["fargate-spot"]; the schema's
 * OptionIdSchema (./estimate.ts) is the enum of these.
 */
export const OPTION_IDS = [
  "fargate",
  "fargate-spot",
  "fargate-mix",
  "fargate-spot-interruptible",
  "fargate-savings-plan",
  "ec2",
  "ecs-managed-instances",
  "eks-auto-mode",
] as const;
export type OptionId = (typeof OPTION_IDS)[number];

/** Each option id by name: OPTION.ec2 === "ec2". */
export const OPTION = Object.freeze(Object.fromEntries(OPTION_IDS.map((id) => [id, id]))) as { readonly [K in OptionId]: K };
