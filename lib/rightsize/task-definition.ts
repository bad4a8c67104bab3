/**
 * Turn an ECS task definition into a service row of the estimate.
 *
 * Accepts the JSON printed by `aws ecs describe-task-definition` ({ taskDefinition: {...} }) or a
 * register-task-definition input ({ family, containerDefinitions, cpu, memory, ... }), as an object
 * or as JSON text. Pure: never throws; every problem names the field (`taskDefinition.cpu`).
 *
 * Rules (docs/billing-rules.md#task-definition-sizes):
 * - task-level `cpu` may be CPU units (1024 = 1 vCPU) or a vCPU string ("1 vCPU"), `memory` MiB or a
 *   GB string ("2 GB" = 2048 MiB); ECS converts both to integers when the definition is registered.
 * - task-level cpu/memory are the billed size on Fargate; container-level values are optional.
 *   When there is no task-level size (EC2 task definitions) we use the sum over containers
 *   (memory, else memoryReservation), as ECS reserves per container on EC2 (docs/billing-rules.md#ec2-registered-capacity).
 * - ephemeralStorage.sizeInGiB, default 20 GiB (docs/billing-rules.md#ephemeral-storage).
 * Limits are the contract's (SERVICE_LIMITS in lib/schemas/estimate.ts), never copied here.
 */
import { childPath, type FieldError } from "../field-errors";
import { num } from "../format";
import { SERVICE_LIMITS, type Architecture, type OperatingSystem } from "../schemas/estimate";
import { CPU_UNITS_PER_VCPU, FARGATE_INCLUDED_STORAGE_GIB, MIB_PER_GIB } from "../units";

export interface TaskDefinitionService {
  name: string;
  vcpu: number;
  memoryGiB: number;
  architecture: Architecture;
  os: OperatingSystem;
  ephemeralStorageGiB: number;
}

/** A problem in the task definition, with its path (`taskDefinition.cpu`). */
export type TaskDefinitionError = FieldError;

export type TaskDefinitionOutcome =
  | { ok: true; service: TaskDefinitionService; warnings: string[] }
  | { ok: false; errors: TaskDefinitionError[] };

const DEFAULT_EPHEMERAL_GIB = SERVICE_LIMITS.ephemeralStorageGiB.default;
const MAX_EPHEMERAL_GIB = SERVICE_LIMITS.ephemeralStorageGiB.max;
const MIN_VCPU = SERVICE_LIMITS.vcpu.min;
const MAX_VCPU = SERVICE_LIMITS.vcpu.max;
const MIN_MEMORY_GIB = SERVICE_LIMITS.memoryGiB.min;
const MAX_MEMORY_GIB = SERVICE_LIMITS.memoryGiB.max;
const MAX_NAME = SERVICE_LIMITS.nameMaxChars;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** Task or container cpu -> CPU units. Numbers and digit strings are units; "0.5 vCPU" is vCPU. */
export function parseCpuUnits(v: unknown): Parsed {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v <= 0) return { ok: false, message: `must be a positive number of CPU units, got ${String(v)}` };
    return { ok: true, value: v };
  }
  if (typeof v !== "string") return { ok: false, message: `must be CPU units (1024 = 1 vCPU) or a string like "1 vCPU", got ${describe(v)}` };
  const s = v.trim();
  const units = /^(\d+(?:\.\d+)?)$/.exec(s);
  if (units) {
    const n = Number(units[1]);
    return n > 0 ? { ok: true, value: n } : { ok: false, message: `must be more than 0 CPU units, got "${v}"` };
  }
  const vcpu = /^(\d+(?:\.\d+)?|\.\d+)\s*v?cpus?$/i.exec(s);
  if (vcpu) {
    const n = Number(vcpu[1]);
    return n > 0 ? { ok: true, value: n * CPU_UNITS_PER_VCPU } : { ok: false, message: `must be more than 0 vCPU, got "${v}"` };
  }
  return { ok: false, message: `"${v}" is not a CPU size: use CPU units ("1024") or vCPU ("1 vCPU", "0.5 vcpu")` };
}

