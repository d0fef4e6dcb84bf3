"use server";
// Thin server actions for a service's schedule changes; the rules live in lib/admin/schedule-*.ts.
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/actor";
import { formatMoney } from "@/lib/money";
import { paymentProvider } from "@/lib/payments";
import { cancelServiceFormSchema, delayFormSchema, platformFormSchema } from "@/lib/schemas/admin-ops";
import { changePlatform, delayService } from "@/lib/admin/schedule-changes";
import { cancelService } from "@/lib/admin/schedule-cancellation";

function refresh(serviceId: string) {
  revalidatePath(`/admin/services/${serviceId}/schedule`);
  revalidatePath(`/admin/services/${serviceId}`);
}

const told = (n: number) => (n === 1 ? "1 booking has been told." : `${n} bookings have been told.`);

export const delayAction = formAction({ access: "admin", schema: delayFormSchema }, async (input, user) => {
  const result = await delayService(actorOf(user), input);
  refresh(input.serviceId);
  const what = input.delayMinutes === 0 ? "The train is back on time." : `A delay of ${input.delayMinutes} min is announced.`;
  return { status: "success", message: `${what} ${told(result.affectedBookings)}` };
});

export const platformAction = formAction({ access: "admin", schema: platformFormSchema }, async (input, user) => {
  const result = await changePlatform(actorOf(user), input);
  refresh(input.serviceId);
  return { status: "success", message: `Platform ${input.platform} is set. ${told(result.affectedBookings)}` };
});

export const cancelServiceAction = formAction({ access: "admin", schema: cancelServiceFormSchema }, async (input, user) => {
  const result = await cancelService(actorOf(user), input, paymentProvider());
  refresh(input.serviceId);
  const refunded = result.refunded.map((r) => formatMoney(r.amountMinor, r.currency)).join(" and ") || "nothing";
  const rest = result.complete ? "" : " Some bookings are left: press the button again to finish.";
  return {
    status: "success",
    message: `${result.alreadyCancelled ? "The train was already cancelled." : "The train is cancelled."} ${result.cancelledBookings} bookings cancelled; ${refunded} refunded.${rest}`,
  };
});
