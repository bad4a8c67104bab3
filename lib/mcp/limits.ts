/**
 * Size limits of the MCP server, the same as the HTTP API's for the same payloads, so a tool call can carry what a
 * request can and no more (tests/unit/mcp/limits.test.ts checks they agree with the routes' constants).
 */
import { MAX_IMPORT_BYTES } from "../export/import";
import { MAX_MANIFEST_BYTES } from "../import/limits";

/** An EstimateInput as JSON text: POST /api/estimate's MAX_BODY_BYTES (256 kB). */
export const MAX_INPUT_JSON_CHARS = 256 * 1024;
/** Kubernetes manifests: POST /api/import/k8s's limit (1 MiB). */
export const MAX_MANIFEST_CHARS = MAX_MANIFEST_BYTES;
/** A Terraform plan or CloudFormation template: POST /api/import/iac's MAX_IAC_BODY_BYTES (5 MB). */
export const MAX_IAC_CHARS = 5 * 1024 * 1024;
/** One side of a comparison (a share link, export or input): the "Import JSON" limit (5 MB) compare reads with. */
export const MAX_COMPARE_SIDE_CHARS = MAX_IMPORT_BYTES;
/** A utilization export pasted as text: the same 5 MB as the other text payloads (the CLI reads files up to 50 MB). */
export const MAX_USAGE_TEXT_CHARS = 5 * 1024 * 1024;
/**
 * One JSON-RPC message over HTTP (POST /api/mcp): the largest payload above (5 MB of text), JSON-escaped, plus the
 * envelope. The transport refuses a larger body with 413 before parsing it.
 */
export const MAX_MCP_MESSAGE_BYTES = 6 * 1024 * 1024;

/** Answers stay readable and bounded: the summary text... */
export const MAX_SUMMARY_CHARS = 12_000;
/** ...and the full EstimateResult in structured content up to this size; beyond it, totals only and the share link. */
export const MAX_STRUCTURED_RESULT_CHARS = 256 * 1024;
