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
import { errorResponse, jsonResponse, readBodyText, serverErrorResponse, type BodyRules } from "../../http";

const ACCEPTED_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain", "application/json"];

const MANIFEST_BODY: BodyRules = {
  limit: MAX_MANIFEST_BYTES,
  limitText: "1 MiB",
  accept: (type) => {
    const mime = type?.split(";")[0]?.trim().toLowerCase() ?? "";
    return mime === "" || ACCEPTED_TYPES.includes(mime);
  },
  acceptText: "application/yaml, text/yaml, text/plain or application/json",
  emptyHint: "send Kubernetes manifests as YAML (Content-Type: application/yaml)",
  utf8Hint: "send the manifests as text",
};

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
    const options = readOptions(new URL(req.url));
    if (!options.ok) return errorResponse(400, options.errors);
    const body = await readBodyText(req, MANIFEST_BODY);
    if (!body.ok) return body.response;
    const text = body.value;
    const out = importKubernetesManifests(text, options.options);
    if (!out.ok) return errorResponse(400, out.errors);
    return jsonResponse({ input: out.input, notes: out.notes });
  } catch (error) {
    return serverErrorResponse("POST /api/import/k8s", error, "the manifests could not be imported because of a server error");
  }
}
