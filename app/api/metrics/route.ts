// GET /api/metrics: Prometheus's scrape of this instance (lib/metrics/). Needs
// `Authorization: Bearer $METRICS_TOKEN`; without METRICS_TOKEN set it answers 503 NOT_CONFIGURED,
// so an unconfigured deployment never shows its numbers to anyone.
import { timingSafeEqual } from "node:crypto";
import { errorResponse } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { scrape } from "@/lib/ops/scrape";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function GET(request: Request): Promise<Response> {
  const expected = config().METRICS_TOKEN;
  if (!expected) return errorResponse(new AppError("NOT_CONFIGURED", "Metrics are off: set METRICS_TOKEN (README, Operations).", { missing: "METRICS_TOKEN" }));
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, expected)) return errorResponse(new AppError("UNAUTHENTICATED", "Send the metrics token: Authorization: Bearer $METRICS_TOKEN."));
  try {
    const { body, contentType } = await scrape();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch {
    return errorResponse(new AppError("SERVICE_BUSY", "The metrics could not be read: the database is not reachable."));
  }
}
