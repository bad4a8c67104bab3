/**
 * Terraform plan import (docs/iac-import.md): the JSON of `terraform show -json plan.tfplan` -> an estimate input.
 *
 * Read: aws_ecs_service (desired_count, capacity_provider_strategy, launch_type, network_configuration
 * assign_public_ip), aws_ecs_task_definition (cpu/memory at task or container level, container_definitions as a
 * JSON string, runtime_platform, ephemeral_storage, requires_compatibilities), aws_ecs_cluster_capacity_providers
 * (the default strategy), aws_ecs_capacity_provider (EC2 Auto Scaling groups: named in a note), aws_lb,
 * aws_nat_gateway, aws_eip. Resources the plan deletes are left out.
 * A service finds its task definition through the configuration's references (the ARN is unknown until apply
 * when both are created together), else through a known family name. Values unknown until apply are reported
 * in `unresolved`; where a default is used instead, the note says which.
 */
import type { FieldError } from "../field-errors";
import { describeValue, fileTextErrors, importOutcome, importSafely, isObj, isWholeUpTo, noteEc2CapacityProviders, readStrategyItems, regionErrors, serviceCapacity, sizeFromTaskDefinition, uniqueName, type EcsTaskDefinitionShape, type IacImportOutcome, type ImportedNetwork, type ImportedService, type Obj, type StrategyItem } from "./iac-common";

interface PlannedResource {
  address: string;
  /** "module.app" or "" for the root module. */
  module: string;
  type: string;
  name: string;
  values: Obj;
  /** after_unknown: true where the value is known only after apply. */
  unknown: unknown;
}

export interface TerraformImportOptions {
  /** Overrides the provider's region (and is required when the plan does not state it). */
  region?: string;
}

const TD_FIELDS: Partial<Record<string, string>> = {
  cpu: "cpu",
  memory: "memory",
  containerDefinitions: "container_definitions",
  runtimePlatform: "runtime_platform[0]",
  ephemeralStorage: "ephemeral_storage[0]",
  requiresCompatibilities: "requires_compatibilities",
  family: "family",
};

function isUnknown(unknown: unknown, key: string): boolean {
  return isObj(unknown) && unknown[key] === true;
}

/** Every resource the applied plan will hold, with what is known about it. */
function plannedResources(plan: Obj, errors: FieldError[]): PlannedResource[] {
  const out: PlannedResource[] = [];
  const changes = plan.resource_changes;
  if (Array.isArray(changes)) {
    changes.forEach((rc, i) => {
      if (!isObj(rc)) {
        errors.push({ path: `resource_changes[${i}]`, message: `must be an object, got ${describeValue(rc)}` });
        return;
      }
      if (rc.mode !== undefined && rc.mode !== "managed") return;
      const change = rc.change;
      if (!isObj(change) || typeof rc.address !== "string" || typeof rc.type !== "string") {
        errors.push({ path: `resource_changes[${i}]`, message: "must have address, type and change (the format of terraform show -json)" });
        return;
      }
      const actions = Array.isArray(change.actions) ? change.actions : [];
      if (actions.length === 1 && actions[0] === "delete") return;
      const after = change.after;
      if (!isObj(after)) return;
      out.push({
        address: rc.address,
        module: typeof rc.module_address === "string" ? rc.module_address : "",
        type: rc.type,
        name: typeof rc.name === "string" ? rc.name : rc.address,
        values: after,
        unknown: change.after_unknown,
      });
    });
    return out;
  }
  // A plan without resource_changes (or `terraform show -json` of a state): planned_values' modules.
  const walk = (mod: unknown, path: string) => {
    if (!isObj(mod)) return;
    const resources = Array.isArray(mod.resources) ? mod.resources : [];
    resources.forEach((r, i) => {
      if (!isObj(r) || typeof r.address !== "string" || typeof r.type !== "string" || !isObj(r.values)) {
        errors.push({ path: `${path}.resources[${i}]`, message: "must have address, type and values" });
        return;
      }
      if (r.mode !== undefined && r.mode !== "managed") return;
      out.push({ address: r.address, module: typeof mod.address === "string" ? mod.address : "", type: r.type, name: typeof r.name === "string" ? r.name : r.address, values: r.values, unknown: undefined });
    });
    const children = Array.isArray(mod.child_modules) ? mod.child_modules : [];
    children.forEach((c, i) => walk(c, `${path}.child_modules[${i}]`));
  };
  const pv = plan.planned_values ?? (isObj(plan.values) ? plan.values : undefined);
  if (isObj(pv)) walk(pv.root_module, "planned_values.root_module");
  return out;
}

