/**
 * How the form's field table (./fields.ts) is written: a table maps each draft key to a row saying where the
 * value lives in the EstimateInput (its path), how the text is read and written back (its codec), its default, and
 * when it is written. ./write.ts and ./read.ts walk the tables in both directions; defaultsOf makes a blank row.
 *
 * Reading a row of a table, for one draft object and the input object it stands for:
 *   - draft -> input (./write.ts): when `when` holds on the draft, the draft's value is read by the codec and put at
 *     `path`, unless the `write` policy leaves it out; intermediate objects are made as needed, in table order.
 *   - input -> draft (./read.ts): the input's value at `path`, formatted by the codec; absent = `def` (and a row
 *     whose `def` is undefined is left out of the draft). `when` plays no part: a field the input does not have is
 *     simply absent there.
 *
 * Part of the page's first-load JavaScript (the blank rows read their defaults from the tables): only types, tiny
 * constructors and defaultsOf, no parser.
 */
/**
 * How a field's draft value becomes its input value and back:
 *   number   text as typed <-> a finite number (lib/number-text.ts; String(n) back, the shortest round trip)
 *   text     a string or enum value as is
 *   trim     a string, trimmed when written
 *   flag     a boolean as is
 *   types    "m7g.large, c7g.large" <-> ["m7g.large", "c7g.large"] (commas or spaces)
 *   hour     "08:30" <-> 8.5
 *   carry    a value the form carries but does not edit (arrays are copied)
 *   spot     "inherit" | "yes" | "no" <-> absent | true | false
 *   present  a switch: true when the input has the object at `path`; writes nothing itself (its rows name it in `when`)
 *   network  as present, except that a network holding only `logsFreeTier: false` is off (docs/billing-rules.md#logs-free-tier)
 *   weekly   per day "08:00-12:00, 13:00-18:00" <-> the weekly schedule's hours
 *   overrides  the price book's override rows <-> its byService and byCategory percentages
 *   list     one draft row (of the sub-table `rows`, with a React key) per array element
 *   group    a nested draft object (of the sub-table `rows`)
 */
export type Codec = "number" | "text" | "trim" | "flag" | "types" | "hour" | "carry" | "spot" | "present" | "network" | "weekly" | "overrides" | "list" | "group";

/**
 * When a field (whose `when` holds) is written to the input: always; "filled" only when its text is not blank;
 * "true" / "false" only when the flag is that value; "defined" only when the draft has it; "nonempty" only a list
 * with rows.
 */
export type Write = "always" | "filled" | "true" | "false" | "defined" | "nonempty";

/** One field. `V` is the draft's type for it (only the type system reads it). */
export interface FieldRow<V> {
  /** Where the value lives in the input, dotted, relative to the enclosing input object ("" = that object itself). */
  readonly path: string;
  readonly codec: Codec;
  /** The value of a new row, and of an input that does not have the field; undefined = the draft leaves it out. */
  readonly def: V;
  readonly write: Write;
  /** Written only when this draft key (a sibling) is truthy, or, with values, is one of them. */
  readonly when?: readonly [key: string, ...values: string[]];
  /** An input number equal to this is shown as a blank field (the schema's default stands for it). */
  readonly blankAt?: number;
  /** list, group: the sub-table. */
  readonly rows?: FieldTable;
  /** list: the React key of row i is parent key + keyPrefix + i (the parent key is the enclosing row's, or ""). */
  readonly keyPrefix?: string;
  /** group: the draft may leave the whole object out (then the input has none). */
  readonly optional?: boolean;
}

export type FieldTable = Readonly<Record<string, FieldRow<unknown>>>;

type ValueOf<R> = R extends FieldRow<infer V> ? V : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The draft object a table describes: one property per row, optional where the row's default is undefined. */
export type DraftOf<T extends FieldTable> = Simplify<
  { -readonly [K in keyof T as undefined extends ValueOf<T[K]> ? never : K]: ValueOf<T[K]> } & {
    -readonly [K in keyof T as undefined extends ValueOf<T[K]> ? K : never]?: ValueOf<T[K]>;
  }
>;
/** A list row of the draft: the table's fields plus a stable React key (not part of the estimate). */
export type Keyed<T> = { key: string } & T;

export type When = FieldRow<unknown>["when"];
export const row = <V>(path: string, codec: Codec, def: V, write: Write = "always", when?: When, extra?: Partial<FieldRow<V>>): FieldRow<V> => ({ path, codec, def, write, ...(when ? { when } : {}), ...extra });

/** A number field; `def` undefined = an optional field, left out of the draft until the input has it. */
export function number(path: string, def: string, write?: Write, when?: When): FieldRow<string>;
export function number(path: string, def: undefined, write: Write, when?: When): FieldRow<string | undefined>;
export function number(path: string, def: string | undefined, write: Write = "always", when?: When): FieldRow<string | undefined> {
  return row(path, "number", def, write, when);
}
export const text = <V extends string = string>(path: string, def: NoInfer<V>, write?: Write, when?: When) => row<V>(path, "text", def, write, when);
export const optionalText = <V extends string>(path: string) => row<V | undefined>(path, "text", undefined, "defined");
export const flag = (path: string, def: boolean, write?: Write, when?: When) => row<boolean>(path, "flag", def, write, when);
export const optionalFlag = (path: string, write: Write) => row<boolean | undefined>(path, "flag", undefined, write);
export const present = (path: string) => row<boolean>(path, "present", false, "always");
export const carry = <V>(path: string, def: V, when?: When) => row<V>(path, "carry", def, "always", when);
export const optionalCarry = <V>(path: string) => row<V | undefined>(path, "carry", undefined, "defined");
export const hour = (path: string, def: string, when?: When) => row<string>(path, "hour", def, "always", when);
export function list<T extends FieldTable>(path: string, rows: T, keyPrefix: string, write: Write, optional: true, when?: When): FieldRow<Array<Keyed<DraftOf<T>>> | undefined>;
export function list<T extends FieldTable>(path: string, rows: T, keyPrefix: string, write: Write, optional?: false, when?: When): FieldRow<Array<Keyed<DraftOf<T>>>>;
export function list<T extends FieldTable>(path: string, rows: T, keyPrefix: string, write: Write, optional?: boolean, when?: When): FieldRow<Array<Keyed<DraftOf<T>>> | undefined> {
  return row(path, "list", optional ? undefined : [], write, when, { rows, keyPrefix });
}
export function group<T extends FieldTable>(path: string, rows: T, optional: true): FieldRow<DraftOf<T> | undefined>;
export function group<T extends FieldTable>(path: string, rows: T): FieldRow<DraftOf<T>>;
export function group<T extends FieldTable>(path: string, rows: T, optional = false): FieldRow<DraftOf<T> | undefined> {
  return row(path, "group", undefined, "always", undefined, { rows, ...(optional ? { optional } : {}) });
}


/** The defaults of a table: a new row without its key (nested groups filled in, optional fields left out). */
export function defaultsOf<T extends FieldTable>(rows: T): DraftOf<T> {
  const out: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(rows)) {
    const d = r.codec === "group" ? (r.optional ? undefined : defaultsOf(r.rows!)) : r.def;
    if (d !== undefined) out[name] = Array.isArray(d) ? [...d] : typeof d === "object" && d !== null ? { ...d } : d;
  }
  return out as DraftOf<T>;
}
