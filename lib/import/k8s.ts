/**
 * Kubernetes manifests (multi-document YAML or JSON) -> an estimate input with orchestrator "eks": one service
 * per workload (Deployment, StatefulSet, ReplicaSet, ReplicationController, DaemonSet, Job, CronJob, Pod, and
 * the items of a List), its containers' requests, tasks = replicas, usage from the kind (continuous, or a
 * CronJob's schedule), and notes saying what was assumed or skipped. Rules and defaults:
 * docs/kubernetes-import.md. Pure (no I/O, no clock); never throws: bad input is a list of FieldErrors whose
 * path names the document and the field, e.g.
 * "documents[1] (CronJob/report).spec.jobTemplate.spec.template.spec.containers[0].resources.requests.cpu".
 */
import { cronUsage } from "./cron";
import { BYTES_PER_GIB, parseBytes, parseCpuMillicores } from "./quantity";
import { readYamlDocuments, type YamlDocument } from "./yaml-documents";
import { FARGATE_INCLUDED_STORAGE_GIB, HOURS_PER_MONTH } from "../units";
import { MAX_SERVICES, parseEstimateInput, SERVICE_LIMITS, type EstimateInputRaw, type FieldError } from "../schemas/estimate";

/** Nodes a DaemonSet is priced on when the user does not say (one pod per node). */
export const DEFAULT_DAEMONSET_NODES = 3;
/** How long one pod of a Job runs when the manifest does not bound it (activeDeadlineSeconds). */
export const DEFAULT_JOB_RUN_SECONDS = 600;
export const DEFAULT_IMPORT_REGION = "us-east-1";

export interface K8sImportOptions {
  region?: string;
  catalog?: string;
  /** Nodes each DaemonSet runs on (default DEFAULT_DAEMONSET_NODES). */
  daemonSetNodes?: number;
  /** Seconds one Job pod runs when activeDeadlineSeconds is not set (default DEFAULT_JOB_RUN_SECONDS). */
  jobRunSeconds?: number;
}

export type RawService = EstimateInputRaw["services"][number];
export type K8sImportOutcome = { ok: true; input: EstimateInputRaw; notes: string[] } | { ok: false; errors: FieldError[] };

type Key = string | number;
type Obj = Record<string, unknown>;

const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DaemonSet", "Job", "CronJob", "Pod"] as const;
type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Why a kind that runs no containers is skipped; anything not listed gets the generic sentence. */
const SKIPPED_WHY: Record<string, string> = {
  Service: "a Service runs no pods; a LoadBalancer Service's load balancer can be added under Network and logs",
  Ingress: "an Ingress runs no pods; its load balancer (ALB) can be added under Network and logs",
  ConfigMap: "a ConfigMap has no compute cost",
  Secret: "a Secret has no compute cost",
  PersistentVolumeClaim: "EBS volumes are not priced by this estimator",
  Namespace: "a Namespace has no compute cost",
  ServiceAccount: "a ServiceAccount has no compute cost",
  PodDisruptionBudget: "a PodDisruptionBudget has no compute cost",
  NetworkPolicy: "a NetworkPolicy has no compute cost",
};

const MAX_NOTES = 400;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

function formatKeys(keys: ReadonlyArray<Key>): string {
  return keys.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("");
}

/** One Kubernetes object inside a document: where its fields are, for paths and line numbers. */
interface Where {
  doc: YamlDocument;
  /** "documents[1] (CronJob/report)" or "documents[0] (List).items[2] (Deployment/web)". */
  label: string;
  /** Keys from the document root to this object ([] or ["items", 2]). */
  base: Key[];
}

class Collector {
  errors: FieldError[] = [];
  notes: string[] = [];

  error(at: Where, rel: ReadonlyArray<Key>, message: string): void {
    if (this.errors.length >= 100) return;
    const line = at.doc.lineOf([...at.base, ...rel]);
    this.errors.push({ path: `${at.label}${formatKeys(rel)}`, message: line === null ? message : `${message} (line ${line})` });
  }

  note(at: Where | string, text: string): void {
    if (this.notes.length < MAX_NOTES) this.notes.push(`${typeof at === "string" ? at : at.label}: ${text}`);
  }
}

