/**
 * What the Terraform plan and CloudFormation template importers share (docs/iac-import.md): the outcome shape,
 * turning a task definition into a service with the same rules as the task-definition import
 * (lib/rightsize/task-definition.ts), capacity provider strategies, the network resources, and the final input.
 * Pure; never throws.
 */
import type { FieldError } from "../field-errors";
import { serviceFromTaskDefinition, type TaskDefinitionService } from "../rightsize/task-definition";
import { MAX_SERVICES, RegionCodeSchema, SERVICE_LIMITS, type EstimateInputRaw } from "../schemas/estimate";

/** Far above a real plan (a plan with hundreds of resources is a few MB) but bounded. */
export const MAX_IAC_BYTES = 10 * 1024 * 1024;

export type IacImportOutcome =
  | {
      ok: true;
      input: EstimateInputRaw;
      /** Each imported service and the resource address it came from. */
      services: Array<{ name: string; source: string }>;
      /** What was assumed or left out, in words. */
      notes: string[];
      /** Values the importer could not know (unknown until apply, unresolvable intrinsic functions), with their path. */
      unresolved: FieldError[];
    }
  | { ok: false; errors: FieldError[] };

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return v.length > 40 ? `"${v.slice(0, 40)}…"` : JSON.stringify(v);
  return String(v);
}

/** A task definition in the shape `aws ecs register-task-definition` takes (what the task-definition reader reads). */
export interface EcsTaskDefinitionShape {
  family?: unknown;
  cpu?: unknown;
  memory?: unknown;
  containerDefinitions?: unknown;
  runtimePlatform?: { cpuArchitecture?: unknown; operatingSystemFamily?: unknown };
  ephemeralStorage?: { sizeInGiB?: unknown };
  requiresCompatibilities?: unknown;
}

/**
 * The service size from a task definition, by the task-definition import's rules, or null with its errors
 * reported. Error paths are rewritten from the ECS field names to the resource's own
 * (`mapTaskDefinitionPath("aws_ecs_task_definition.api", "cpu", fields)` -> "aws_ecs_task_definition.api.cpu");
 * warnings become notes of the resource.
 */
export function sizeFromTaskDefinition(
  td: EcsTaskDefinitionShape,
  resource: string,
  fieldNames: Partial<Record<string, string>>,
  errors: FieldError[],
  notes: string[],
): TaskDefinitionService | null {
  const out = serviceFromTaskDefinition(td);
  if (!out.ok) {
    for (const e of out.errors) errors.push({ path: mapTaskDefinitionPath(resource, e.path === "(root)" ? "" : e.path, fieldNames), message: e.message });
    return null;
  }
  for (const w of out.warnings) notes.push(`${resource}: ${w}`);
  return out.service;
}

export interface StrategyItem {
  provider: string;
  base: number;
  weight: number;
}

/** A whole number from 0 to max (a task count, a strategy's base or weight). */
export const isWholeUpTo = (n: unknown, max: number): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= max;

/**
 * The items of a capacity provider strategy, with the file's own key names (CapacityProvider / capacity_provider).
 * `toNumber` reads base and weight (a YAML template may quote them); an item that is not valid is reported.
 */
export function readStrategyItems(
  items: unknown[],
  path: string,
  keys: { provider: string; base: string; weight: string },
  errors: FieldError[],
  toNumber: (v: unknown) => unknown = (v) => v,
): StrategyItem[] {
  const out: StrategyItem[] = [];
  items.forEach((item, i) => {
    const provider = isObj(item) ? item[keys.provider] : undefined;
    if (!isObj(item) || typeof provider !== "string") {
      errors.push({ path: `${path}[${i}].${keys.provider}`, message: "must name a capacity provider (FARGATE, FARGATE_SPOT or an EC2 one)" });
      return;
    }
    const rawBase = item[keys.base] ?? 0;
    const rawWeight = item[keys.weight] ?? 0;
    const base = toNumber(rawBase);
    const weight = toNumber(rawWeight);
    if (!isWholeUpTo(base, 100_000)) errors.push({ path: `${path}[${i}].${keys.base}`, message: `must be a whole number 0-100000, got ${describeValue(rawBase)}` });
    else if (!isWholeUpTo(weight, 1000)) errors.push({ path: `${path}[${i}].${keys.weight}`, message: `must be a whole number 0-1000, got ${describeValue(rawWeight)}` });
    else out.push({ provider, base, weight });
  });
  return out;
}

