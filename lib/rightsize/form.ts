/**
 * The /rightsize page's "current service" form: text fields -> the estimate to right-size, with each problem
 * attached to the field it belongs to. The fields are read with the estimator form's number reader
 * (lib/number-text.ts parseNumberText, as the estimator form does) and validated by the contract's schema, so both pages accept and refuse
 * the same text with the same messages. Pure; used by components/rightsize.
 */
import { formatPath, mergeFieldErrors, type FieldError } from "../field-errors";
import { EstimateInputSchema, HOURS_PER_MONTH, SERVICE_LIMITS, type EstimateInput, type Service } from "../schemas/estimate";
import { parseNumberText } from "../number-text";
import { taskDefinitionFields, type TaskDefinitionFields } from "./task-definition";

/** The task-definition fields plus what a task definition does not say: how many tasks, and where. */
export interface RightsizeFields extends TaskDefinitionFields {
  tasks: string;
  region: string;
}

export type RightsizeField = keyof RightsizeFields;

const FIELD_NAMES: ReadonlyArray<RightsizeField> = ["name", "vcpu", "memoryGiB", "architecture", "os", "ephemeralStorageGiB", "tasks", "region"];
const NUMBER_FIELDS = ["vcpu", "memoryGiB", "ephemeralStorageGiB", "tasks"] as const;

export const DEFAULT_RIGHTSIZE_FIELDS: RightsizeFields = {
  name: "service",
  vcpu: "1",
  memoryGiB: "2",
  architecture: "x86_64",
  os: "linux",
  ephemeralStorageGiB: String(SERVICE_LIMITS.ephemeralStorageGiB.default),
  tasks: "1",
  region: "us-east-1",
};

/** The estimate (from a share link) this page was opened with, and which of its services is right-sized. */
export interface RightsizeBase {
  input: EstimateInput;
  serviceIndex: number;
}

export function fieldsFromService(service: Service, region: string): RightsizeFields {
  return { ...taskDefinitionFields(service), tasks: String(service.tasks), region };
}

/** A task definition's fields over the current ones (tasks and region are not in a task definition). */
export function withTaskDefinition(fields: RightsizeFields, td: TaskDefinitionFields): RightsizeFields {
  return { ...fields, ...td };
}

/** The file's reservation over the current size fields (see ./current-size.ts). */
export function withCurrentSize(fields: RightsizeFields, size: { vcpu: number | null; memoryGiB: number | null }): RightsizeFields {
  return {
    ...fields,
    ...(size.vcpu === null ? {} : { vcpu: String(size.vcpu) }),
    ...(size.memoryGiB === null ? {} : { memoryGiB: String(size.memoryGiB) }),
  };
}

export type RightsizeFormOutcome =
  | { ok: true; input: EstimateInput; serviceIndex: number }
  | { ok: false; byField: Partial<Record<RightsizeField, string>>; other: FieldError[] };

/**
 * The estimate to right-size: the base estimate with this service's fields put in, or a one-service estimate
 * (continuous, the contract's defaults) in `catalogId` when the page was not opened from an estimate.
 */
export function rightsizeInputFromFields(fields: RightsizeFields, base: RightsizeBase | null, catalogId: string): RightsizeFormOutcome {
  const index = base?.serviceIndex ?? 0;
  const servicePath = `services[${index}]`;
  const textErrors: FieldError[] = [];
  const numbers = {} as Record<(typeof NUMBER_FIELDS)[number], number>;
  for (const key of NUMBER_FIELDS) {
    const parsed = parseNumberText(fields[key]);
    numbers[key] = parsed.ok ? parsed.value : Number.NaN;
    if (!parsed.ok) textErrors.push({ path: `${servicePath}.${key}`, message: parsed.message });
  }
  const baseService = base?.input.services[index];
  const service = {
    ...(baseService ?? {}),
    name: fields.name,
    architecture: fields.architecture,
    os: fields.os,
    ...numbers,
    usage: baseService?.usage ?? { kind: "continuous" as const, hoursPerMonth: HOURS_PER_MONTH },
  };
  const raw = base
    ? { ...base.input, region: fields.region, services: base.input.services.map((s, i) => (i === index ? service : s)) }
    : { version: 1, region: fields.region, catalog: catalogId, services: [service] };
  const parsed = EstimateInputSchema.safeParse(raw);
  if (parsed.success && textErrors.length === 0) return { ok: true, input: parsed.data, serviceIndex: index };

  const schemaErrors = parsed.success ? [] : parsed.error.issues.map((issue) => ({ issue, path: formatPath(issue.path) }));
  const errors = mergeFieldErrors(textErrors, schemaErrors.map((e) => ({ path: e.path, message: e.issue.message })));
  const byField: Partial<Record<RightsizeField, string>> = {};
  const other: FieldError[] = [];
  for (const error of errors) {
    const field = fieldOf(error.path, servicePath);
    if (field && byField[field] === undefined) byField[field] = error.message;
    else if (!field) other.push(error);
  }
  return { ok: false, byField, other };
}

/** "services[2].vcpu" -> "vcpu" when it is the right-sized service's own field; "region" -> "region". */
function fieldOf(path: string, servicePath: string): RightsizeField | null {
  if (path === "region") return "region";
  if (!path.startsWith(`${servicePath}.`)) return null;
  const key = path.slice(servicePath.length + 1);
  return (FIELD_NAMES as ReadonlyArray<string>).includes(key) ? (key as RightsizeField) : null;
}
