/**
 * CloudFormation / CDK template import (docs/iac-import.md): a template in JSON or YAML (including `cdk synth`
 * output) -> an estimate input.
 *
 * Read: AWS::ECS::Service (DesiredCount, LaunchType, CapacityProviderStrategy, TaskDefinition, AssignPublicIp),
 * AWS::ECS::TaskDefinition (Cpu/Memory at task or container level, RuntimePlatform, EphemeralStorage,
 * RequiresCompatibilities), AWS::ECS::ClusterCapacityProviderAssociations (the default strategy),
 * AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::EC2::NatGateway, AWS::EC2::EIP.
 * Intrinsic functions are resolved offline where the template alone decides them (Ref to a parameter's
 * Default, AWS::Region, Fn::Sub / Join / Select / Split / FindInMap / If with conditions over parameters);
 * the rest (Fn::GetAtt, Fn::ImportValue, Ref to another resource's id, AWS::AccountId, ...) are reported in
 * `unresolved` for the fields the estimate needs, never guessed. Only the fields the estimate reads are resolved.
 */
import type { FieldError } from "../field-errors";
import { describeValue, fileTextErrors, importOutcome, importSafely, isObj, isWholeUpTo, noteEc2CapacityProviders, readStrategyItems, regionErrors, serviceCapacity, sizeFromTaskDefinition, uniqueName, type EcsTaskDefinitionShape, type IacImportOutcome, type ImportedNetwork, type ImportedService, type Obj, type StrategyItem } from "./iac-common";
import { parseCloudFormationYaml } from "./iac-yaml";

export interface CloudFormationImportOptions {
  /** The stack's region (AWS::Region); a template does not say where it is deployed. Default us-east-1 (noted). */
  region?: string;
}

const DEFAULT_REGION = "us-east-1";

class Unresolvable {
  constructor(readonly reason: string) {}
}

type Resolved = unknown;

interface Context {
  region: string;
  parameters: Obj;
  mappings: Obj;
  conditions: Obj;
  resources: Obj;
  conditionCache: Map<string, boolean | Unresolvable>;
  notes: Set<string>;
}

const PSEUDO_UNKNOWN = new Set(["AWS::AccountId", "AWS::StackId", "AWS::StackName", "AWS::NotificationARNs", "AWS::URLSuffix", "AWS::Partition"]);
const NO_VALUE = Symbol("AWS::NoValue");

function refValue(name: unknown, ctx: Context): Resolved {
  if (typeof name !== "string") return new Unresolvable(`Ref must name a parameter or resource, got ${describeValue(name)}`);
  if (name === "AWS::Region") return ctx.region;
  if (name === "AWS::NoValue") return NO_VALUE;
  if (PSEUDO_UNKNOWN.has(name)) return new Unresolvable(`Ref ${name} is known only when the stack is deployed`);
  const param = ctx.parameters[name];
  if (isObj(param)) {
    if ("Default" in param) {
      ctx.notes.add(`Parameter ${name}: its Default ${describeValue(param.Default)} is used; if you deploy with another value, change the estimate on the form.`);
      const d = param.Default;
      // CloudFormation passes parameters as strings; a Number parameter's default may be written as a number.
      return typeof d === "number" ? String(d) : d;
    }
    return new Unresolvable(`Ref ${name}: the parameter has no Default, so its value is known only when the stack is deployed`);
  }
  if (name in ctx.resources) return new Unresolvable(`Ref ${name} is that resource's id, known only when the stack is deployed`);
  return new Unresolvable(`Ref ${name}: no parameter or resource of that name in the template`);
}

function evalCondition(name: string, ctx: Context, depth: number): boolean | Unresolvable {
  const cached = ctx.conditionCache.get(name);
  if (cached !== undefined) return cached;
  const def = ctx.conditions[name];
  if (def === undefined) return new Unresolvable(`condition ${name} is not in the template's Conditions`);
  ctx.conditionCache.set(name, new Unresolvable(`condition ${name} refers to itself`));
  const value = resolve(def, ctx, depth + 1);
  const out = value instanceof Unresolvable ? value : typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : new Unresolvable(`condition ${name} is not true or false`);
  ctx.conditionCache.set(name, out);
  return out;
}

