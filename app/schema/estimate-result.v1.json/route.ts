import { estimateResultJsonSchema } from "@/lib/export/json-schema";

export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(estimateResultJsonSchema(), null, 2) + "\n", {
    headers: { "content-type": "application/schema+json; charset=utf-8" },
  });
}
