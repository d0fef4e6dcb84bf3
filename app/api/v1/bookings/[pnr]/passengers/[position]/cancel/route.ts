// GET  /api/v1/bookings/{pnr}/passengers/{position}/cancel: the refund cancelling that one passenger
//      now would give (nothing changes).
// POST /api/v1/bookings/{pnr}/passengers/{position}/cancel -> 200 {booking, passenger, refund, wholeBooking}:
//      their seat is released at once; the others keep travelling on a new ticket. The last
//      passenger left cancels the booking.
import { json, route } from "@/lib/http";
import { db } from "@/lib/db";
import { actorOf } from "@/lib/auth/actor";
import { passengerPositionSchema } from "@/lib/schemas/booking";
import { fieldErrorsFrom } from "@/lib/validation";
import { validationError } from "@/lib/errors";
import { cancelOwnPassenger, passengerRefundQuote } from "@/lib/booking/cancel-passenger";
import { paymentProvider } from "@/lib/payments";

type Params = { pnr: string; position: string };

function positionOf(raw: string): number {
  const parsed = passengerPositionSchema.safeParse(raw);
  if (!parsed.success) throw validationError({ position: fieldErrorsFrom(parsed.error)[""] ?? ["Use a passenger number from 1 to 6."] }, "No such passenger number.");
  return parsed.data;
}

export const GET = route<"user", undefined, undefined, Params>({ access: "user" }, async ({ user, params }) =>
  json(await passengerRefundQuote(db(), user.id, params.pnr.toUpperCase(), positionOf(params.position))),
);

export const POST = route<"user", undefined, undefined, Params>({ access: "user" }, async ({ user, params }) =>
  json(await cancelOwnPassenger(actorOf(user), params.pnr.toUpperCase(), positionOf(params.position), paymentProvider())),
);
