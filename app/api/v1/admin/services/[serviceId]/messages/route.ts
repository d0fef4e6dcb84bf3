// POST /api/v1/admin/services/{serviceId}/messages: a message to every passenger with a confirmed
// booking on the service (in-app + email, one audit entry). The Idempotency-Key header makes a
// repeat send nothing and answer the first outcome (200 instead of 201).
import { json, route } from "@/lib/http";
import { actorOf } from "@/lib/auth/actor";
import { parseKey, readIdempotencyKey } from "@/lib/idempotency/keys";
import { serviceMessageSchema } from "@/lib/schemas/service-message";
import { sendServiceMessage } from "@/lib/admin/manifest/service-message";

export const POST = route<"admin", typeof serviceMessageSchema, undefined, { serviceId: string }>(
  { access: "admin", body: serviceMessageSchema },
  async ({ request, user, body, params }) => {
    const key = parseKey(readIdempotencyKey(request));
    if ("error" in key) throw key.error;
    const result = await sendServiceMessage(actorOf(user), params.serviceId, body, key.key);
    return result.replayed ? json(result, 200, { "Idempotent-Replayed": "true" }) : json(result, 201);
  },
);