/** The configuration block of a module ("module.app.module.db" -> root_module.module_calls.app.module.module_calls.db.module). */
function configModule(plan: Obj, modulePath: string): Obj | null {
  const config = plan.configuration;
  if (!isObj(config)) return null;
  let mod: unknown = config.root_module;
  if (!modulePath) return isObj(mod) ? mod : null;
  for (const part of modulePath.split(".").filter((p, i) => i % 2 === 1)) {
    const name = part.replace(/\[.*\]$/, "");
    if (!isObj(mod) || !isObj(mod.module_calls)) return null;
    const call = mod.module_calls[name];
    mod = isObj(call) ? call.module : null;
  }
  return isObj(mod) ? mod : null;
}

/** The references of one attribute in the configuration ("aws_ecs_task_definition.api.arn", ...). */
function configReferences(plan: Obj, resource: PlannedResource, attribute: string): string[] {
  const mod = configModule(plan, resource.module);
  if (!mod || !Array.isArray(mod.resources)) return [];
  const baseAddress = resource.address.replace(/^(module\.[^.]+(\[[^\]]*\])?\.)+/, "").replace(/\[[^\]]*\]$/, "");
  const conf = mod.resources.find((r) => isObj(r) && r.address === baseAddress);
  if (!isObj(conf) || !isObj(conf.expressions)) return [];
  const expr = conf.expressions[attribute];
  return isObj(expr) && Array.isArray(expr.references) ? expr.references.filter((r): r is string => typeof r === "string") : [];
}

/** The AWS provider's region: a constant, or a variable's value from the plan. */
function planRegion(plan: Obj): string | null {
  const config = plan.configuration;
  if (!isObj(config) || !isObj(config.provider_config)) return null;
  for (const [key, provider] of Object.entries(config.provider_config)) {
    if (!isObj(provider) || (provider.name !== "aws" && key !== "aws") || provider.alias !== undefined) continue;
    const expressions = provider.expressions;
    if (!isObj(expressions) || !isObj(expressions.region)) continue;
    const region = expressions.region;
    if (typeof region.constant_value === "string") return region.constant_value;
    const refs = Array.isArray(region.references) ? region.references : [];
    const variable = refs.find((r): r is string => typeof r === "string" && r.startsWith("var."));
    const vars = plan.variables;
    if (variable && isObj(vars)) {
      const v = vars[variable.slice(4)];
      if (isObj(v) && typeof v.value === "string") return v.value;
    }
  }
  return null;
}

function firstBlock(value: unknown): Obj | null {
  if (Array.isArray(value)) return isObj(value[0]) ? value[0] : null;
  return isObj(value) ? value : null;
}

/** aws_ecs_task_definition values -> the ECS register-task-definition shape. */
function taskDefinitionShape(r: PlannedResource, unresolved: FieldError[]): EcsTaskDefinitionShape | null {
  const v = r.values;
  for (const key of ["cpu", "memory", "container_definitions"]) {
    if (isUnknown(r.unknown, key)) {
      unresolved.push({ path: `${r.address}.${key}`, message: "is known only after apply: the task definition cannot be sized from this plan" });
      return null;
    }
  }
  let containers: unknown = undefined;
  if (typeof v.container_definitions === "string") {
    try {
      containers = JSON.parse(v.container_definitions);
    } catch (error) {
      unresolved.push({ path: `${r.address}.container_definitions`, message: `is not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : "parse error"})` });
      return null;
    }
  } else if (v.container_definitions !== undefined && v.container_definitions !== null) {
    unresolved.push({ path: `${r.address}.container_definitions`, message: `must be a JSON string (as the aws provider stores it), got ${describeValue(v.container_definitions)}` });
    return null;
  }
  const rp = firstBlock(v.runtime_platform);
  const es = firstBlock(v.ephemeral_storage);
  return {
    family: typeof v.family === "string" ? v.family : r.name,
    cpu: v.cpu ?? undefined,
    memory: v.memory ?? undefined,
    containerDefinitions: containers,
    ...(rp ? { runtimePlatform: { cpuArchitecture: rp.cpu_architecture ?? undefined, operatingSystemFamily: rp.operating_system_family ?? undefined } } : {}),
    // An empty ephemeral_storage block (no size_in_gib) is the default 20 GiB.
    ...(es && es.size_in_gib !== undefined && es.size_in_gib !== null ? { ephemeralStorage: { sizeInGiB: es.size_in_gib } } : {}),
    ...(Array.isArray(v.requires_compatibilities) ? { requiresCompatibilities: v.requires_compatibilities } : {}),
  };
}