/** A whole number from the manifest (replicas, completions, ...), with its default when absent. */
function readCount(c: Collector, at: Where, rel: Key[], value: unknown, fallback: number, max: number): number | null {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    c.error(at, rel, `must be a whole number, got ${describe(value)}`);
    return null;
  }
  if (value < 0) {
    c.error(at, rel, `must be >= 0, got ${value}`);
    return null;
  }
  if (value > max) {
    c.error(at, rel, `must be <= ${max} (the estimator's limit), got ${value}`);
    return null;
  }
  return value;
}

function getObj(c: Collector, at: Where, rel: Key[], value: unknown, what: string): Obj | null {
  if (isObj(value)) return value;
  c.error(at, rel, value === undefined || value === null ? `must be set (${what})` : `must be a mapping (${what}), got ${describe(value)}`);
  return null;
}

interface ContainerOut {
  name: string;
  vcpu: number;
  memoryGiB: number;
  init: boolean;
  /** The container's ephemeral-storage request (GiB, exact): on EKS Fargate it decides the pod's storage. */
  ephemeralStorageGiB?: number;
}

/** One container's requests in whole units. */
interface Requests {
  millicores: number;
  bytes: number;
  storageBytes: number;
}
/** Init containers run one at a time before the others; app containers (and native sidecars) run together. */
interface Totals {
  app: Requests[];
  init: Requests[];
}

interface PodOut {
  containers: ContainerOut[];
  millicores: number;
  bytes: number;
  storageBytes: number;
  architecture?: "x86_64" | "arm64";
  os?: "linux" | "windows";
}

/** One resource of a container: its request, or its limit when only the limit is set (the Kubernetes rule). */
function containerResource(
  c: Collector,
  at: Where,
  rel: Key[],
  resources: Obj | null,
  resource: "cpu" | "memory" | "ephemeral-storage",
): { amount: number; from: "requests" | "limits" | "none" } | null {
  if (!resources) return { amount: 0, from: "none" };
  for (const from of ["requests", "limits"] as const) {
    const group = resources[from];
    if (group === undefined || group === null) continue;
    if (!isObj(group)) {
      c.error(at, [...rel, "resources", from], `must be a mapping of resource names to quantities, got ${describe(group)}`);
      return null;
    }
    const raw = group[resource];
    if (raw === undefined || raw === null) continue;
    const path = [...rel, "resources", from, resource];
    if (resource === "cpu") {
      const cpu = parseCpuMillicores(raw);
      if (!cpu.ok) {
        c.error(at, path, cpu.message);
        return null;
      }
      if (cpu.millicores > SERVICE_LIMITS.vcpu.max * 1000) {
        c.error(at, path, `is ${cpu.millicores / 1000} vCPU; the estimator's limit is ${SERVICE_LIMITS.vcpu.max}${typeof raw === "string" && /^\d+$/.test(raw.trim()) ? ` (did you mean ${raw.trim()}m?)` : ""}`);
        return null;
      }
      return { amount: cpu.millicores, from };
    }
    const bytes = parseBytes(raw);
    if (!bytes.ok) {
      c.error(at, path, bytes.message);
      return null;
    }
    const maxGiB = resource === "memory" ? SERVICE_LIMITS.memoryGiB.max : SERVICE_LIMITS.ephemeralStorageGiB.max;
    if (bytes.bytes > maxGiB * BYTES_PER_GIB) {
      c.error(at, path, `is ${Math.round((bytes.bytes / BYTES_PER_GIB) * 100) / 100} GiB; the estimator's limit is ${maxGiB} GiB`);
      return null;
    }
    if (resource === "memory" && bytes.bytes > 0 && bytes.bytes < 2 ** 20) {
      c.note(at, `${formatKeys(path).slice(1)} is ${bytes.bytes} bytes, less than 1 MiB: was Mi or Gi left out?`);
    }
    return { amount: bytes.bytes, from };
  }
  return { amount: 0, from: "none" };
}

