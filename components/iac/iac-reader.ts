/**
 * Loaded with import() when a file is picked, so the YAML parser and the importers stay out of the estimator's
 * first-load JavaScript. Detects a Terraform plan (JSON with resource_changes / planned_values) or a
 * CloudFormation / CDK template (JSON or YAML); lib/import does the rest.
 */
import "@/components/security/zod-browser";
import { importCloudFormationTemplate } from "@/lib/import/cloudformation";
import type { IacImportOutcome } from "@/lib/import/iac-common";
import { importTerraformPlan } from "@/lib/import/terraform";
import { parseEstimateInput, type EstimateInput, type FieldError } from "@/lib/schemas/estimate";

export type IacReadOutcome =
  | { ok: true; kind: "terraform" | "cloudformation"; input: EstimateInput; services: Array<{ name: string; source: string }>; notes: string[]; unresolved: FieldError[] }
  | { ok: false; kind: "terraform" | "cloudformation"; errors: FieldError[] };

export function looksLikeTerraformPlan(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*\{/.test(text) && /"(format_version|terraform_version|resource_changes|planned_values)"\s*:/.test(head + text.slice(-4096));
}

export function readIacFile(text: string, region: string): IacReadOutcome {
  const kind = looksLikeTerraformPlan(text) ? "terraform" : "cloudformation";
  // A plan names its region (the form's region when it does not); a template never does: the form's region.
  let out: IacImportOutcome = kind === "terraform" ? importTerraformPlan(text) : importCloudFormationTemplate(text, { region });
  if (kind === "terraform" && !out.ok && out.errors.some((e) => e.path.startsWith("configuration.provider_config"))) out = importTerraformPlan(text, { region });
  if (!out.ok) return { ok: false, kind, errors: out.errors };
  const parsed = parseEstimateInput(out.input);
  if (!parsed.ok) return { ok: false, kind, errors: parsed.errors.map((e) => ({ path: `(imported input).${e.path}`, message: e.message })) };
  return { ok: true, kind, input: parsed.value, services: out.services, notes: out.notes, unresolved: out.unresolved };
}
