// POST /api/v1/admin/bookings/{pnr}/cancel: cancel for the passenger, refunding by the rules or in
// full ({"fullRefund": true}); recorded as the admin's act. With expectedRefundMinor, nothing
// happens (409) when the refund is no longer that amount.
import { json, route } from "@/lib/http";
import { actorOf } from "@/lib/auth/actor";
import { paymentProvider } from "@/lib/payments";
import { adminCancelBodySchema } from "@/lib/schemas/admin-ops";
import { cancelOnBehalf } from "@/lib/admin/cancel-on-behalf";

export const POST = route<"admin", typeof adminCancelBodySchema, undefined, { pnr: string }>(
  { access: "admin", body: adminCancelBodySchema },
  async ({ user, body, params }) => json(await cancelOnBehalf(actorOf(user), { ...body, pnr: params.pnr.toUpperCase() }, paymentProvider())),
);