function readContainers(c: Collector, at: Where, podRel: Key[], list: unknown, field: "containers" | "initContainers", out: ContainerOut[], totals: Totals): boolean {
  const rel = [...podRel, field];
  if (list === undefined || list === null) {
    if (field === "initContainers") return true;
    c.error(at, rel, "must list at least one container");
    return false;
  }
  if (!Array.isArray(list)) {
    c.error(at, rel, `must be a list of containers, got ${describe(list)}`);
    return false;
  }
  if (field === "containers" && list.length === 0) {
    c.error(at, rel, "must list at least one container");
    return false;
  }
  let ok = true;
  list.forEach((item, i) => {
    const crel = [...rel, i];
    if (!isObj(item)) {
      c.error(at, crel, `must be a container (a mapping with name, image, resources), got ${describe(item)}`);
      ok = false;
      return;
    }
    const name = item.name;
    if (typeof name !== "string" || name.trim() === "") {
      c.error(at, [...crel, "name"], name === undefined ? "must be set (every container has a name)" : `must be a non-empty string, got ${describe(name)}`);
      ok = false;
      return;
    }
    if (name.length > 253) {
      c.error(at, [...crel, "name"], `must be at most 253 characters, got ${name.length}`);
      ok = false;
      return;
    }
    const resources = item.resources === undefined || item.resources === null ? null : getObj(c, at, [...crel, "resources"], item.resources, "requests and limits");
    if (item.resources !== undefined && item.resources !== null && !resources) {
      ok = false;
      return;
    }
    // One problem per container is enough (a broken requests mapping would otherwise be reported per resource).
    const cpu = containerResource(c, at, crel, resources, "cpu");
    const memory = cpu && containerResource(c, at, crel, resources, "memory");
    const storage = memory && containerResource(c, at, crel, resources, "ephemeral-storage");
    if (!cpu || !memory || !storage) {
      ok = false;
      return;
    }
    // A native sidecar (an init container with restartPolicy Always) keeps running beside the app containers.
    const sidecar = field === "initContainers" && item.restartPolicy === "Always";
    const init = field === "initContainers" && !sidecar;
    if (sidecar) c.note(at, `init container "${name}" has restartPolicy Always (a native sidecar): counted with the app containers, not as an init container`);
    if (cpu.from === "none" && memory.from === "none") c.note(at, `${init ? "init container" : "container"} "${name}" requests no CPU or memory: counted as 0`);
    else {
      const fromLimits = [cpu.from === "limits" ? "CPU" : null, memory.from === "limits" ? "memory" : null].filter((r) => r !== null);
      if (fromLimits.length > 0) c.note(at, `container "${name}" sets a ${fromLimits.join(" and ")} limit but no request: Kubernetes uses the limit as the request`);
    }
    const container: ContainerOut = { name: name.trim(), vcpu: cpu.amount / 1000, memoryGiB: memory.amount / BYTES_PER_GIB, init };
    // Kept per container (docs/billing-rules.md#eks-fargate-storage): EKS Fargate provisions the pod's requests + 10% + 5 GiB.
    if (storage.from !== "none" && storage.amount > 0) container.ephemeralStorageGiB = storage.amount / BYTES_PER_GIB;
    out.push(container);
    (init ? totals.init : totals.app).push({ millicores: cpu.amount, bytes: memory.amount, storageBytes: storage.amount });
  });
  return ok;
}

