/**
 * Where the form turns into an input: the form's text (an EstimateDraft, see lib/share/draft.ts) becomes a
 * validated EstimateInput, or every problem with the path of its field (`services[1].vcpu`), which is how the
 * pages put each message next to its field. Composes lib only: reading the text (draftToRaw) and the contract
 * (parseEstimateInput). Both the estimator (through its lazily loaded kit) and /rightsize call this.
 */
import { parseEstimateInput, type EstimateInput, type FieldError } from "@/lib/schemas/estimate";
import { draftToRaw, mergeFieldErrors, type EstimateDraft } from "@/lib/share/draft";

export type DraftOutcome = { ok: true; input: EstimateInput } | { ok: false; errors: FieldError[] };

export function draftToInput(draft: EstimateDraft): DraftOutcome {
  const { raw, errors: textErrors } = draftToRaw(draft);
  const parsed = parseEstimateInput(raw);
  if (textErrors.length > 0 || !parsed.ok) return { ok: false, errors: mergeFieldErrors(textErrors, parsed.ok ? [] : parsed.errors) };
  return { ok: true, input: parsed.value };
}
