/** Pure presentation models (cents, notes, chart data) the pages and the CLI render. No React here. */
export * from "./estimate";
export * from "./billed";
export * from "./curve";
export * from "./rightsize";