/** A pod spec -> its containers and effective requests: the larger of the largest init container and the sum of the others. */
function readPodSpec(c: Collector, at: Where, podRel: Key[], spec: unknown): PodOut | null {
  const pod = getObj(c, at, podRel, spec, "the pod spec, with containers");
  if (!pod) return null;
  const containers: ContainerOut[] = [];
  const totals: Totals = { app: [], init: [] };
  const okInit = readContainers(c, at, podRel, pod.initContainers, "initContainers", containers, totals);
  const okApp = readContainers(c, at, podRel, pod.containers, "containers", containers, totals);
  if (!okInit || !okApp) return null;
  if (containers.length > 50) {
    c.error(at, [...podRel, "containers"], `a pod with ${containers.length} containers (init included) is above the estimator's limit of 50`);
    return null;
  }
  const effective = (resource: keyof Requests) =>
    Math.max(
      totals.app.reduce((sum, r) => sum + r[resource], 0),
      totals.init.reduce((max, r) => Math.max(max, r[resource]), 0),
    );
  const out: PodOut = { containers, millicores: effective("millicores"), bytes: effective("bytes"), storageBytes: effective("storageBytes") };
  if (totals.init.length > 0) {
    const gib = (bytes: number) => `${Math.round((bytes / BYTES_PER_GIB) * 1000) / 1000} GiB`;
    const appCpu = totals.app.reduce((sum, r) => sum + r.millicores, 0);
    const appBytes = totals.app.reduce((sum, r) => sum + r.bytes, 0);
    c.note(
      at,
      `the pod's requests are ${out.millicores / 1000} vCPU / ${gib(out.bytes)}: for each resource the larger of its largest init container and the sum of the other containers (${appCpu / 1000} vCPU / ${gib(appBytes)})`,
    );
  }
  const selector = pod.nodeSelector;
  if (isObj(selector)) {
    const arch = selector["kubernetes.io/arch"] ?? selector["beta.kubernetes.io/arch"];
    if (arch === "arm64") {
      out.architecture = "arm64";
      c.note(at, "nodeSelector kubernetes.io/arch: arm64: priced on Graviton (arm64); EKS Fargate itself runs x86 pods only");
    } else if (arch !== undefined && arch !== "amd64") c.note(at, `nodeSelector kubernetes.io/arch: ${describe(arch)} is not arm64 or amd64: priced as x86`);
    const os = selector["kubernetes.io/os"] ?? selector["beta.kubernetes.io/os"];
    if (os === "windows") {
      out.os = "windows";
      c.note(at, "nodeSelector kubernetes.io/os: windows: priced as Windows; EKS Fargate itself runs Linux pods only");
    }
  }
  return out;
}

interface Workload {
  kind: WorkloadKind;
  name: string;
  namespace: string | undefined;
  at: Where;
  service: RawService;
}

interface Autoscaler {
  at: Where;
  namespace: string | undefined;
  targetKind: string;
  targetName: string;
  minReplicas: number;
  maxReplicas: number | null;
}