/**
 * Where a service's tasks run: its own strategy, else (with no launch type either) the cluster's default strategy;
 * the notes say which, and that an EC2 launch type is read on the "ECS on EC2" option.
 */
export function serviceCapacity(own: StrategyItem[], launchType: string | null, clusterDefault: StrategyItem[], where: string, notes: string[]): ReturnType<typeof strategyToContract> {
  const strategy = own.length > 0 ? own : launchType ? [] : clusterDefault;
  if (own.length === 0 && !launchType && clusterDefault.length > 0) notes.push(`${where}: no strategy or launch type of its own: the cluster's default capacity provider strategy is used.`);
  if (launchType === "EC2" || launchType === "EXTERNAL") notes.push(`${where}: launch type ${launchType}: compare with the "ECS on EC2" option; the Fargate options are shown for reference.`);
  return strategyToContract(strategy, where, notes);
}

/** EC2 capacity providers (Auto Scaling groups) found in the file: the ECS on EC2 option plans its own fleet. */
export function noteEc2CapacityProviders(names: string[], notes: string[]): void {
  if (names.length > 0) notes.push(`EC2 capacity providers ${names.join(", ")}: the ECS on EC2 option prices the fleet for the services (instance types from the estimate's search, not the Auto Scaling group's).`);
}

/**
 * An ECS capacity provider strategy -> the contract's fargateCapacityProviders (base on FARGATE, weights) and
 * whether the service accepts Spot. EC2 (Auto Scaling group) capacity providers have no Fargate equivalent:
 * the service is priced on every option and the note says to read the "ECS on EC2" one.
 */
export function strategyToContract(items: StrategyItem[], where: string, notes: string[]): { fargateCapacityProviders?: { base: number; fargateWeight: number; spotWeight: number }; interruptible?: boolean } {
  if (items.length === 0) return {};
  let base = 0;
  let fargateWeight = 0;
  let spotWeight = 0;
  const others: string[] = [];
  for (const item of items) {
    if (item.provider === "FARGATE") {
      fargateWeight += item.weight;
      base += item.base;
    } else if (item.provider === "FARGATE_SPOT") {
      spotWeight += item.weight;
      if (item.base > 0) notes.push(`${where}: a base of ${item.base} on FARGATE_SPOT is priced as ${item.base} tasks by weight (the estimate puts the base on FARGATE).`);
    } else others.push(item.provider);
  }
  if (others.length > 0) {
    notes.push(`${where}: capacity provider${others.length === 1 ? "" : "s"} ${others.join(", ")} (EC2 Auto Scaling groups): compare with the "ECS on EC2" option; the Fargate options are shown for reference.`);
  }
  if (fargateWeight + spotWeight === 0) return {};
  return { fargateCapacityProviders: { base, fargateWeight, spotWeight }, ...(spotWeight > 0 ? { interruptible: true } : {}) };
}

