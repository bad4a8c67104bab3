/** Pure catalog API (safe for the browser). The node:fs loader is separate: lib/catalog/fs-loader.ts. */
export * from "./schema";
export * from "./parse";
export * from "./describe";
export * from "./errors";
export { BILLING_PREFIX_BY_REGION, FARGATE_USAGE_SUFFIX, billingPrefix, fargateUsageType } from "./billing-codes";
export * from "./summary";