const asList = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : null);

/** Resolve a value offline (see the module comment). Returns Unresolvable with the reason where it cannot. */
function resolve(value: unknown, ctx: Context, depth = 0): Resolved {
  if (depth > 64) return new Unresolvable("intrinsic functions nested more than 64 levels deep");
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = resolve(item, ctx, depth + 1);
      if (r instanceof Unresolvable) return r;
      if (r !== NO_VALUE) out.push(r);
    }
    return out;
  }
  if (!isObj(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const fn = keys[0] as string;
    const arg = value[fn];
    const sub = (v: unknown) => resolve(v, ctx, depth + 1);
    switch (fn) {
      case "Ref":
        return refValue(arg, ctx);
      case "Condition":
        return typeof arg === "string" ? evalCondition(arg, ctx, depth) : new Unresolvable("Condition must name a condition");
      case "Fn::GetAtt":
        return new Unresolvable(`Fn::GetAtt ${Array.isArray(arg) ? arg.join(".") : describeValue(arg)} is known only when the stack is deployed`);
      case "Fn::ImportValue":
        return new Unresolvable("Fn::ImportValue reads another stack's export, known only in the account");
      case "Fn::GetAZs":
        return new Unresolvable("Fn::GetAZs depends on the account's Availability Zones");
      case "Fn::Base64": {
        const r = sub(arg);
        return r;
      }
      case "Fn::Join": {
        const list = asList(arg);
        if (!list || list.length !== 2 || typeof list[0] !== "string") return new Unresolvable("Fn::Join must be [delimiter, [values]]");
        const parts = sub(list[1]);
        if (parts instanceof Unresolvable) return parts;
        if (!Array.isArray(parts) || parts.some((p) => typeof p === "object" && p !== null)) return new Unresolvable("Fn::Join values must be text");
        return parts.map(String).join(list[0]);
      }
      case "Fn::Select": {
        const list = asList(arg);
        if (!list || list.length !== 2) return new Unresolvable("Fn::Select must be [index, [values]]");
        const index = sub(list[0]);
        const items = sub(list[1]);
        if (index instanceof Unresolvable) return index;
        if (items instanceof Unresolvable) return items;
        const i = Number(index);
        if (!Array.isArray(items) || !Number.isInteger(i) || i < 0 || i >= items.length) return new Unresolvable("Fn::Select index is outside the list");
        return items[i];
      }
      case "Fn::Split": {
        const list = asList(arg);
        if (!list || list.length !== 2 || typeof list[0] !== "string" || list[0] === "") return new Unresolvable("Fn::Split must be [delimiter, text]");
        const s = sub(list[1]);
        if (s instanceof Unresolvable) return s;
        return typeof s === "string" ? s.split(list[0]) : new Unresolvable("Fn::Split needs text");
      }
      case "Fn::FindInMap": {
        const list = asList(arg);
        if (!list || list.length < 3) return new Unresolvable("Fn::FindInMap must be [map, top key, second key]");
        const [m, k1, k2] = [sub(list[0]), sub(list[1]), sub(list[2])];
        for (const x of [m, k1, k2]) if (x instanceof Unresolvable) return x;
        const map = ctx.mappings[String(m)];
        const top = isObj(map) ? map[String(k1)] : undefined;
        if (!isObj(top) || !(String(k2) in top)) return new Unresolvable(`Fn::FindInMap ${String(m)}.${String(k1)}.${String(k2)} is not in the template's Mappings`);
        return top[String(k2)];
      }
      case "Fn::Sub": {
        const list = Array.isArray(arg) ? arg : [arg, {}];
        if (typeof list[0] !== "string" || !isObj(list[1] ?? {})) return new Unresolvable("Fn::Sub must be text or [text, {variables}]");
        const vars = (list[1] ?? {}) as Obj;
        let failure: Unresolvable | null = null;
        const out = (list[0] as string).replace(/\$\{(!?)([^}]*)\}/g, (whole, bang: string, name: string) => {
          if (bang) return `\${${name}}`;
          const local = name in vars ? sub(vars[name]) : name.includes(".") ? new Unresolvable(`Fn::Sub \${${name}} is an attribute known only when the stack is deployed`) : refValue(name, ctx);
          if (local instanceof Unresolvable) {
            failure ??= local;
            return whole;
          }
          return String(local);
        });
        return failure ?? out;
      }
      case "Fn::If": {
        const list = asList(arg);
        if (!list || list.length !== 3 || typeof list[0] !== "string") return new Unresolvable("Fn::If must be [condition, value if true, value if false]");
        const cond = evalCondition(list[0], ctx, depth);
        if (cond instanceof Unresolvable) return cond;
        return sub(cond ? list[1] : list[2]);
      }
      case "Fn::Equals": {
        const list = asList(arg);
        if (!list || list.length !== 2) return new Unresolvable("Fn::Equals must be [a, b]");
        const [a, b] = [sub(list[0]), sub(list[1])];
        if (a instanceof Unresolvable) return a;
        if (b instanceof Unresolvable) return b;
        return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
      }
      case "Fn::Not":
      case "Fn::And":
      case "Fn::Or": {
        const list = asList(arg);
        if (!list || list.length === 0) return new Unresolvable(`${fn} needs a list of conditions`);
        const values: boolean[] = [];
        for (const item of list) {
          const r = sub(item);
          if (r instanceof Unresolvable) return r;
          if (typeof r !== "boolean") return new Unresolvable(`${fn} needs conditions`);
          values.push(r);
        }
        return fn === "Fn::Not" ? !values[0] : fn === "Fn::And" ? values.every(Boolean) : values.some(Boolean);
      }
      default:
        if (fn.startsWith("Fn::")) return new Unresolvable(`${fn} is not resolved offline`);
    }
  }
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    const r = resolve(v, ctx, depth + 1);
    if (r instanceof Unresolvable) return r;
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

