import { handleActual } from "./handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function POST(req: Request): Promise<Response> {
  return handleActual(req);
}
