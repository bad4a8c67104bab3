/** What unit tests of the form draft and share links share: a parsed input, and the form's blank one-service draft. */
import { blankServiceDraft, type EstimateDraft } from "@/lib/form/draft";
import { emptyNetworkDraft } from "@/lib/form/network";
import { parseEstimateInput, type EstimateInput } from "@/lib/schemas/estimate";

/** The input the schema makes of `raw`; throws with the field errors when it is not valid. */
export function parseValidInput(raw: unknown): EstimateInput {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
}

/** The form with one blank service and every setting at its default (ECS, no network), in us-east-1. */
export function blankDraft(catalog: string): EstimateDraft {
  return {
    region: "us-east-1",
    catalog,
    services: [blankServiceDraft(1, "k1")],
    savingsPlan: "none",
    ec2: { purchase: "on-demand", instanceTypes: "", targetUtilizationPct: "100", minInstances: "0", networkMode: "awsvpc", eniTrunking: false, rootVolumeGiB: "30" },
    network: emptyNetworkDraft(),
  };
}
