/**
 * The manifest importer for the estimator page, loaded with import() only when a user imports manifests, so
 * the YAML parser stays out of the page's first-load JavaScript. Everything here is lib/ (lib/import/k8s.ts).
 */
import "@/components/security/zod-browser";
import { importKubernetesManifests, type K8sImportOptions } from "@/lib/import/k8s";
import { parseEstimateInput, type EstimateInput, type FieldError } from "@/lib/schemas/estimate";

export type ManifestImport = { ok: true; input: EstimateInput; notes: string[] } | { ok: false; errors: FieldError[] };

export function importManifests(text: string, options: K8sImportOptions): ManifestImport {
  const out = importKubernetesManifests(text, options);
  if (!out.ok) return out;
  const parsed = parseEstimateInput(out.input);
  return parsed.ok ? { ok: true, input: parsed.value, notes: out.notes } : { ok: false, errors: parsed.errors };
}
