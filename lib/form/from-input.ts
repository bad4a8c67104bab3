/**
 * EstimateInput -> form draft (share links, imports, the server's first paint), driven by the field table
 * (./fields.ts): each row's input value formatted by its codec, or the row's default when the input does not have
 * it. Numbers become their shortest round-trip text (String(n)), so draft -> input gives back exactly the same
 * numbers. No runtime import of the zod schemas: the server and the lazily loaded kit run it.
 */
import type { EstimateInput } from "../schemas/estimate";
import { hourText, WEEKDAYS, type Weekday } from "../schemas/weekdays";
import type { EstimateDraft } from "./draft";
import { ESTIMATE_FIELDS, type DiscountOverrideDraft } from "./fields";
import type { FieldRow, FieldTable } from "./table";

type Obj = Record<string, unknown>;

/** React keys for the rows of the named lists (the table's `keyPrefix` otherwise). */
export type RowKeys = Partial<Record<"services" | "overrides", (index: number) => string>>;

export function inputToDraft(input: EstimateInput, makeKey: (index: number) => string = (i) => `svc-init-${i}`): EstimateDraft {
  return readTable(ESTIMATE_FIELDS, input, "", { services: makeKey }) as EstimateDraft;
}

/** The draft object of table `rows` for the input object `source` (undefined = an input without it: the defaults). */
export function readTable(rows: FieldTable, source: unknown, parentKey: string, keys: RowKeys): Obj {
  const out: Obj = {};
  for (const [name, row] of Object.entries(rows)) {
    const value = valueAt(source, row.path);
    let d: unknown;
    switch (row.codec) {
      case "present":
        d = value !== undefined;
        break;
      case "network":
        d = value !== undefined && !onlyLogsFreeTier(value as NonNullable<EstimateInput["network"]>);
        break;
      case "group":
        d = value === undefined && row.optional ? undefined : readTable(row.rows!, value, parentKey, keys);
        break;
      case "list":
        d =
          Array.isArray(value) && (value.length > 0 || row.def !== undefined)
            ? value.map((item, i) => {
                const key = keys[name as keyof RowKeys]?.(i) ?? `${parentKey}${row.keyPrefix}${i}`;
                return { key, ...readTable(row.rows!, item, key, keys) };
              })
            : copy(row.def);
        break;
      case "overrides":
        d = overridesOf(value as EstimateInput["discounts"], keys.overrides ?? ((i) => `disc-${i}`));
        break;
      default:
        d = value === undefined || value === null ? copy(row.def) : formatLeaf(row, value);
    }
    if (d !== undefined) out[name] = d;
  }
  return out;
}

function valueAt(source: unknown, path: string): unknown {
  if (path === "") return source;
  let v = source;
  for (const k of path.split(".")) v = v === undefined || v === null ? undefined : (v as Obj)[k];
  return v;
}

const copy = (v: unknown) => (Array.isArray(v) ? [...v] : typeof v === "object" && v !== null ? { ...v } : v);

/** A leaf field's draft value from its input value (number, text, trim, flag, types, hour, carry, spot, weekly). */
function formatLeaf(row: FieldRow<unknown>, value: unknown): unknown {
  switch (row.codec) {
    case "number":
      return value === row.blankAt ? "" : String(value);
    case "types":
      return (value as string[]).join(", ");
    case "hour":
      return hourText(value as number);
    case "carry":
      return copy(value);
    case "spot":
      return value ? "yes" : "no";
    case "weekly":
      return weeklyText(value as Partial<Record<Weekday, Array<[number, number]>>>, row.def as Record<Weekday, string>);
    default:
      return value;
  }
}

/** { mon: [[8, 12], [13, 18]] } -> per day "08:00-12:00, 13:00-18:00" (blank = off that day). */
function weeklyText(hours: Partial<Record<Weekday, Array<[number, number]>>>, empty: Record<Weekday, string>): Record<Weekday, string> {
  const week = { ...empty };
  for (const day of WEEKDAYS) {
    const list = hours[day];
    if (list && list.length > 0) week[day] = list.map(([a, b]) => `${hourText(a)}-${hourText(b)}`).join(", ");
  }
  return week;
}

/**
 * A network holding nothing but the CloudWatch Logs free-tier switch: the network lines stay off
 * (docs/billing-rules.md#logs-free-tier).
 */
function onlyLogsFreeTier(network: NonNullable<EstimateInput["network"]>): boolean {
  return (
    network.logsFreeTier === false &&
    network.loadBalancers.length === 0 &&
    !network.natGateways &&
    !network.publicIpv4 &&
    !network.vpcInterfaceEndpoints &&
    network.dataTransferOutGBPerMonth === 0 &&
    network.interAzGBPerMonth === 0
  );
}

/** The price book's byService and byCategory percentages as override rows (services first, in the input's order). */
function overridesOf(discounts: EstimateInput["discounts"], makeKey: (index: number) => string): DiscountOverrideDraft[] {
  const overrides: DiscountOverrideDraft[] = [];
  for (const [scope, byId] of [["service", discounts?.byService], ["category", discounts?.byCategory]] as const) {
    for (const [id, p] of Object.entries(byId ?? {})) {
      if (p !== undefined) overrides.push({ key: makeKey(overrides.length), scope, id: id as DiscountOverrideDraft["id"], percent: String(p) });
    }
  }
  return overrides;
}
