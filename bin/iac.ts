/**
 * `--terraform plan.json` and `--cloudformation template.yaml` for the estimate CLI: the file becomes an estimate
 * input (lib/import), what was assumed and what could not be known are printed to standard error (standard
 * output stays the estimate), then the input is priced like any other.
 */
import type { FieldError } from "../lib/field-errors";
import { importCloudFormationTemplate } from "../lib/import/cloudformation";
import { importTerraformPlan } from "../lib/import/terraform";
import { parseEstimateInput, type EstimateInput } from "../lib/schemas/estimate";

export type IacKind = "terraform" | "cloudformation";

export function importIac(kind: IacKind, text: string, region: string | null): { ok: true; input: EstimateInput; report: string } | { ok: false; errors: FieldError[] } {
  const options = region ? { region } : {};
  const out = kind === "terraform" ? importTerraformPlan(text, options) : importCloudFormationTemplate(text, options);
  if (!out.ok) return out;
  const parsed = parseEstimateInput(out.input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ path: `(imported input).${e.path}`, message: e.message })) };
  const lines = [`Imported ${out.services.length} service${out.services.length === 1 ? "" : "s"}: ${out.services.map((s) => `${s.name} (from ${s.source})`).join(", ")}.`];
  if (out.unresolved.length > 0) lines.push("Not known from the file (reported, not guessed):", ...out.unresolved.map((e) => `  ${e.path}: ${e.message}`));
  if (out.notes.length > 0) lines.push("Notes:", ...out.notes.map((n) => `  - ${n}`));
  return { ok: true, input: parsed.value, report: lines.join("\n") + "\n" };
}
