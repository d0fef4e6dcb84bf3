// GET /api/health/ready: readiness (lib/health/readiness.ts). 200 when this instance may take
// traffic, 503 when the database is away or a migration is missing; the worker is reported.
import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await readiness();
  return Response.json({ status: result.ready ? "ready" : "not ready", checks: result.checks }, { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
