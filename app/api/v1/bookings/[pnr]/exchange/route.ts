// GET  /api/v1/bookings/{pnr}/exchange?serviceId&from&to&class[&quota]: what changing to that journey
//      would cost now, or why it cannot be done (nothing changes).
// POST /api/v1/bookings/{pnr}/exchange {serviceId, from, to, class, quota?, seatIds?, cardNumber?}
//      (Idempotency-Key required) -> 200 {booking, price, payment, refund}; the new seats are taken
//      and the difference settled in one transaction, or nothing changes (409 SOLD_OUT, 402...).
import { json, route } from "@/lib/http";
import { db } from "@/lib/db";
import { actorOf } from "@/lib/auth/actor";
import { exchangeQuerySchema, exchangeSchema } from "@/lib/schemas/booking";
import { exchangeBooking, exchangeQuote } from "@/lib/booking/exchange";
import { exchangeResponse } from "@/lib/http-outcomes";
import { readIdempotencyKey } from "@/lib/idempotency/keys";
import { paymentProvider } from "@/lib/payments";

export const GET = route<"user", undefined, typeof exchangeQuerySchema, { pnr: string }>({ access: "user", query: exchangeQuerySchema }, async ({ user, query, params }) =>
  json(await exchangeQuote(db(), user.id, params.pnr.toUpperCase(), query), 200, { "Cache-Control": "no-store" }),
);

export const POST = route<"user", typeof exchangeSchema, undefined, { pnr: string }>({ access: "user", body: exchangeSchema }, async ({ request, user, body, params }) =>
  exchangeResponse(await exchangeBooking(actorOf(user), params.pnr.toUpperCase(), body, readIdempotencyKey(request), paymentProvider())),
);