/** The pod spec's location and the workload's tasks and usage, by kind. */
function readWorkload(c: Collector, at: Where, kind: WorkloadKind, obj: Obj, options: Required<Pick<K8sImportOptions, "daemonSetNodes" | "jobRunSeconds">>): { podRel: Key[]; pod: unknown; tasks: number; usage: RawService["usage"] } | null {
  const continuous = { kind: "continuous" as const, hoursPerMonth: HOURS_PER_MONTH };
  if (kind === "Pod") {
    const spec = isObj(obj.spec) ? obj.spec : undefined;
    const policy = spec?.restartPolicy;
    if (policy === "Never" || policy === "OnFailure") c.note(at, `restartPolicy ${policy}: the pod runs until its containers exit; priced as running all month (use a Job for run-to-completion work)`);
    else c.note(at, "a bare Pod: priced as 1 pod running all month");
    return { podRel: ["spec"], pod: obj.spec, tasks: 1, usage: continuous };
  }
  const spec = getObj(c, at, ["spec"], obj.spec, `the ${kind}'s spec`);
  if (!spec) return null;
  if (kind === "Deployment" || kind === "StatefulSet" || kind === "ReplicaSet" || kind === "ReplicationController") {
    const replicas = readCount(c, at, ["spec", "replicas"], spec.replicas, 1, SERVICE_LIMITS.tasks.max);
    if (replicas === null) return null;
    if (spec.replicas === undefined || spec.replicas === null) c.note(at, "spec.replicas is not set: Kubernetes runs 1 replica");
    if (kind === "StatefulSet" && Array.isArray(spec.volumeClaimTemplates) && spec.volumeClaimTemplates.length > 0) {
      c.note(at, "volumeClaimTemplates: the persistent volumes (EBS) are not priced by this estimator");
    }
    const template = getObj(c, at, ["spec", "template"], spec.template, "the pod template");
    if (!template) return null;
    return { podRel: ["spec", "template", "spec"], pod: template.spec, tasks: replicas, usage: continuous };
  }
  if (kind === "DaemonSet") {
    const template = getObj(c, at, ["spec", "template"], spec.template, "the pod template");
    if (!template) return null;
    c.note(
      at,
      `a DaemonSet runs one pod per node: priced as ${options.daemonSetNodes} pods (the number of nodes; change tasks to your node count). EKS Fargate does not run DaemonSets: on EC2 node groups its requests can go in the EKS DaemonSet reserve instead`,
    );
    return { podRel: ["spec", "template", "spec"], pod: template.spec, tasks: options.daemonSetNodes, usage: continuous };
  }
  // Job, or the Job a CronJob creates each time it runs.
  const jobRel: Key[] = kind === "CronJob" ? ["spec", "jobTemplate", "spec"] : ["spec"];
  let jobSpec: Obj | null = spec;
  if (kind === "CronJob") {
    const jobTemplate = getObj(c, at, ["spec", "jobTemplate"], spec.jobTemplate, "the Job it creates");
    if (!jobTemplate) return null;
    jobSpec = getObj(c, at, jobRel, jobTemplate.spec, "the Job's spec");
    if (!jobSpec) return null;
  }
  const parallelism = readCount(c, at, [...jobRel, "parallelism"], jobSpec.parallelism, 1, SERVICE_LIMITS.tasks.max);
  const completions = readCount(c, at, [...jobRel, "completions"], jobSpec.completions, parallelism ?? 1, 1_000_000);
  const deadline = readCount(c, at, [...jobRel, "activeDeadlineSeconds"], jobSpec.activeDeadlineSeconds, 0, 31 * 86_400);
  const template = getObj(c, at, [...jobRel, "template"], jobSpec.template, "the pod template");
  let schedule: ReturnType<typeof cronUsage> | null = null;
  if (kind === "CronJob") {
    schedule = cronUsage(spec.schedule);
    if (!schedule.ok) c.error(at, ["spec", "schedule"], schedule.message);
  }
  if (parallelism === null || completions === null || deadline === null || !template || (schedule && !schedule.ok)) return null;
  // Pods run `parallelism` at a time until `completions` succeed: ceil(completions / parallelism) waves.
  const concurrent = Math.min(parallelism, completions);
  const waves = concurrent === 0 ? 0 : Math.ceil(completions / concurrent);
  let secondsPerRun: number;
  if (deadline > 0) {
    secondsPerRun = deadline;
    c.note(at, `each run is priced at its activeDeadlineSeconds (${deadline} s), the longest it may run: an upper bound`);
  } else {
    secondsPerRun = Math.min(options.jobRunSeconds * waves, 31 * 86_400);
    c.note(
      at,
      `the manifest does not say how long a pod runs (no activeDeadlineSeconds): assumed ${options.jobRunSeconds} s per pod${waves > 1 ? `, ${waves} waves of ${concurrent} pods (completions ${completions}, parallelism ${parallelism}) = ${secondsPerRun} s per run` : ""}; change seconds per run to your measured run time`,
    );
  }
  if (concurrent === 0) c.note(at, "parallelism or completions is 0: no pods run, priced at 0");
  let tasks = concurrent;
  if (jobSpec.suspend === true || (kind === "CronJob" && spec.suspend === true)) {
    tasks = 0;
    c.note(at, "suspended (suspend: true): priced at 0 tasks; set tasks to price it running");
  }
  if (kind === "Job") {
    c.note(at, "a Job runs once: priced as one run in the month");
    return { podRel: [...jobRel, "template", "spec"], pod: template.spec, tasks, usage: { kind: "scheduled", runsPerDay: 1, secondsPerRun, daysPerMonth: 1 } };
  }
  const usage = (schedule as { ok: true; usage: { runsPerDay: number; daysPerMonth: number; notes: string[] } }).usage;
  for (const n of usage.notes) c.note(at, `schedule ${n}`);
  if (typeof spec.timeZone === "string") c.note(at, `timeZone ${spec.timeZone}: it shifts when the runs happen, not how many there are`);
  if (usage.runsPerDay * secondsPerRun > 86_400 && (spec.concurrencyPolicy === "Forbid" || spec.concurrencyPolicy === "Replace")) {
    c.note(at, `runs last longer than the gap between them and concurrencyPolicy is ${spec.concurrencyPolicy}: Kubernetes skips or cuts runs, so the price is an upper bound`);
  }
  return {
    podRel: [...jobRel, "template", "spec"],
    pod: template.spec,
    tasks,
    usage: { kind: "scheduled", runsPerDay: usage.runsPerDay, secondsPerRun, daysPerMonth: usage.daysPerMonth },
  };
}

