/**
 * Validation of catalog files. Every failure names the file and each field path, so a corrupted or
 * schema-drifted snapshot fails loudly instead of pricing with a missing rate.
 */
import * as z from "zod";
import {
  CatalogFileError,
  CatalogIndexSchema,
  CatalogListSchema,
  RegionCatalogSchema,
  isUnavailable,
  type CatalogIndex,
  type CatalogList,
  type RegionCatalog,
} from "./schema";

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

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
  walk(catalog.fargate, "fargate");
  walk({ onDemand: catalog.ec2.onDemand, spot: catalog.ec2.spot, gp3GbMonth: catalog.ec2.gp3GbMonth, savingsPlans: catalog.ec2.savingsPlans }, "ec2");
  const types = new Set<string>();
  catalog.ec2.instanceTypes.forEach((row, i) => {
    if (types.has(row.type)) problems.push({ path: `ec2.instanceTypes[${i}].type`, message: `duplicate instance type ${row.type}` });
    types.add(row.type);
    check(row.onDemandSource, `ec2.instanceTypes[${i}].onDemandSource`);
    check(row.spotSource, `ec2.instanceTypes[${i}].spotSource`);
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
  walk({ a: catalog.ec2.onDemand, b: catalog.ec2.spot, c: catalog.ec2.gp3GbMonth, d: catalog.ec2.savingsPlans });
  for (const row of catalog.ec2.instanceTypes) {
    if (row.onDemandSource) ids.add(row.onDemandSource);
    if (row.spotSource) ids.add(row.spotSource);
  }
  return ids;
}

/**
 * Parse one region file. Throws CatalogFileError naming `fileLabel` and every bad field path.
 * Besides the zod schema it checks that every rate's source id is declared in `sources`.
 */
export function parseRegionCatalog(json: unknown, fileLabel: string, expect?: { region?: string; catalogId?: string }): RegionCatalog {
  const parsed = RegionCatalogSchema.safeParse(json);
  if (!parsed.success) throw new CatalogFileError(fileLabel, problemsOf(parsed.error));
  const problems = sourceReferenceProblems(parsed.data);
  if (expect?.region !== undefined && parsed.data.region !== expect.region) {
    problems.push({ path: "region", message: `is "${parsed.data.region}" but the file is for "${expect.region}"` });
  }
  if (expect?.catalogId !== undefined && parsed.data.catalogId !== expect.catalogId) {
    problems.push({ path: "catalogId", message: `is "${parsed.data.catalogId}" but the file is in snapshot "${expect.catalogId}"` });
  }
  if (problems.length > 0) throw new CatalogFileError(fileLabel, problems);
  return parsed.data;
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
