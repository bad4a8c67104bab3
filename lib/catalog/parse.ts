/**
 * Validation of catalog files. Every failure names the file and each field path, so a corrupted or
 * schema-drifted snapshot fails loudly instead of pricing with a missing rate.
 */
import { catalogSlots, CATALOG_GROUPS, rateSlots } from "../charges";
import { z } from "../security/zod";
import { formatPath } from "../field-errors";
import {
  CatalogFileError,
  CatalogIndexSchema,
  CatalogListSchema,
  RegionCatalogSchema,
  RegionCatalogV1Schema,
  isUnavailable,
  type RegionCatalogV1,
  type CatalogIndex,
  type CatalogList,
  type RegionCatalog,
} from "./schema";


function problemsOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Walk every Rate (an object with usd + source) and report references to sources the file does not declare. */
function sourceReferenceProblems(catalog: RegionCatalog): { path: string; message: string }[] {
  const known = new Set(catalog.sources.map((s) => s.id));
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  catalog.sources.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ path: `sources[${i}].id`, message: `duplicate source id "${s.id}"` });
    seen.add(s.id);
  });
  const check = (id: string | undefined, path: string) => {
    if (id !== undefined && !known.has(id)) problems.push({ path, message: `refers to unknown source "${id}"` });
  };
  const walk = (value: unknown, path: string) => {
    if (typeof value !== "object" || value === null || isUnavailable(value)) return;
    if (Array.isArray(value)) return;
    const obj = value as Record<string, unknown>;
    if (typeof obj.source === "string") check(obj.source, `${path}.source`);
    for (const [k, v] of Object.entries(obj)) if (k !== "instanceTypes") walk(v, path ? `${path}.${k}` : k);
  };
  for (const [key, part] of Object.entries({ fargate: catalog.fargate, ec2: catalog.ec2, network: catalog.network })) walk(part, key);
  const types = new Set<string>();
  catalog.ec2.instanceTypes.forEach((row, i) => {
    if (types.has(row.type)) problems.push({ path: `ec2.instanceTypes[${i}].type`, message: `duplicate instance type ${row.type}` });
    types.add(row.type);
    check(row.onDemandSource, `ec2.instanceTypes[${i}].onDemandSource`);
    check(row.spotSource, `ec2.instanceTypes[${i}].spotSource`);
    check(row.managedFeeSource, `ec2.instanceTypes[${i}].managedFeeSource`);
  });
  return problems;
}

/** Every source id a region file refers to (rates, EC2 defaults and row overrides). */
export function referencedSourceIds(catalog: RegionCatalog): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value !== "object" || value === null || isUnavailable(value) || Array.isArray(value)) return;
    const obj = value as Record<string, unknown>;
    if (typeof obj.source === "string") ids.add(obj.source);
    for (const [k, v] of Object.entries(obj)) if (k !== "instanceTypes") walk(v);
  };
  walk(catalog.fargate);
  walk(catalog.ec2);
  walk(catalog.network);
  if (catalog.eks) walk(catalog.eks);
  for (const row of catalog.ec2.instanceTypes) {
    if (row.onDemandSource) ids.add(row.onDemandSource);
    if (row.spotSource) ids.add(row.spotSource);
    if (row.managedFeeSource) ids.add(row.managedFeeSource);
  }
  return ids;
}

/**
 * Parse one region file. Throws CatalogFileError naming `fileLabel` and every bad field path.
 * Besides the zod schema it checks that every rate's source id is declared in `sources`.
 */
export function parseRegionCatalog(json: unknown, fileLabel: string, expect?: { region?: string; catalogId?: string }): RegionCatalog {
  const version = typeof json === "object" && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  let catalog: RegionCatalog;
  if (version === 1) {
    const v1 = RegionCatalogV1Schema.safeParse(json);
    if (!v1.success) throw new CatalogFileError(fileLabel, problemsOf(v1.error));
    catalog = upgradeRegionCatalogV1(v1.data);
  } else {
    const parsed = RegionCatalogSchema.safeParse(json);
    if (!parsed.success) throw new CatalogFileError(fileLabel, problemsOf(parsed.error));
    catalog = parsed.data;
  }
  const problems = sourceReferenceProblems(catalog);
  if (expect?.region !== undefined && catalog.region !== expect.region) {
    problems.push({ path: "region", message: `is "${catalog.region}" but the file is for "${expect.region}"` });
  }
  if (expect?.catalogId !== undefined && catalog.catalogId !== expect.catalogId) {
    problems.push({ path: "catalogId", message: `is "${catalog.catalogId}" but the file is in snapshot "${expect.catalogId}"` });
  }
  if (problems.length > 0) throw new CatalogFileError(fileLabel, problems);
  return catalog;
}

