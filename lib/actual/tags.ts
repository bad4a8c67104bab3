/**
 * Reading the tag that names a row's service. AWS writes tags differently per export:
 * - FOCUS (AWS Data Exports): `Tags`, a JSON object of key -> value, keys as the tag was written
 *   ("aws:ecs:serviceName", user tags with their own key, sometimes "user:"-prefixed).
 * - CUR 2.0: `resource_tags`, a map<string,string> (Parquet: a map column; CSV: its JSON text) whose keys are
 *   normalised ("user_team", "aws_ecs_service_name"); the whole-table `tags` column prefixes the source
 *   ("resourceTags/department").
 * So keys are compared after normalising both sides: lower case, the "user:", "user_", "resourceTags/",
 * "resource_tags_" prefixes dropped, and every character that is not a letter or digit removed:
 * "aws:ecs:serviceName", "aws_ecs_service_name" and "resourceTags/aws:ecs:serviceName" are the same key.
 */

export interface TagKeys {
  /** Tag keys naming the service, first present wins. */
  service: string[];
  /** Tag keys naming the cluster: a row with one (and no service tag) belongs to the cluster, so it is shared. */
  cluster: string[];
}

/** AWS's ECS managed tags (ECS split cost allocation data). */
export const ECS_TAG_KEYS: TagKeys = { service: ["aws:ecs:serviceName"], cluster: ["aws:ecs:clusterName"] };
/** Kubernetes workload tags of EKS split cost allocation data. */
export const EKS_TAG_KEYS: TagKeys = { service: ["aws:eks:workload-name", "aws:eks:deployment"], cluster: ["aws:eks:cluster-name"] };

export function defaultTagKeys(orchestrator: "ecs" | "eks" | undefined): TagKeys {
  return orchestrator === "eks" ? EKS_TAG_KEYS : ECS_TAG_KEYS;
}

/** A user-picked tag replaces the service keys; the cluster keys stay. */
export function tagKeysFor(orchestrator: "ecs" | "eks" | undefined, picked: string | null | undefined): TagKeys {
  const base = defaultTagKeys(orchestrator);
  const key = picked?.trim();
  return key ? { service: [key], cluster: base.cluster } : base;
}

export function checkTagKey(key: string): string | null {
  const k = key.trim();
  if (k === "") return "must not be empty";
  if (k.length > 128) return "must be at most 128 characters (AWS's tag key limit)";
  if (normalizeTagKey(k) === "") return "must contain a letter or digit";
  return null;
}

export function normalizeTagKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/^(resourcetags\/|resource_tags_|resource_tags\.|user:|user_)/, "")
    .replace(/[^a-z0-9]/g, "");
}

type TagMap = Map<string, string>;

function toMap(value: unknown): TagMap | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") {
    const s = value.trim();
    if (s === "" || s === "{}" || s[0] !== "{") return null;
    try {
      return toMap(JSON.parse(s) as unknown);
    } catch {
      return null;
    }
  }
  const out: TagMap = new Map();
  const put = (k: unknown, v: unknown) => {
    if (typeof k === "string" && (typeof v === "string" || typeof v === "number")) out.set(normalizeTagKey(k), String(v));
  };
  if (value instanceof Map) for (const [k, v] of value) put(k, v);
  else if (Array.isArray(value)) {
    // Parquet map columns may arrive as [{ key, value }] pairs.
    for (const e of value as unknown[]) if (e && typeof e === "object") put((e as { key?: unknown }).key, (e as { value?: unknown }).value);
  } else if (typeof value === "object") for (const [k, v] of Object.entries(value as Record<string, unknown>)) put(k, v);
  return out;
}

/** Parsed tag cells by their text: a bill repeats a few hundred distinct tag sets over millions of rows. */
const parsedTags = new Map<string, TagMap | null>();
const MAX_CACHED_TAG_SETS = 4096;

/** The service and cluster tag values of a row's tags cell (bills repeat the same tags row after row: cached). */
export function readTag(raw: unknown, keys: TagKeys): { service: string | null; cluster: string | null } {
  let map: TagMap | null | undefined;
  if (typeof raw === "string") {
    map = parsedTags.get(raw);
    if (map === undefined) {
      map = toMap(raw);
      if (parsedTags.size >= MAX_CACHED_TAG_SETS) parsedTags.clear();
      parsedTags.set(raw, map);
    }
  } else map = toMap(raw);
  if (!map || map.size === 0) return NO_TAGS;
  let normal = normalizedKeys.get(keys);
  if (!normal) {
    normal = { service: keys.service.map(normalizeTagKey), cluster: keys.cluster.map(normalizeTagKey) };
    normalizedKeys.set(keys, normal);
  }
  return { service: firstValue(map, normal.service), cluster: firstValue(map, normal.cluster) };
}

const NO_TAGS = Object.freeze({ service: null, cluster: null });
const normalizedKeys = new WeakMap<TagKeys, TagKeys>();

function firstValue(map: TagMap, normalized: string[]): string | null {
  for (const k of normalized) {
    const v = map.get(k);
    if (v !== undefined && v.trim() !== "") return v.trim().slice(0, 256);
  }
  return null;
}
