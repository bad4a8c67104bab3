/**
 * Entry points from raw input to results, shared by the pages, POST /api/estimate and both CLIs.
 * Estimates: ./estimate.ts. A region's prices in the browser and the snapshot rule: ./region-catalog.ts.
 * Right-sizing: ./rightsize.ts.
 */
export * from "./estimate";
export * from "./region-catalog";
export * from "./rightsize";
