// Liveness and database reachability, for load balancers and the test harness.
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ error: { code: "SERVICE_BUSY", message: "The database is not reachable." } }, { status: 503 });
  }
}
