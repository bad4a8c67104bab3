/**
 * The published JSON Schemas (draft 2020-12) of the public contract, generated from the zod schemas
 * so they cannot drift (z.toJSONSchema).
 * Input schema = what may be sent (defaults optional); result schema = what is returned.
 */
import { z } from "../security/zod";
import { EstimateInputSchema, EstimateResultSchema } from "../schemas/estimate";

export const SCHEMA_BASE_PATH = "/schema";
export const INPUT_SCHEMA_PATH = `${SCHEMA_BASE_PATH}/estimate-input.v1.json`;
export const RESULT_SCHEMA_PATH = `${SCHEMA_BASE_PATH}/estimate-result.v1.json`;

export function estimateInputJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(EstimateInputSchema, { io: "input", unrepresentable: "any" }),
    $id: INPUT_SCHEMA_PATH,
    title: "ECS Cost Estimator: EstimateInput v1",
    description: "Body of POST /api/estimate, content of share links and of JSON imports. Rules behind the numbers: docs/billing-rules.md.",
  };
}

export function estimateResultJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(EstimateResultSchema, { io: "output", unrepresentable: "any" }),
    $id: RESULT_SCHEMA_PATH,
    title: "ECS Cost Estimator: EstimateResult v1",
    description: "Answer of POST /api/estimate and content of the JSON export. Money is USD with full precision.",
  };
}