/** Names of services must be unique and at most 64 characters: shorten and number the duplicates. */
export function uniqueName(wanted: string, taken: Set<string>): string {
  const max = SERVICE_LIMITS.nameMaxChars;
  const base = (wanted.trim() || "service").slice(0, max);
  let name = base;
  for (let i = 2; taken.has(name); i++) {
    const suffix = `-${i}`;
    name = base.slice(0, max - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}

export interface ImportedService {
  name: string;
  source: string;
  size: TaskDefinitionService;
  tasks: number;
  fargateCapacityProviders?: { base: number; fargateWeight: number; spotWeight: number };
  interruptible?: boolean;
  publicIp: boolean;
}

export interface ImportedNetwork {
  loadBalancers: Array<{ name: string; type: "alb" | "nlb" }>;
  natGateways: number;
  elasticIps: number;
}

/** The estimate input from what was found; the contract's defaults apply to everything else. */
export function buildInput(region: string, services: ImportedService[], network: ImportedNetwork, notes: string[]): EstimateInputRaw {
  if (services.length > MAX_SERVICES) notes.push(`Only the first ${MAX_SERVICES} services are imported (the estimate's maximum); ${services.length - MAX_SERVICES} more were left out.`);
  const kept = services.slice(0, MAX_SERVICES);
  const input: EstimateInputRaw = {
    version: 1,
    region,
    services: kept.map((s) => ({
      name: s.name,
      vcpu: s.size.vcpu,
      memoryGiB: s.size.memoryGiB,
      architecture: s.size.architecture,
      os: s.size.os,
      ephemeralStorageGiB: s.size.ephemeralStorageGiB,
      tasks: s.tasks,
      ...(s.fargateCapacityProviders ? { fargateCapacityProviders: s.fargateCapacityProviders } : {}),
      ...(s.interruptible ? { interruptible: true } : {}),
      source: s.source.slice(0, 300),
    })),
  };
  const lbs = network.loadBalancers.slice(0, 50);
  const publicTasks = kept.some((s) => s.publicIp);
  if (lbs.length > 0 || network.natGateways > 0 || network.elasticIps > 0 || publicTasks) {
    input.network = {
      loadBalancers: lbs.map((lb) => ({ name: lb.name.slice(0, 64), type: lb.type, count: 1 })),
      ...(network.natGateways > 0 ? { natGateways: { count: Math.min(network.natGateways, 1000) } } : {}),
      ...(network.elasticIps > 0 || publicTasks ? { publicIpv4: { fargateTasks: publicTasks, ec2Instances: false, extraAddresses: Math.min(network.elasticIps, 100_000) } } : {}),
    };
    if (lbs.length > 0) notes.push("Load balancers are priced by the hour with no traffic (0 LCU): a plan or template has no traffic figures; enter them under Network and logs.");
    if (network.natGateways > 0) notes.push("NAT gateways are priced by the hour with no data processed: enter the GB per month under Network and logs.");
    if (network.elasticIps > 0) {
      const n = network.elasticIps;
      notes.push(`${n} Elastic IP address${n === 1 ? " is" : "es are"} priced as public IPv4 address${n === 1 ? "" : "es"} (AWS charges one attached to a NAT gateway too).`);
    }
  }
  return input;
}

/** "cpu" -> `${prefix}.cpu`, "containerDefinitions[0].memory" -> `${prefix}.${containers}[0].memory`. */
function mapTaskDefinitionPath(prefix: string, ecsPath: string, names: Partial<Record<string, string>>): string {
  if (!ecsPath) return prefix;
  const m = /^([A-Za-z]+)(.*)$/.exec(ecsPath);
  if (!m) return `${prefix}.${ecsPath}`;
  const key = m[1] as string;
  return `${prefix}.${names[key] ?? key}${m[2] ?? ""}`;
}

/** The checks every file gets first: not empty (`emptyMessage` says what to give), not above MAX_IAC_BYTES. */
export function fileTextErrors(text: unknown, emptyMessage: string): FieldError[] | null {
  if (typeof text !== "string" || text.trim() === "") return [{ path: "(file)", message: emptyMessage }];
  if (text.length > MAX_IAC_BYTES) return [{ path: "(file)", message: `is too large (${text.length} characters; at most ${MAX_IAC_BYTES})` }];
  return null;
}

export function regionErrors(region: string): FieldError[] | null {
  return RegionCodeSchema.safeParse(region).success ? null : [{ path: "region", message: `must be an AWS region code such as us-east-1, got ${describeValue(region)}` }];
}

/** An importer that never throws: an unexpected failure becomes a file error naming what the file was read as. */
export function importSafely(readAs: string, convert: () => IacImportOutcome): IacImportOutcome {
  try {
    return convert();
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: `could not be read as ${readAs}: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The outcome from what was read: the errors, else the services (none: `noService`, or what kept them out). */
export function importOutcome(
  region: string,
  found: { services: ImportedService[]; network: ImportedNetwork; notes: string[]; errors: FieldError[]; unresolved: FieldError[] },
  noService: FieldError,
): IacImportOutcome {
  const { services, network, notes, errors, unresolved } = found;
  if (errors.length > 0) return { ok: false, errors };
  if (services.length === 0) return { ok: false, errors: unresolved.length > 0 ? unresolved : [noService] };
  const input = buildInput(region, services, network, notes);
  return { ok: true, input, services: services.map((s) => ({ name: s.name, source: s.source })), notes, unresolved };
}