/**
 * Snapshot 2026-11-26 (schema 1) in the version-2 shape, pricing exactly as it did: its trunked task limit was
 * Karpenter's branch-ENI count where Karpenter called the type trunking-compatible; it has no Reserved Instance,
 * Managed Instances or network rates, so those slots say so.
 */
export function upgradeRegionCatalogV1(v1: RegionCatalogV1): RegionCatalog {
  const notInSnapshot = (what: string) => ({ available: false as const, reason: `${what} are not in price snapshot ${v1.catalogId}; use a newer snapshot` });
  const karpenter = v1.sources.find((s) => s.id.startsWith("karpenter-vpc-limits"));
  return {
    ...v1,
    schemaVersion: 2,
    ec2: {
      ...v1.ec2,
      reserved: { "reserved-1y": notInSnapshot("Reserved Instance rates"), "reserved-3y": notInSnapshot("Reserved Instance rates") },
      managedInstances: notInSnapshot("ECS Managed Instances fees"),
      // Every EC2 rate slot the charge definitions declare beyond the version-1 file's own (lib/charges).
      ...(Object.fromEntries(
        rateSlots("ec2")
          .filter((slot) => !(slot.key in v1.ec2))
          .map((slot) => [slot.key, notInSnapshot(`${slot.charge.name} rates`)]),
      ) as Omit<RegionCatalog["ec2"], keyof RegionCatalogV1["ec2"] | "reserved" | "managedInstances" | "trunking">),
      trunking: {
        source: karpenter?.id ?? v1.ec2.onDemand.source,
        asOf: karpenter?.asOf ?? v1.ec2.onDemand.asOf,
        note: "Snapshot 2026-11-26 took the trunked task limit from Karpenter's branch-ENI count (an EKS pod limit); newer snapshots use ECS's own table.",
      },
      instanceTypes: v1.ec2.instanceTypes.map(({ trunkBranchEnis, trunkingCompatible, ...row }) => {
        const trunks = trunkingCompatible && trunkBranchEnis !== null && trunkBranchEnis > 0;
        return { ...row, trunking: trunks ? ("supported" as const) : ("unsupported" as const), ecsTrunkTasks: trunks ? trunkBranchEnis : null, reserved1yUSD: null, reserved3yUSD: null };
      }),
    },
    // Every slot the charge definitions declare under network. (lib/charges) says which group's rates it lacks.
    network: Object.fromEntries(
      catalogSlots("network").map((slot) => [slot.key, notInSnapshot(CATALOG_GROUPS[slot.charge.catalogGroup ?? "dataTransfer"].rates)]),
    ) as RegionCatalog["network"],
  };
}

/** Parse a snapshot's index.json (data/catalog/<id>/index.json). */
export function parseCatalogIndex(json: unknown, fileLabel: string): CatalogIndex {
  const parsed = CatalogIndexSchema.safeParse(json);
  if (!parsed.success) throw new CatalogFileError(fileLabel, problemsOf(parsed.error));
  return parsed.data;
}

/** Parse the list of snapshots (data/catalog/index.json); `newest` must be one of the listed ids. */
export function parseCatalogList(json: unknown, fileLabel: string): CatalogList {
  const parsed = CatalogListSchema.safeParse(json);
  if (!parsed.success) throw new CatalogFileError(fileLabel, problemsOf(parsed.error));
  if (!parsed.data.catalogs.some((c) => c.id === parsed.data.newest)) {
    throw new CatalogFileError(fileLabel, [{ path: "newest", message: `"${parsed.data.newest}" is not in catalogs` }]);
  }
  return parsed.data;
}

/** JSON.parse that turns a syntax error into a CatalogFileError naming the file. */
export function parseJsonText(text: string, fileLabel: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CatalogFileError(fileLabel, [{ path: "(root)", message: `not valid JSON: ${(err as Error).message}` }]);
  }
}