/** Task or container memory -> MiB. Numbers and digit strings are MiB; "2 GB" / "2 GiB" = 2048 MiB. */
export function parseMemoryMiB(v: unknown): Parsed {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v <= 0) return { ok: false, message: `must be a positive number of MiB, got ${String(v)}` };
    return { ok: true, value: v };
  }
  if (typeof v !== "string") return { ok: false, message: `must be MiB (2048) or a string like "2 GB", got ${describe(v)}` };
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(v.trim());
  if (m) {
    const n = Number(m[1]);
    const unit = (m[2] ?? "").toLowerCase();
    // ECS reads "GB" in task definitions as GiB: "2 GB" registers as 2048 MiB (docs/billing-rules.md#task-definition-sizes).
    const factor = unit === "" || unit === "mb" || unit === "mib" || unit === "m" ? 1 : unit === "gb" || unit === "gib" || unit === "g" ? MIB_PER_GIB : null;
    if (factor !== null) {
      return n > 0 ? { ok: true, value: n * factor } : { ok: false, message: `must be more than 0, got "${v}"` };
    }
  }
  return { ok: false, message: `"${v}" is not a memory size: use MiB ("2048") or GB ("2 GB")` };
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "..." : v}"`;
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}

const NOT_A_TASK_DEFINITION =
  "this is not an ECS task definition: expected the output of `aws ecs describe-task-definition` " +
  '({"taskDefinition": {...}}) or a register-task-definition input (with "family" and "containerDefinitions")';

/**
 * Largest task definition file the pages and the CLI read. ECS itself refuses task definitions above 64 KiB;
 * `describe-task-definition` output adds metadata and pretty-printing, so 1 MiB leaves ample room while keeping
 * a wrong file (a log, an image) from being parsed.
 */
export const MAX_TASK_DEFINITION_BYTES = 1024 * 1024;

/** A task definition file: its size is checked before its text is read, then it is converted. Never throws. */
export function readTaskDefinitionFile(file: { bytes: number; text: () => string | Promise<string> }): Promise<TaskDefinitionOutcome> {
  if (file.bytes > MAX_TASK_DEFINITION_BYTES) {
    return Promise.resolve({
      ok: false,
      errors: [{ path: "(file)", message: `is too large (${file.bytes} bytes; a task definition file is at most ${MAX_TASK_DEFINITION_BYTES} bytes, 1 MiB)` }],
    });
  }
  return Promise.resolve()
    .then(() => file.text())
    .then(
      (text) => serviceFromTaskDefinition(text),
      (e: unknown): TaskDefinitionOutcome => ({ ok: false, errors: [{ path: "(file)", message: `could not be read: ${e instanceof Error ? e.message : String(e)}` }] }),
    );
}

/** The form fields a task definition fills in (both pages keep them as text, like the rest of the form). */
export interface TaskDefinitionFields {
  name: string;
  vcpu: string;
  memoryGiB: string;
  architecture: Architecture;
  os: OperatingSystem;
  ephemeralStorageGiB: string;
}

export function taskDefinitionFields(service: TaskDefinitionService): TaskDefinitionFields {
  return {
    name: service.name,
    vcpu: String(service.vcpu),
    memoryGiB: String(service.memoryGiB),
    architecture: service.architecture,
    os: service.os,
    ephemeralStorageGiB: String(service.ephemeralStorageGiB),
  };
}

/** Read a task definition (object or JSON text) into a service row. Never throws. */
export function serviceFromTaskDefinition(raw: unknown): TaskDefinitionOutcome {
  try {
    return convert(raw);
  } catch (e) {
    // Defensive: convert() has no throwing paths for JSON values, but exotic objects (getters) could.
    return { ok: false, errors: [{ path: "(root)", message: `could not read the task definition: ${(e as Error).message}` }] };
  }
}

