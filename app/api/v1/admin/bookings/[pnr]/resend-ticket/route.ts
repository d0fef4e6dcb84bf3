// POST /api/v1/admin/bookings/{pnr}/resend-ticket: queue the booking's e-ticket email again, to the
// passenger's own address (desk staff and admins; audited). 409 for a cancelled or unpaid booking.
import { json, route } from "@/lib/http";
import { actorOf } from "@/lib/auth/actor";
import { resendTicket } from "@/lib/admin/resend-ticket";

export const POST = route<"desk", undefined, undefined, { pnr: string }>({ access: "desk" }, async ({ user, params }) => json(await resendTicket(actorOf(user), params.pnr), 202));
