// POST /api/v1/bookings/{pnr}/payment {cardNumber} (Idempotency-Key required)
//   -> 200 {booking, payment}; 402 PAYMENT_DECLINED; 409 HOLD_EXPIRED (nothing charged).
import { route } from "@/lib/http";
import { paymentResponse } from "@/lib/http-outcomes";
import { paymentSchema } from "@/lib/schemas/booking";
import { actorOf } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/net/client-address";
import { requestPayment } from "@/lib/booking/pay-request";
import { readIdempotencyKey } from "@/lib/idempotency/keys";

export const POST = route<"user", typeof paymentSchema, undefined, { pnr: string }>({ access: "user", body: paymentSchema }, async ({ request, user, body, params }) =>
  paymentResponse(await requestPayment(actorOf(user), params.pnr.toUpperCase(), body, readIdempotencyKey(request), { address: clientAddress(request.headers) })),
);
