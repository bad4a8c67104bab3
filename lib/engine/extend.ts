/**
 * `{ ...base, ...changes }`: the same keys in the same order with the same values, without V8's slow path for a
 * spread followed by a key the spread object lacks. Node 20's V8 gives the spread copy a map of its own and then
 * rebuilds it for every key added after the spread: measured 2.6-8 µs per object for a cost line given a `note`
 * it lacked, against 0.6-1.2 µs here (scripts/bench/spread-vs-assign.mjs). For plain data objects only (no
 * accessors and no own "__proto__" key: Object.assign sets where a spread defines, which differs only there),
 * which is what the engine copies (parsed inputs, cost lines).
 */
export function extend<T extends object, U extends object>(base: T, changes: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, changes);
}
