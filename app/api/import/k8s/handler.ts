/**
 * POST /api/import/k8s: Kubernetes manifests (YAML or JSON text) in, `{ input, notes }` out: the EstimateInput
 * (orchestrator "eks") that POST /api/estimate prices, and what the import assumed or skipped
 * (lib/import/k8s.ts; docs/kubernetes-import.md). Query: region, catalog, daemonSetNodes, jobRunSeconds.
 * 400 unreadable YAML or manifests (every problem with its document and field), 413 above 1 MiB, 415 a
 * content type that is not YAML, JSON or plain text. Nothing the client sends can produce a 5xx.
 */
import type { FieldError } from "@/lib/field-errors";
import { importKubernetesManifests, type K8sImportOptions } from "@/lib/import/k8s";
import { MAX_MANIFEST_BYTES } from "@/lib/import/yaml-documents";
import { readLimited, TooLarge } from "../../estimate/handler";

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
const ACCEPTED_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain", "application/json"];

function errorResponse(status: number, errors: FieldError[]): Response {
  return Response.json({ errors }, { status, headers: HEADERS });
}

function readOptions(url: URL): { ok: true; options: K8sImportOptions } | { ok: false; errors: FieldError[] } {
  const options: K8sImportOptions = {};
  const errors: FieldError[] = [];
  const region = url.searchParams.get("region");
  if (region !== null) {
    if (!/^[a-z]{2}(?:-[a-z]+)+-\d$/.test(region)) errors.push({ path: "(query).region", message: `must be an AWS region code such as eu-west-1, got ${JSON.stringify(region.slice(0, 40))}` });
    else options.region = region;
  }
  const catalog = url.searchParams.get("catalog");
  if (catalog !== null) {
    if (!/^\d{4}-\d{2}-\d{2}(?:\.\d+)?$/.test(catalog)) errors.push({ path: "(query).catalog", message: `must be a catalog id such as 2026-12-01, got ${JSON.stringify(catalog.slice(0, 40))}` });
    else options.catalog = catalog;
  }
  for (const [name, min] of [["daemonSetNodes", 0], ["jobRunSeconds", 1]] as const) {
    const raw = url.searchParams.get(name);
    if (raw === null) continue;
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < min) errors.push({ path: `(query).${name}`, message: `must be a whole number >= ${min}, got ${JSON.stringify(raw.slice(0, 40))}` });
    else options[name] = n;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}

export async function handleK8sImport(req: Request): Promise<Response> {
  try {
    const type = req.headers.get("content-type");
    const mime = type?.split(";")[0]?.trim().toLowerCase() ?? "";
    if (mime !== "" && !ACCEPTED_TYPES.includes(mime)) {
      return errorResponse(415, [{ path: "(headers).content-type", message: `must be application/yaml, text/yaml, text/plain or application/json (got ${type!.slice(0, 100)})` }]);
    }
    const options = readOptions(new URL(req.url));
    if (!options.ok) return errorResponse(400, options.errors);
    const declared = req.headers.get("content-length");
    if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > MAX_MANIFEST_BYTES) {
      return errorResponse(413, [{ path: "(body)", message: `is ${declared} bytes; the limit is ${MAX_MANIFEST_BYTES} bytes (1 MiB)` }]);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(req, MAX_MANIFEST_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) return errorResponse(413, [{ path: "(body)", message: `is larger than the limit of ${MAX_MANIFEST_BYTES} bytes (1 MiB)` }]);
      return errorResponse(400, [{ path: "(body)", message: "could not be read" }]);
    }
    if (bytes.byteLength === 0) return errorResponse(400, [{ path: "(body)", message: "is empty; send Kubernetes manifests as YAML (Content-Type: application/yaml)" }]);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return errorResponse(400, [{ path: "(body)", message: "is not valid UTF-8: send the manifests as text" }]);
    }
    const out = importKubernetesManifests(text, options.options);
    if (!out.ok) return errorResponse(400, out.errors);
    return Response.json({ input: out.input, notes: out.notes }, { status: 200, headers: HEADERS });
  } catch (error) {
    console.error("POST /api/import/k8s failed:", error instanceof Error ? error.message : error);
    return errorResponse(500, [{ path: "(server)", message: "the manifests could not be imported because of a server error" }]);
  }
}