interface TemplateResource {
  id: string;
  /** "Stack/Service/Service" from CDK metadata, else the logical id. */
  source: string;
  type: string;
  properties: Obj;
}

/** A property, resolved; undefined when absent. Unresolvable ones are recorded with their path. */
function prop(r: TemplateResource, key: string, ctx: Context, unresolved: FieldError[]): unknown {
  if (!(key in r.properties)) return undefined;
  const v = resolve(r.properties[key], ctx);
  if (v instanceof Unresolvable) {
    unresolved.push({ path: `Resources.${r.id}.Properties.${key}`, message: `cannot be resolved offline: ${v.reason}` });
    return new Unresolvable(v.reason);
  }
  return v === NO_VALUE ? undefined : v;
}

/** The logical id a TaskDefinition property points to: Ref Id, or an ARN written out. */
function taskDefinitionTarget(raw: unknown): string | null {
  if (isObj(raw) && typeof raw.Ref === "string") return raw.Ref;
  if (isObj(raw) && Array.isArray(raw["Fn::GetAtt"]) && typeof raw["Fn::GetAtt"][0] === "string") return raw["Fn::GetAtt"][0];
  return null;
}

const TD_FIELDS: Partial<Record<string, string>> = {
  cpu: "Properties.Cpu",
  memory: "Properties.Memory",
  containerDefinitions: "Properties.ContainerDefinitions",
  runtimePlatform: "Properties.RuntimePlatform",
  ephemeralStorage: "Properties.EphemeralStorage",
  requiresCompatibilities: "Properties.RequiresCompatibilities",
  family: "Properties.Family",
};

