// GET /.well-known/railbook-ticket-keys: the operator's public ticket keys (current and retired
// ones still verifying) and the revoked tickets, for any verifier, online or about to go offline
// (the /check page keeps a copy). Public by design; cached briefly so a revocation spreads in a minute.
import { db } from "@/lib/db";
import { errorResponse, toAppError } from "@/lib/http";
import { ticketKeySet } from "@/lib/tickets/key-registry";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json(await ticketKeySet(db()), { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    return errorResponse(toAppError(error));
  }
}