function strategyItems(value: unknown, path: string, errors: FieldError[]): StrategyItem[] {
  if (value === undefined || value === null) return [];
  return readStrategyItems(Array.isArray(value) ? value : [value], path, { provider: "capacity_provider", base: "base", weight: "weight" }, errors);
}

export function importTerraformPlan(text: string, options: TerraformImportOptions = {}): IacImportOutcome {
  // Defensive: the converter only reads JSON values; nothing in it is expected to throw.
  return importSafely("a Terraform plan", () => convert(text, options));
}

function convert(text: string, options: TerraformImportOptions): IacImportOutcome {
  const fileErrors = fileTextErrors(text, "is empty: give the output of terraform show -json plan.tfplan");
  if (fileErrors) return { ok: false, errors: fileErrors };
  let plan: unknown;
  try {
    plan = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const hint = /^\s*(resource|provider|terraform|variable|module)\b/.test(text) ? " (this looks like Terraform source; run terraform plan -out plan.tfplan && terraform show -json plan.tfplan)" : "";
    return { ok: false, errors: [{ path: "(file)", message: `is not valid JSON (${error instanceof Error ? error.message.slice(0, 160) : "parse error"})${hint}` }] };
  }
  if (!isObj(plan)) return { ok: false, errors: [{ path: "(root)", message: `must be the JSON object of terraform show -json, got ${describeValue(plan)}` }] };
  if (!("resource_changes" in plan) && !("planned_values" in plan) && !("values" in plan)) {
    return { ok: false, errors: [{ path: "(root)", message: "is not a Terraform plan: it has no resource_changes or planned_values (give the output of terraform show -json plan.tfplan)" }] };
  }
  const errors: FieldError[] = [];
  const unresolved: FieldError[] = [];
  const notes: string[] = [];
  const resources = plannedResources(plan, errors);
  if (errors.length > 0) return { ok: false, errors };

  // ---- region
  const region = options.region ?? planRegion(plan);
  if (!region) {
    return { ok: false, errors: [{ path: "configuration.provider_config.aws.expressions.region", message: "the plan does not state the AWS provider's region as a constant or a variable: give it (CLI --region, or the region field)" }] };
  }
  const badRegion = regionErrors(region);
  if (badRegion) return { ok: false, errors: badRegion };

  // ---- task definitions, by address and by family
  const taskDefs = new Map<string, { resource: PlannedResource; shape: EcsTaskDefinitionShape | null }>();
  const byFamily = new Map<string, string>();
  for (const r of resources.filter((x) => x.type === "aws_ecs_task_definition")) {
    const shape = taskDefinitionShape(r, unresolved);
    taskDefs.set(r.address, { resource: r, shape });
    if (typeof r.values.family === "string") byFamily.set(r.values.family, r.address);
  }
  const usedTaskDefs = new Set<string>();

  // ---- a cluster's default strategy (one aws_ecs_cluster_capacity_providers): services without their own
  const clusterDefaults = resources.filter((x) => x.type === "aws_ecs_cluster_capacity_providers");
  let defaultStrategy: StrategyItem[] = [];
  if (clusterDefaults.length === 1) {
    const c = clusterDefaults[0] as PlannedResource;
    defaultStrategy = strategyItems(c.values.default_capacity_provider_strategy, `${c.address}.default_capacity_provider_strategy`, errors);
  } else if (clusterDefaults.length > 1) {
    notes.push(`${clusterDefaults.length} aws_ecs_cluster_capacity_providers: their default strategies are not applied (say each service's capacity_provider_strategy to price it).`);
  }
  const ec2Providers = resources.filter((x) => x.type === "aws_ecs_capacity_provider").map((x) => x.address);
  noteEc2CapacityProviders(ec2Providers, notes);

  // ---- services
  const taken = new Set<string>();
  const services: ImportedService[] = [];
  for (const r of resources.filter((x) => x.type === "aws_ecs_service")) {
    const v = r.values;
    // Which task definition: a configuration reference (the ARN is unknown when created together), else the value.
    const refs = configReferences(plan, r, "task_definition");
    const prefix = r.module ? `${r.module}.` : "";
    let tdAddress = refs.map((ref) => prefix + ref.replace(/\.(arn|arn_without_revision|family|revision|id)$/, "")).find((a) => taskDefs.has(a) || [...taskDefs.keys()].some((k) => k.startsWith(`${a}[`)));
    if (tdAddress && !taskDefs.has(tdAddress)) tdAddress = [...taskDefs.keys()].find((k) => k.startsWith(`${tdAddress}[`));
    if (!tdAddress && typeof v.task_definition === "string") {
      const family = v.task_definition.replace(/^arn:[^/]*\//, "").replace(/:\d+$/, "");
      tdAddress = byFamily.get(family);
      if (!tdAddress) {
        unresolved.push({ path: `${r.address}.task_definition`, message: `names ${describeValue(v.task_definition)}, which is not a task definition in this plan: the service is not imported (import that task definition as JSON, or add it by hand)` });
        continue;
      }
    }
    if (!tdAddress) {
      unresolved.push({ path: `${r.address}.task_definition`, message: isUnknown(r.unknown, "task_definition") ? "is known only after apply and the configuration names no task definition of this plan: the service is not imported" : "is missing: the service is not imported" });
      continue;
    }
    usedTaskDefs.add(tdAddress);
    const td = taskDefs.get(tdAddress) as { resource: PlannedResource; shape: EcsTaskDefinitionShape | null };
    if (!td.shape) {
      unresolved.push({ path: r.address, message: `is not imported: its task definition ${tdAddress} cannot be sized (see above)` });
      continue;
    }
    const size = sizeFromTaskDefinition(td.shape, tdAddress, TD_FIELDS, errors, notes);
    if (!size) continue;

    // desired_count: known, unknown (reported), or absent (the provider's default, 0)
    let tasks: number;
    if (isUnknown(r.unknown, "desired_count")) {
      tasks = 1;
      unresolved.push({ path: `${r.address}.desired_count`, message: "is known only after apply: priced at 1 task; set the tasks on the form" });
    } else if (v.scheduling_strategy === "DAEMON") {
      tasks = 1;
      notes.push(`${r.address}: a DAEMON service runs one task per container instance; priced at 1 task: set the number of instances as its tasks.`);
    } else if (v.desired_count === undefined || v.desired_count === null) {
      tasks = 0;
      notes.push(`${r.address}: no desired_count (the provider's default is 0, e.g. when autoscaling sets it): priced at 0 tasks; set the tasks on the form.`);
    } else if (!isWholeUpTo(v.desired_count, 100_000)) {
      errors.push({ path: `${r.address}.desired_count`, message: `must be a whole number 0-100000, got ${describeValue(v.desired_count)}` });
      continue;
    } else tasks = v.desired_count;

    const own = strategyItems(v.capacity_provider_strategy, `${r.address}.capacity_provider_strategy`, errors);
    const launchType = typeof v.launch_type === "string" && v.launch_type !== "" ? v.launch_type : null;
    const contract = serviceCapacity(own, launchType, defaultStrategy, r.address, notes);
    const net = firstBlock(v.network_configuration);
    const publicIp = net?.assign_public_ip === true;
    const serviceName = typeof v.name === "string" && v.name.trim() !== "" ? v.name : r.name;
    services.push({ name: uniqueName(serviceName, taken), source: r.address, size, tasks, ...contract, publicIp });
  }
  for (const [address, td] of taskDefs) {
    if (!usedTaskDefs.has(address) && td.shape) notes.push(`${address} is used by no aws_ecs_service in this plan (a one-off or scheduled task?): not imported; add it by hand with its schedule.`);
  }

  // ---- network
  const network: ImportedNetwork = { loadBalancers: [], natGateways: 0, elasticIps: 0 };
  for (const r of resources) {
    if (r.type === "aws_lb" || r.type === "aws_alb") {
      const type = r.values.load_balancer_type ?? "application";
      if (type === "application" || type === "network") network.loadBalancers.push({ name: r.address, type: type === "application" ? "alb" : "nlb" });
      else notes.push(`${r.address}: load balancer type ${describeValue(type)} is not priced by this estimator.`);
    } else if (r.type === "aws_nat_gateway") network.natGateways += 1;
    else if (r.type === "aws_eip") network.elasticIps += 1;
  }

  return importOutcome(region, { services, network, notes, errors, unresolved }, { path: "resource_changes", message: "has no aws_ecs_service to import (and no service could be sized)" });
}