function objectName(c: Collector, at: Where, obj: Obj): { name: string; namespace: string | undefined } | null {
  const meta = getObj(c, at, ["metadata"], obj.metadata, "the object's name and namespace");
  if (!meta) return null;
  const namespace = typeof meta.namespace === "string" && meta.namespace.trim() !== "" ? meta.namespace.trim() : undefined;
  if (meta.namespace !== undefined && meta.namespace !== null && typeof meta.namespace !== "string") {
    c.error(at, ["metadata", "namespace"], `must be a string, got ${describe(meta.namespace)}`);
    return null;
  }
  if (typeof meta.name === "string" && meta.name.trim() !== "") return { name: meta.name.trim(), namespace };
  if (meta.name !== undefined && meta.name !== null) {
    c.error(at, ["metadata", "name"], `must be a non-empty string, got ${describe(meta.name)}`);
    return null;
  }
  if (typeof meta.generateName === "string" && meta.generateName.replace(/-+$/, "").trim() !== "") {
    const name = meta.generateName.replace(/-+$/, "").trim();
    c.note(at, `no metadata.name: named "${name}" after metadata.generateName`);
    return { name, namespace };
  }
  c.error(at, ["metadata", "name"], "must be set (every Kubernetes object has a name)");
  return null;
}

function uniqueName(taken: Set<string>, name: string, kind: string, namespace: string | undefined): string {
  const max = SERVICE_LIMITS.nameMaxChars;
  const fit = (s: string) => (s.length > max ? s.slice(0, max) : s);
  const candidates = [name, namespace ? `${namespace}/${name}` : null, `${name}-${kind.toLowerCase()}`].filter((s): s is string => s !== null).map(fit);
  for (const candidate of candidates) if (!taken.has(candidate)) return candidate;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = `${fit(name).slice(0, max - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function documentLabel(index: number, obj: unknown): string {
  if (!isObj(obj)) return `documents[${index}]`;
  return `documents[${index}]${objectSuffix(obj)}`;
}

function objectSuffix(obj: Obj): string {
  const kind = typeof obj.kind === "string" && obj.kind.length <= 63 ? obj.kind : null;
  const meta = isObj(obj.metadata) ? obj.metadata : null;
  const name = meta && typeof meta.name === "string" && meta.name.length <= 253 ? meta.name : null;
  if (kind && name) return ` (${kind}/${name})`;
  if (kind) return ` (${kind})`;
  return "";
}

interface State {
  c: Collector;
  workloads: Workload[];
  autoscalers: Autoscaler[];
  taken: Set<string>;
  skipped: number;
  options: Required<Pick<K8sImportOptions, "daemonSetNodes" | "jobRunSeconds">>;
}

function readObject(s: State, at: Where, value: unknown, depth: number): void {
  const { c } = s;
  if (value === null || value === undefined) return; // an empty document ("---" with nothing after it)
  if (!isObj(value)) {
    c.error(at, [], `must be a Kubernetes object (a mapping with apiVersion, kind, metadata and spec), got ${describe(value)}`);
    return;
  }
  const kind = value.kind;
  if (typeof kind !== "string" || kind.trim() === "") {
    c.error(at, ["kind"], kind === undefined ? "must be set: the object's type, such as Deployment or CronJob" : `must be a string such as Deployment, got ${describe(kind)}`);
    return;
  }
  if (kind === "List" || (kind.endsWith("List") && Array.isArray(value.items))) {
    if (depth > 2) {
      c.error(at, ["items"], "nests Lists inside Lists more than twice");
      return;
    }
    if (!Array.isArray(value.items)) {
      c.error(at, ["items"], `must be a list of objects, got ${describe(value.items)}`);
      return;
    }
    value.items.forEach((item, i) => {
      readObject(s, { doc: at.doc, label: `${at.label}.items[${i}]${isObj(item) ? objectSuffix(item) : ""}`, base: [...at.base, "items", i] }, item, depth + 1);
    });
    return;
  }
  if (kind === "HorizontalPodAutoscaler") {
    readAutoscaler(s, at, value);
    return;
  }
  if (!(WORKLOAD_KINDS as readonly string[]).includes(kind)) {
    s.skipped++;
    c.note(at, `skipped: ${SKIPPED_WHY[kind] ?? `a ${kind.slice(0, 63)} is not a workload this importer prices (Deployment, StatefulSet, ReplicaSet, DaemonSet, Job, CronJob, Pod)`}`);
    return;
  }
  const id = objectName(c, at, value);
  const workload = readWorkload(c, at, kind as WorkloadKind, value, s.options);
  if (!id || !workload) return;
  const pod = readPodSpec(c, at, workload.podRel, workload.pod);
  if (!pod) return;

  const name = uniqueName(s.taken, id.name, kind, id.namespace);
  s.taken.add(name);
  if (name !== id.name) c.note(at, `imported as service "${name}"${id.name.length > SERVICE_LIMITS.nameMaxChars ? ` (names are at most ${SERVICE_LIMITS.nameMaxChars} characters)` : " (another service already has its name)"}`);
  const minV = SERVICE_LIMITS.vcpu.min;
  const minM = SERVICE_LIMITS.memoryGiB.min;
  const vcpu = pod.millicores / 1000;
  const memoryGiB = pod.bytes / BYTES_PER_GIB;
  if (vcpu < minV || memoryGiB < minM) {
    c.note(
      at,
      `the pod requests ${vcpu} vCPU and ${Math.round(memoryGiB * 1000) / 1000} GiB; the service is set to at least ${minV} vCPU / ${minM} GiB (the estimator's smallest task); on EKS Fargate the containers' requests decide the billed size`,
    );
  }
  const service: RawService = {
    name,
    vcpu: Math.max(minV, vcpu),
    memoryGiB: Math.max(minM, memoryGiB),
    tasks: workload.tasks,
    usage: workload.usage,
    containers: pod.containers,
    source: `${kind}/${id.name}${id.namespace ? ` (namespace ${id.namespace})` : ""}`.slice(0, 300),
  };
  if (pod.architecture) service.architecture = pod.architecture;
  if (pod.os) service.os = pod.os;
  const storageGiB = Math.ceil(pod.storageBytes / BYTES_PER_GIB - 1e-9);
  if (storageGiB > FARGATE_INCLUDED_STORAGE_GIB) {
    service.ephemeralStorageGiB = storageGiB;
    c.note(
      at,
      `requests ${storageGiB} GiB of ephemeral storage (above the ${FARGATE_INCLUDED_STORAGE_GIB} GiB Fargate includes; on EKS Fargate the pod gets its containers' requests + 10% + 5 GiB and pays for what exceeds ${FARGATE_INCLUDED_STORAGE_GIB} GiB, at most 175 GiB of requests per pod)`,
    );
  }
  s.workloads.push({ kind: kind as WorkloadKind, name: id.name, namespace: id.namespace, at, service });
}

