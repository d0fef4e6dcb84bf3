// GET /api/health/live: liveness. The process answers; nothing else is asked (a database outage
// must not make an orchestrator restart every instance). Readiness is /api/health/ready.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
