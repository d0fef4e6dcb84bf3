// POST /api/v1/bookings (Idempotency-Key required): hold seats -> 201 booking (HELD), or a
// waiting-list place -> 201 booking (WAITLISTED); refusals with their error code's status.
// GET  /api/v1/bookings: the caller's own bookings, newest first.
import { json, route } from "@/lib/http";
import { bookingResponse } from "@/lib/http-outcomes";
import { db } from "@/lib/db";
import { createBookingSchema } from "@/lib/schemas/booking";
import { actorOf } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/net/client-address";
import { createBooking } from "@/lib/booking/create-booking";
import { listOwnBookings } from "@/lib/booking/booking-view";
import { readIdempotencyKey } from "@/lib/idempotency/keys";

export const POST = route({ access: "user", body: createBookingSchema }, async ({ request, user, body }) =>
  bookingResponse(await createBooking(actorOf(user), body, readIdempotencyKey(request), { address: clientAddress(request.headers) })),
);

export const GET = route({ access: "user" }, async ({ user }) => json({ bookings: await listOwnBookings(db(), user.id) }));
