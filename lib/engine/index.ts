/** Public API of the estimate engine (pure; usable in the browser, the API route, the CLI and scripts). */
export { estimate, estimateRaw, estimateChecked, checkAgainstCatalog, type EstimateOutcome } from "./estimate";
export { costCurve, type CostCurve, type CurvePoint, type CurveOptions } from "./curve";
export { FARGATE_LINUX_SIZES, FARGATE_WINDOWS_SIZES, snapFargateSize, isValidFargateSize, largestFargateSize, type FargateSize } from "./fargate-sizes";
export * from "./rules";
export { weeklyUsageProfile, type WeeklyUsageProfile, type UsageProfileSeries } from "./usage-profile";
export { pairKey } from "./environments";
