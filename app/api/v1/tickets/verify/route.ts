// POST /api/v1/tickets/verify (conductors and admins; Idempotency-Key required: it names the check,
// so a device that lost the answer, or syncs a check made offline, records it once). Body: the
// service the conductor is on and a scanned ticket or a typed PNR. 200 with the outcome: ACCEPTED
// (marked checked), ALREADY_CHECKED (with the first check), or REFUSED with the reason. A refused
// ticket is an answer about the ticket, not a bad request (docs/decisions/026-signed-tickets.md).
import { json, route } from "@/lib/http";
import { actorOf } from "@/lib/auth/actor";
import { parseKey, readIdempotencyKey } from "@/lib/idempotency/keys";
import { verifyTicketSchema } from "@/lib/schemas/tickets";
import { checkTicket } from "@/lib/tickets/check-ticket";

export const POST = route({ access: "conductor", body: verifyTicketSchema }, async ({ request, user, body }) => {
  const key = parseKey(readIdempotencyKey(request));
  if ("error" in key) throw key.error;
  return json(await checkTicket(actorOf(user), body, key.key));
});
