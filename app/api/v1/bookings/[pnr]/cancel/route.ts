// GET  /api/v1/bookings/{pnr}/cancel: the refund cancelling now would give (nothing changes).
// POST /api/v1/bookings/{pnr}/cancel: cancel -> 200 {booking, refund}; seats are released at once.
import { json, route } from "@/lib/http";
import { db } from "@/lib/db";
import { actorOf } from "@/lib/auth/actor";
import { cancelOwnBooking, refundQuoteFor } from "@/lib/booking/cancel-booking";
import { paymentProvider } from "@/lib/payments";

export const GET = route<"user", undefined, undefined, { pnr: string }>({ access: "user" }, async ({ user, params }) =>
  json(await refundQuoteFor(db(), user.id, params.pnr.toUpperCase())),
);

export const POST = route<"user", undefined, undefined, { pnr: string }>({ access: "user" }, async ({ user, params }) =>
  json(await cancelOwnBooking(actorOf(user), params.pnr.toUpperCase(), paymentProvider())),
);