function convert(raw: unknown): TaskDefinitionOutcome {
  const errors: TaskDefinitionError[] = [];
  const warnings: string[] = [];
  const fail = (path: string, message: string): TaskDefinitionOutcome => ({ ok: false, errors: [{ path, message }] });

  let value = raw;
  if (typeof value === "string") {
    const text = value.replace(/^\uFEFF/, "");
    if (text.trim() === "") return fail("(root)", "the file is empty");
    try {
      value = JSON.parse(text);
    } catch (e) {
      return fail("(root)", `not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObj(value)) return fail("(root)", `${NOT_A_TASK_DEFINITION}; got ${describe(value)}`);

  let td: Obj = value;
  let base = "";
  if ("taskDefinition" in value) {
    const inner = value.taskDefinition;
    if (!isObj(inner)) return fail("taskDefinition", `must be an object (the task definition), got ${describe(inner)}`);
    td = inner;
    base = "taskDefinition";
  } else if (Array.isArray(value.taskDefinitions)) {
    return fail("taskDefinitions", "holds several task definitions; export one with `aws ecs describe-task-definition --task-definition NAME`");
  }
  const p = (key: string | number) => childPath(base, key);

  const hasShape = "family" in td || "containerDefinitions" in td || "taskDefinitionArn" in td;
  if (!hasShape) return fail(base || "(root)", NOT_A_TASK_DEFINITION);

  // ---- containers
  const containersRaw = td.containerDefinitions;
  let containers: Obj[] = [];
  if (containersRaw !== undefined) {
    if (!Array.isArray(containersRaw)) {
      errors.push({ path: p("containerDefinitions"), message: `must be an array of containers, got ${describe(containersRaw)}` });
    } else {
      containersRaw.forEach((c, i) => {
        if (!isObj(c)) errors.push({ path: `${p("containerDefinitions")}[${i}]`, message: `must be a container object, got ${describe(c)}` });
      });
      containers = containersRaw.filter(isObj);
    }
  }

  // ---- name: family, else the first container's name
  let name: string | null = null;
  if (typeof td.family === "string" && td.family.trim() !== "") name = td.family.trim();
  else if (td.family !== undefined && typeof td.family !== "string") errors.push({ path: p("family"), message: `must be a string, got ${describe(td.family)}` });
  if (name === null) {
    const first = containers[0]?.name;
    if (typeof first === "string" && first.trim() !== "") {
      name = first.trim();
      warnings.push(`No family in the task definition; the service is named after its first container "${name}".`);
    } else {
      name = "task";
      warnings.push('No family or container name in the task definition; the service is named "task".');
    }
  }
  if (name.length > MAX_NAME) {
    warnings.push(`The name "${name}" is longer than ${MAX_NAME} characters and was shortened.`);
    name = name.slice(0, MAX_NAME);
  }

  // ---- cpu
  let cpuUnits: number | null = null;
  if (td.cpu !== undefined && td.cpu !== null && td.cpu !== "") {
    const r = parseCpuUnits(td.cpu);
    if (r.ok) cpuUnits = r.value;
    else errors.push({ path: p("cpu"), message: r.message });
  }
  let memoryMiB: number | null = null;
  if (td.memory !== undefined && td.memory !== null && td.memory !== "") {
    const r = parseMemoryMiB(td.memory);
    if (r.ok) memoryMiB = r.value;
    else errors.push({ path: p("memory"), message: r.message });
  }

  // ---- container sums when there is no task-level size
  const cpuMissing = cpuUnits === null && !errors.some((e) => e.path === p("cpu"));
  const memMissing = memoryMiB === null && !errors.some((e) => e.path === p("memory"));
  if (cpuMissing || memMissing) {
    let cpuSum = 0;
    let memSum = 0;
    let memCounted = 0;
    containers.forEach((c, i) => {
      const cp = `${p("containerDefinitions")}[${i}]`;
      if (cpuMissing && c.cpu !== undefined && c.cpu !== null && c.cpu !== 0) {
        const r = parseCpuUnits(c.cpu);
        if (r.ok) cpuSum += r.value;
        else errors.push({ path: `${cp}.cpu`, message: r.message });
      }
      if (memMissing) {
        // A container's hard limit (memory) reserves that much; else its soft limit (memoryReservation).
        const key = c.memory !== undefined && c.memory !== null ? "memory" : c.memoryReservation !== undefined && c.memoryReservation !== null ? "memoryReservation" : null;
        if (key === null) return;
        const r = parseMemoryMiB(c[key]);
        if (r.ok) {
          memSum += r.value;
          memCounted++;
        } else errors.push({ path: `${cp}.${key}`, message: r.message });
      }
    });
    if (cpuMissing) {
      if (cpuSum > 0) {
        cpuUnits = cpuSum;
        warnings.push(`No task-level cpu: using the sum of the containers' cpu, ${fmt(cpuSum)} CPU units (${fmt(cpuSum / CPU_UNITS_PER_VCPU)} vCPU). Fargate requires a task-level size.`);
      } else {
        errors.push({ path: p("cpu"), message: "is missing, and no container sets cpu: set the task-level cpu (e.g. \"1024\" or \"1 vCPU\")" });
      }
    }
    if (memMissing) {
      if (memCounted > 0) {
        memoryMiB = memSum;
        const some = memCounted < containers.length ? ` (${containers.length - memCounted} of ${containers.length} containers set neither memory nor memoryReservation)` : "";
        warnings.push(`No task-level memory: using the sum of the containers' memory (or memoryReservation), ${fmt(memSum)} MiB${some}. Fargate requires a task-level size.`);
      } else {
        errors.push({ path: p("memory"), message: "is missing, and no container sets memory or memoryReservation: set the task-level memory (e.g. \"2048\" or \"2 GB\")" });
      }
    }
  }

  // ---- compatibilities
  const compat = td.requiresCompatibilities ?? td.compatibilities;
  if (compat !== undefined) {
    const key = td.requiresCompatibilities !== undefined ? "requiresCompatibilities" : "compatibilities";
    if (!Array.isArray(compat) || !compat.every((c) => typeof c === "string")) {
      errors.push({ path: p(key), message: `must be a list such as ["FARGATE"], got ${describe(compat)}` });
    } else {
      const upper = compat.map((c) => c.toUpperCase());
      const unknown = upper.filter((c) => !["FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES"].includes(c));
      if (unknown.length) warnings.push(`Unknown launch type(s) in ${p(key)}: ${unknown.join(", ")}.`);
      if (key === "requiresCompatibilities" && upper.length > 0 && !upper.includes("FARGATE")) {
        warnings.push(`The task definition requires ${upper.join(", ")}, not FARGATE: Fargate prices are shown for comparison at the nearest valid Fargate size.`);
      }
    }
  }

  // ---- runtime platform
  let architecture: Architecture = "x86_64";
  let os: OperatingSystem = "linux";
  const rp = td.runtimePlatform;
  if (rp !== undefined && rp !== null) {
    if (!isObj(rp)) errors.push({ path: p("runtimePlatform"), message: `must be an object, got ${describe(rp)}` });
    else {
      const arch = rp.cpuArchitecture;
      if (arch !== undefined && arch !== null) {
        const a = typeof arch === "string" ? arch.toUpperCase() : null;
        if (a === "X86_64") architecture = "x86_64";
        else if (a === "ARM64") architecture = "arm64";
        else errors.push({ path: `${p("runtimePlatform")}.cpuArchitecture`, message: `must be X86_64 or ARM64, got ${describe(arch)}` });
      }
      const fam = rp.operatingSystemFamily;
      if (fam !== undefined && fam !== null) {
        const f = typeof fam === "string" ? fam.toUpperCase() : null;
        if (f === "LINUX") os = "linux";
        else if (f !== null && f.startsWith("WINDOWS_SERVER_")) os = "windows";
        else errors.push({ path: `${p("runtimePlatform")}.operatingSystemFamily`, message: `must be LINUX or WINDOWS_SERVER_<version>_<FULL|CORE>, got ${describe(fam)}` });
      }
      if (os === "windows" && architecture === "arm64") {
        errors.push({ path: `${p("runtimePlatform")}.cpuArchitecture`, message: "Windows containers run on X86_64 only; ARM64 with a Windows operating system family is not a valid ECS runtime platform" });
      }
    }
  }

  // ---- ephemeral storage (docs/billing-rules.md#ephemeral-storage: 20 GiB included, at most 200 GiB)
  let ephemeralStorageGiB: number = DEFAULT_EPHEMERAL_GIB;
  const es = td.ephemeralStorage;
  if (es !== undefined && es !== null) {
    const size = isObj(es) ? es.sizeInGiB : undefined;
    const n = typeof size === "string" && /^\d+$/.test(size.trim()) ? Number(size) : size;
    if (typeof n !== "number" || !Number.isInteger(n)) {
      errors.push({ path: `${p("ephemeralStorage")}.sizeInGiB`, message: `must be a whole number of GiB between ${DEFAULT_EPHEMERAL_GIB} and ${MAX_EPHEMERAL_GIB}, got ${describe(size)}` });
    } else if (n > MAX_EPHEMERAL_GIB) {
      errors.push({ path: `${p("ephemeralStorage")}.sizeInGiB`, message: `must be at most ${MAX_EPHEMERAL_GIB} GiB (the Fargate maximum), got ${n}` });
    } else if (n < DEFAULT_EPHEMERAL_GIB) {
      warnings.push(`ephemeralStorage.sizeInGiB ${n} is below the ${FARGATE_INCLUDED_STORAGE_GIB} GiB every Fargate task gets; using ${FARGATE_INCLUDED_STORAGE_GIB} GiB.`);
    } else {
      ephemeralStorageGiB = n;
    }
  }

  if (errors.length === 0 && cpuUnits !== null && memoryMiB !== null) {
    const vcpu = cpuUnits / CPU_UNITS_PER_VCPU;
    const memoryGiB = memoryMiB / MIB_PER_GIB;
    if (vcpu < MIN_VCPU || vcpu > MAX_VCPU) {
      errors.push({ path: p("cpu"), message: `${fmt(cpuUnits)} CPU units = ${fmt(vcpu)} vCPU is outside ${MIN_VCPU}-${MAX_VCPU} vCPU (${MIN_VCPU * CPU_UNITS_PER_VCPU}-${MAX_VCPU * CPU_UNITS_PER_VCPU} units)` });
    }
    if (memoryGiB < MIN_MEMORY_GIB || memoryGiB > MAX_MEMORY_GIB) {
      errors.push({ path: p("memory"), message: `${fmt(memoryMiB)} MiB is outside ${MIN_MEMORY_GIB * MIB_PER_GIB}-${MAX_MEMORY_GIB * MIB_PER_GIB} MiB` });
    }
    if (errors.length === 0) {
      if (os === "windows" && ephemeralStorageGiB > DEFAULT_EPHEMERAL_GIB) {
        warnings.push(`Windows tasks on Fargate get a fixed ${FARGATE_INCLUDED_STORAGE_GIB} GiB of ephemeral storage (docs/billing-rules.md#ephemeral-storage); the larger size is kept as requested.`);
      }
      return { ok: true, service: { name, vcpu, memoryGiB, architecture, os, ephemeralStorageGiB }, warnings };
    }
  }
  if (errors.length === 0) errors.push({ path: base || "(root)", message: "has no usable cpu/memory size" });
  return { ok: false, errors };
}

const fmt = (n: number) => num(n, 4);
