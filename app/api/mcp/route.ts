import { handleMcpMethodNotAllowed, handleMcpPost } from "./handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function POST(req: Request): Promise<Response> {
  return handleMcpPost(req);
}

export function GET(): Response {
  return handleMcpMethodNotAllowed();
}

export function DELETE(): Response {
  return handleMcpMethodNotAllowed();
}