function readAutoscaler(s: State, at: Where, obj: Obj): void {
  const { c } = s;
  const id = objectName(c, at, obj);
  const spec = getObj(c, at, ["spec"], obj.spec, "the autoscaler's spec");
  if (!id || !spec) return;
  const target = getObj(c, at, ["spec", "scaleTargetRef"], spec.scaleTargetRef, "the workload it scales");
  if (!target) return;
  const minReplicas = readCount(c, at, ["spec", "minReplicas"], spec.minReplicas, 1, SERVICE_LIMITS.tasks.max);
  const maxReplicas = readCount(c, at, ["spec", "maxReplicas"], spec.maxReplicas, 0, 1_000_000);
  if (minReplicas === null || maxReplicas === null) return;
  if (typeof target.kind !== "string" || typeof target.name !== "string") {
    c.error(at, ["spec", "scaleTargetRef"], "must name the workload it scales (kind and name)");
    return;
  }
  s.autoscalers.push({ at, namespace: id.namespace, targetKind: target.kind, targetName: target.name, minReplicas, maxReplicas: spec.maxReplicas === undefined ? null : maxReplicas });
}

function applyAutoscalers(s: State): void {
  const ns = (n: string | undefined) => n ?? "default";
  for (const hpa of s.autoscalers) {
    const target = s.workloads.find((w) => w.kind === hpa.targetKind && w.name === hpa.targetName && ns(w.namespace) === ns(hpa.namespace));
    if (!target) {
      s.c.note(hpa.at, `skipped: it scales ${hpa.targetKind}/${hpa.targetName}, which is not among the imported workloads`);
      continue;
    }
    const before = target.service.tasks;
    target.service.tasks = hpa.minReplicas;
    s.c.note(
      target.at,
      `scaled by ${hpa.at.label.replace(/^documents\[\d+\] /, "")}: priced at its minReplicas (${hpa.minReplicas} instead of ${before} replicas)${hpa.maxReplicas !== null ? `; at maxReplicas (${hpa.maxReplicas}) it would cost ${hpa.minReplicas > 0 ? `${Math.round((hpa.maxReplicas / hpa.minReplicas) * 100) / 100} times` : "more than"} as much` : ""}`,
    );
  }
}

