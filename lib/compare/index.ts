/** Comparing two estimates: read each side, price both, split the change into input and price parts, render. */
export * from "./read";
export * from "./compare";
export * from "./threshold";
export * from "./render";
