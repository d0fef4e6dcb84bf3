"use server";
// Thin server action for the booking page; the rules live in lib/admin/cancel-on-behalf.ts.
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/actor";
import { formatMoney } from "@/lib/money";
import { paymentProvider } from "@/lib/payments";
import { adminCancelSchema, resendTicketFormSchema } from "@/lib/schemas/admin-ops";
import { resendTicket } from "@/lib/admin/resend-ticket";
import { cancelOnBehalf } from "@/lib/admin/cancel-on-behalf";

export const cancelOnBehalfAction = formAction({ access: "admin", schema: adminCancelSchema }, async (input, user) => {
  const { refund, fullRefund } = await cancelOnBehalf(actorOf(user), input, paymentProvider());
  revalidatePath(`/admin/bookings/${input.pnr}`);
  const money = refund.amount > 0 ? `${formatMoney(refund.amount, refund.currency)} is being refunded${fullRefund ? " in full" : ""}.` : "Nothing was paid, so nothing is refunded.";
  return { status: "success", message: `Booking ${input.pnr} is cancelled. ${money} The passenger has been told.` };
});

/** Desk staff and admins: the e-ticket email again, to the passenger (lib/admin/resend-ticket.ts). */
export const resendTicketAction = formAction({ access: "desk", schema: resendTicketFormSchema }, async (input, user) => {
  const { email } = await resendTicket(actorOf(user), input.pnr);
  revalidatePath(`/admin/bookings/${input.pnr}`);
  return { status: "success", message: `The e-ticket for ${input.pnr} is on its way to ${email} again.` };
});
