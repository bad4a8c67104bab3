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
