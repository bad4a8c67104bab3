"use client";
/**
 * Kubernetes manifests (a pasted text or a .yaml/.yml file) -> the estimator's services. The importer
 * (./k8s-import.ts) is loaded on first use. On success `apply` gets the input; on failure the form is left as it
 * was and the errors (document, field, line) are kept for the panel to show.
 */
import { useCallback, useState } from "react";
import type { FieldError } from "@/lib/field-errors";
import type { K8sImportOptions } from "@/lib/import/k8s";
import { MAX_MANIFEST_BYTES } from "@/lib/import/limits";
import type { EstimateInput } from "@/lib/schemas/estimate";

export type K8sImportState =
  | { status: "idle" }
  | { status: "working"; source: string }
  | { status: "ok"; source: string; services: string[]; notes: string[] }
  | { status: "error"; source: string; errors: FieldError[] };

export type ImportOptions = Pick<K8sImportOptions, "daemonSetNodes" | "jobRunSeconds">;

/** A file the toolbar's import should hand to the manifest importer rather than read as an estimate. */
export function isManifestFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** A JSON file that is a Kubernetes object or List (kubectl get -o json), not an estimate. */
export function looksLikeKubernetesJson(text: string): boolean {
  return /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
}

export function useK8sImport(apply: (input: EstimateInput) => void, settings: { region: string; catalog: string }) {
  const [state, setState] = useState<K8sImportState>({ status: "idle" });
  const { region, catalog } = settings;

  const importText = useCallback(
    async (text: string, source: string, options: ImportOptions = {}): Promise<K8sImportState> => {
      const finish = (next: K8sImportState) => {
        setState(next);
        return next;
      };
      setState({ status: "working", source });
      let out;
      try {
        const importer = await import("./k8s-import");
        out = importer.importManifests(text, { ...options, region, ...(catalog ? { catalog } : {}) });
      } catch (error) {
        return finish({ status: "error", source, errors: [{ path: "(importer)", message: `could not be loaded (${error instanceof Error ? error.message : String(error)}); try again` }] });
      }
      if (!out.ok) return finish({ status: "error", source, errors: out.errors });
      apply(out.input);
      return finish({ status: "ok", source, services: out.input.services.map((s) => s.name), notes: out.notes });
    },
    [apply, region, catalog],
  );

  const importFile = useCallback(
    async (file: File, options?: ImportOptions): Promise<K8sImportState> => {
      if (file.size > MAX_MANIFEST_BYTES) {
        const next: K8sImportState = { status: "error", source: file.name, errors: [{ path: "(file)", message: `is too large (${file.size} bytes; at most ${MAX_MANIFEST_BYTES} bytes = 1 MiB)` }] };
        setState(next);
        return next;
      }
      return importText(await file.text(), file.name, options);
    },
    [importText],
  );

  return { state, importText, importFile };
}