function taskDefinitionShape(r: TemplateResource, ctx: Context, unresolved: FieldError[]): EcsTaskDefinitionShape | null {
  const before = unresolved.length;
  const cpu = prop(r, "Cpu", ctx, unresolved);
  const memory = prop(r, "Memory", ctx, unresolved);
  const family = prop(r, "Family", ctx, unresolved);
  const rp = prop(r, "RuntimePlatform", ctx, unresolved);
  const es = prop(r, "EphemeralStorage", ctx, unresolved);
  const compat = prop(r, "RequiresCompatibilities", ctx, unresolved);
  // Containers: only their sizes are needed (the image is often a Fn::Join of an ECR repository's attributes).
  let containers: unknown = undefined;
  const rawContainers = r.properties.ContainerDefinitions;
  if (Array.isArray(rawContainers)) {
    containers = rawContainers.map((c, i) => {
      if (!isObj(c)) return c;
      const out: Obj = {};
      for (const [from, to] of [["Name", "name"], ["Cpu", "cpu"], ["Memory", "memory"], ["MemoryReservation", "memoryReservation"]] as const) {
        if (!(from in c)) continue;
        const v = resolve(c[from], ctx);
        if (v instanceof Unresolvable) unresolved.push({ path: `Resources.${r.id}.Properties.ContainerDefinitions[${i}].${from}`, message: `cannot be resolved offline: ${v.reason}` });
        else if (v !== NO_VALUE) out[to] = v;
      }
      return out;
    });
  } else if (rawContainers !== undefined) containers = rawContainers;
  const sizeUnresolved = unresolved.slice(before).some((e) => /\.(Cpu|Memory|MemoryReservation|RuntimePlatform|EphemeralStorage)$/.test(e.path));
  if (sizeUnresolved) return null;
  return {
    family: typeof family === "string" ? family : r.id,
    cpu: cpu instanceof Unresolvable ? undefined : cpu,
    memory: memory instanceof Unresolvable ? undefined : memory,
    containerDefinitions: containers,
    ...(isObj(rp) ? { runtimePlatform: { cpuArchitecture: rp.CpuArchitecture, operatingSystemFamily: rp.OperatingSystemFamily } } : {}),
    ...(isObj(es) ? { ephemeralStorage: { sizeInGiB: es.SizeInGiB } } : {}),
    ...(Array.isArray(compat) ? { requiresCompatibilities: compat } : {}),
  };
}

function strategyItems(value: unknown, path: string, errors: FieldError[]): StrategyItem[] {
  if (value === undefined || value instanceof Unresolvable) return [];
  if (!Array.isArray(value)) {
    errors.push({ path, message: `must be a list of {CapacityProvider, Base, Weight}, got ${describeValue(value)}` });
    return [];
  }
  // A YAML template may quote the numbers ("1").
  return readStrategyItems(value, path, { provider: "CapacityProvider", base: "Base", weight: "Weight" }, errors, Number);
}

export function importCloudFormationTemplate(text: string, options: CloudFormationImportOptions = {}): IacImportOutcome {
  return importSafely("a CloudFormation template", () => convert(text, options));
}

function readTemplate(text: string): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*\{/.test(body)) {
    try {
      return { ok: true, value: JSON.parse(body) };
    } catch (error) {
      return { ok: false, errors: [{ path: "(file)", message: `is not valid JSON (${error instanceof Error ? error.message.slice(0, 160) : "parse error"})` }] };
    }
  }
  return parseCloudFormationYaml(body);
}

