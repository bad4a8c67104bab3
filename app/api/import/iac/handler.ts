/**
 * POST /api/import/iac?kind=terraform|cloudformation[&region=eu-west-1]: the body is a Terraform plan JSON
 * (`terraform show -json`) or a CloudFormation / CDK template (JSON or YAML). 200 `{ input, services, notes,
 * unresolved }` (docs/iac-import.md); 400 `{ errors: [{ path, message }] }`; 413 above 5 MB; 415.
 */
import { importCloudFormationTemplate } from "@/lib/import/cloudformation";
import { importTerraformPlan } from "@/lib/import/terraform";
import { parseEstimateInput } from "@/lib/schemas/estimate";
import { errorResponse, jsonResponse, readBodyText, serverErrorResponse } from "../../http";

export const MAX_IAC_BODY_BYTES = 5 * 1024 * 1024;

function acceptsText(contentType: string | null): boolean {
  if (contentType === null || contentType.trim() === "") return true;
  const mime = contentType.split(";")[0]!.trim().toLowerCase();
  return mime === "application/json" || mime.endsWith("+json") || mime.startsWith("text/") || mime === "application/yaml" || mime === "application/x-yaml";
}

export async function handleIacImport(req: Request): Promise<Response> {
  try {
    const params = new URL(req.url).searchParams;
    const kind = params.get("kind");
    if (kind !== "terraform" && kind !== "cloudformation") return errorResponse(400, [{ path: "(query).kind", message: "must be terraform or cloudformation" }]);
    const region = params.get("region");
    const body = await readBodyText(req, { limit: MAX_IAC_BODY_BYTES, accept: acceptsText, acceptText: "application/json, application/yaml or text/*" });
    if (!body.ok) return body.response;
    const options = region ? { region } : {};
    const out = kind === "terraform" ? importTerraformPlan(body.value, options) : importCloudFormationTemplate(body.value, options);
    if (!out.ok) return errorResponse(400, out.errors);
    const parsed = parseEstimateInput(out.input);
    if (!parsed.ok) return errorResponse(400, parsed.errors.map((e) => ({ path: `(imported input).${e.path}`, message: e.message })));
    return jsonResponse({ input: out.input, services: out.services, notes: out.notes, unresolved: out.unresolved });
  } catch (error) {
    return serverErrorResponse("POST /api/import/iac", error, "the import failed because of a server error; the file was not the problem");
  }
}