function validOptions(options: K8sImportOptions): FieldError[] {
  const errors: FieldError[] = [];
  const n = options.daemonSetNodes;
  if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > SERVICE_LIMITS.tasks.max)) errors.push({ path: "(options).daemonSetNodes", message: `must be a whole number 0-${SERVICE_LIMITS.tasks.max}, got ${String(n)}` });
  const sec = options.jobRunSeconds;
  if (sec !== undefined && (!Number.isFinite(sec) || sec <= 0 || sec > 31 * 86_400)) errors.push({ path: "(options).jobRunSeconds", message: `must be a number of seconds > 0 and <= 2678400 (31 days), got ${String(sec)}` });
  return errors;
}

/** Manifests text -> estimate input (orchestrator "eks") and notes, or every problem with its document and field. */
export function importKubernetesManifests(text: unknown, options: K8sImportOptions = {}): K8sImportOutcome {
  if (typeof text !== "string") return { ok: false, errors: [{ path: "(file)", message: "must be text (YAML or JSON manifests)" }] };
  const optionErrors = validOptions(options);
  if (optionErrors.length > 0) return { ok: false, errors: optionErrors };
  const read = readYamlDocuments(text);
  if (!read.ok) return read;

  const state: State = {
    c: new Collector(),
    workloads: [],
    autoscalers: [],
    taken: new Set(),
    skipped: 0,
    options: { daemonSetNodes: options.daemonSetNodes ?? DEFAULT_DAEMONSET_NODES, jobRunSeconds: options.jobRunSeconds ?? DEFAULT_JOB_RUN_SECONDS },
  };
  for (const doc of read.documents) {
    readObject(state, { doc, label: documentLabel(doc.index, doc.value), base: [] }, doc.value, 0);
  }
  applyAutoscalers(state);
  const { c } = state;
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  if (state.workloads.length === 0) {
    return {
      ok: false,
      errors: [{ path: "(file)", message: `holds no workload to price (Deployment, StatefulSet, ReplicaSet, DaemonSet, Job, CronJob or Pod)${state.skipped > 0 ? `; ${state.skipped} other object${state.skipped === 1 ? " was" : "s were"} skipped` : ""}` }],
    };
  }
  if (state.workloads.length > MAX_SERVICES) {
    return { ok: false, errors: [{ path: "(file)", message: `holds ${state.workloads.length} workloads; the estimator prices at most ${MAX_SERVICES} services` }] };
  }
  const input: EstimateInputRaw = {
    version: 1,
    region: options.region ?? DEFAULT_IMPORT_REGION,
    ...(options.catalog ? { catalog: options.catalog } : {}),
    orchestrator: "eks",
    services: state.workloads.map((w) => w.service),
  };
  // The conversion keeps every value inside the contract's limits; this check makes that a guarantee.
  const checked = parseEstimateInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors.map((e) => ({ path: e.path.startsWith("services[") ? `${serviceLabel(state, e.path)}` : e.path, message: e.message })) };
  return { ok: true, input, notes: c.notes };
}

/** "services[2].tasks" -> "documents[3] (Deployment/web): services[2].tasks" (the service's source document). */
function serviceLabel(state: State, path: string): string {
  const m = /^services\[(\d+)\]/.exec(path);
  const w = m ? state.workloads[Number(m[1])] : undefined;
  return w ? `${w.at.label}: ${path}` : path;
}