function convert(text: string, options: CloudFormationImportOptions): IacImportOutcome {
  const fileErrors = fileTextErrors(text, "is empty: give a CloudFormation template (JSON or YAML) or cdk synth output");
  if (fileErrors) return { ok: false, errors: fileErrors };
  const read = readTemplate(text);
  if (!read.ok) return read;
  const template = read.value;
  if (!isObj(template)) return { ok: false, errors: [{ path: "(root)", message: `must be a template (a mapping with Resources), got ${describeValue(template)}` }] };
  if (!isObj(template.Resources)) return { ok: false, errors: [{ path: "Resources", message: "is missing or not a mapping: a CloudFormation template lists its resources under Resources" }] };
  const notes: string[] = [];
  const region = options.region ?? DEFAULT_REGION;
  const badRegion = regionErrors(region);
  if (badRegion) return { ok: false, errors: badRegion };
  if (!options.region) notes.push(`A template does not say where it is deployed: priced in ${DEFAULT_REGION} (choose the region on the form, or --region).`);
  for (const section of ["Parameters", "Mappings", "Conditions"] as const) {
    if (template[section] !== undefined && !isObj(template[section])) return { ok: false, errors: [{ path: section, message: `must be a mapping, got ${describeValue(template[section])}` }] };
  }
  const ctx: Context = {
    region,
    parameters: (template.Parameters as Obj | undefined) ?? {},
    mappings: (template.Mappings as Obj | undefined) ?? {},
    conditions: (template.Conditions as Obj | undefined) ?? {},
    resources: template.Resources,
    conditionCache: new Map(),
    notes: new Set(),
  };
  const errors: FieldError[] = [];
  const unresolved: FieldError[] = [];
  const resources: TemplateResource[] = [];
  for (const [id, raw] of Object.entries(template.Resources)) {
    if (!isObj(raw) || typeof raw.Type !== "string") {
      errors.push({ path: `Resources.${id}.Type`, message: "must be a resource type such as AWS::ECS::Service" });
      continue;
    }
    if (raw.Properties !== undefined && !isObj(raw.Properties)) {
      errors.push({ path: `Resources.${id}.Properties`, message: `must be a mapping, got ${describeValue(raw.Properties)}` });
      continue;
    }
    if (typeof raw.Condition === "string") {
      const c = evalCondition(raw.Condition, ctx, 0);
      if (c instanceof Unresolvable) unresolved.push({ path: `Resources.${id}.Condition`, message: `cannot be decided offline (${c.reason}): the resource is counted` });
      else if (!c) {
        notes.push(`Resources.${id}: its condition ${raw.Condition} is false with the parameters' defaults: left out.`);
        continue;
      }
    }
    const cdkPath = isObj(raw.Metadata) && typeof raw.Metadata["aws:cdk:path"] === "string" ? raw.Metadata["aws:cdk:path"] : null;
    resources.push({ id, source: cdkPath ? `${cdkPath} (${id})` : id, type: raw.Type, properties: (raw.Properties as Obj | undefined) ?? {} });
  }
  if (errors.length > 0) return { ok: false, errors };

  const taskDefs = new Map<string, { resource: TemplateResource; shape: EcsTaskDefinitionShape | null }>();
  for (const r of resources.filter((x) => x.type === "AWS::ECS::TaskDefinition")) taskDefs.set(r.id, { resource: r, shape: taskDefinitionShape(r, ctx, unresolved) });
  const used = new Set<string>();

  const associations = resources.filter((x) => x.type === "AWS::ECS::ClusterCapacityProviderAssociations");
  let defaultStrategy: StrategyItem[] = [];
  if (associations.length === 1) {
    const a = associations[0] as TemplateResource;
    defaultStrategy = strategyItems(prop(a, "DefaultCapacityProviderStrategy", ctx, unresolved), `Resources.${a.id}.Properties.DefaultCapacityProviderStrategy`, errors);
  }
  const ec2Providers = resources.filter((x) => x.type === "AWS::ECS::CapacityProvider").map((x) => x.id);
  noteEc2CapacityProviders(ec2Providers, notes);

  const taken = new Set<string>();
  const services: ImportedService[] = [];
  for (const r of resources.filter((x) => x.type === "AWS::ECS::Service")) {
    const where = `Resources.${r.id}`;
    const target = taskDefinitionTarget(r.properties.TaskDefinition);
    const td = target ? taskDefs.get(target) : undefined;
    if (!td) {
      unresolved.push({ path: `${where}.Properties.TaskDefinition`, message: target ? `points to ${target}, which is not an AWS::ECS::TaskDefinition of this template: the service is not imported` : "is not a Ref to a task definition of this template (an ARN of one defined elsewhere?): the service is not imported" });
      continue;
    }
    used.add(td.resource.id);
    if (!td.shape) {
      unresolved.push({ path: where, message: `is not imported: its task definition ${td.resource.id} cannot be sized (see its unresolved fields)` });
      continue;
    }
    const size = sizeFromTaskDefinition(td.shape, `Resources.${td.resource.id}`, TD_FIELDS, errors, notes);
    if (!size) continue;
    const desired = prop(r, "DesiredCount", ctx, unresolved);
    let tasks: number;
    const strategyKind = prop(r, "SchedulingStrategy", ctx, unresolved);
    if (desired instanceof Unresolvable) tasks = 1;
    else if (strategyKind === "DAEMON") {
      tasks = 1;
      notes.push(`${where}: a DAEMON service runs one task per container instance; priced at 1 task: set the number of instances as its tasks.`);
    } else if (desired === undefined) {
      tasks = 1;
      notes.push(`${where}: no DesiredCount: CloudFormation starts 1 task; priced at 1 task.`);
    } else {
      const n = typeof desired === "string" && /^\d+$/.test(desired.trim()) ? Number(desired) : desired;
      if (!isWholeUpTo(n, 100_000)) {
        errors.push({ path: `${where}.Properties.DesiredCount`, message: `must be a whole number 0-100000, got ${describeValue(desired)}` });
        continue;
      }
      tasks = n;
    }
    if (desired instanceof Unresolvable) unresolved.push({ path: `${where}.Properties.DesiredCount`, message: "priced at 1 task until it is known; set the tasks on the form" });
    const own = strategyItems(prop(r, "CapacityProviderStrategy", ctx, unresolved), `${where}.Properties.CapacityProviderStrategy`, errors);
    const launchType = prop(r, "LaunchType", ctx, unresolved);
    const contract = serviceCapacity(own, typeof launchType === "string" ? launchType : null, defaultStrategy, where, notes);
    const net = prop(r, "NetworkConfiguration", ctx, []);
    const publicIp = isObj(net) && isObj(net.AwsvpcConfiguration) && net.AwsvpcConfiguration.AssignPublicIp === "ENABLED";
    const name = prop(r, "ServiceName", ctx, []);
    services.push({ name: uniqueName(typeof name === "string" ? name : r.id, taken), source: r.source, size, tasks, ...contract, publicIp });
  }
  for (const [id, td] of taskDefs) {
    if (!used.has(id) && td.shape) notes.push(`Resources.${id} is used by no AWS::ECS::Service in this template (a scheduled or one-off task?): not imported; add it by hand with its schedule.`);
  }

  const network: ImportedNetwork = { loadBalancers: [], natGateways: 0, elasticIps: 0 };
  for (const r of resources) {
    if (r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer") {
      const type = prop(r, "Type", ctx, unresolved) ?? "application";
      if (type === "application" || type === "network") network.loadBalancers.push({ name: r.id, type: type === "application" ? "alb" : "nlb" });
      else if (!(type instanceof Unresolvable)) notes.push(`Resources.${r.id}: load balancer type ${describeValue(type)} is not priced by this estimator.`);
    } else if (r.type === "AWS::EC2::NatGateway") network.natGateways += 1;
    else if (r.type === "AWS::EC2::EIP") network.elasticIps += 1;
  }
  notes.push(...ctx.notes);
  return importOutcome(region, { services, network, notes, errors, unresolved }, { path: "Resources", message: "has no AWS::ECS::Service to import" });
}
