// GET /api/v1/bookings/{pnr}: one of the caller's bookings (anyone else's is 404).
import { json, route } from "@/lib/http";
import { db } from "@/lib/db";
import { ownBookingView } from "@/lib/booking/booking-view";

export const GET = route<"user", undefined, undefined, { pnr: string }>({ access: "user" }, async ({ user, params }) =>
  json(await ownBookingView(db(), user.id, params.pnr.toUpperCase())),
);
