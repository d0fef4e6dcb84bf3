// GET /api/v1/admin/bookings/{pnr}: one booking in full (passengers, payments, refunds, event
// history with who did what) and what cancelling it now would refund. Desk staff may read it too.
import { json, route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { adminBookingDetail } from "@/lib/admin/booking-lookup";

export const GET = route<"desk", undefined, undefined, { pnr: string }>({ access: "desk" }, async ({ params }) => {
  const detail = await adminBookingDetail(params.pnr);
  if (!detail) throw new AppError("NOT_FOUND", "We could not find a booking with that reference.");
  return json(detail);
});
