"use server";
// Thin server action for a message to a service's passengers (lib/admin/manifest/service-message.ts).
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/actor";
import { serviceMessageFormSchema } from "@/lib/schemas/service-message";
import { sendServiceMessage } from "@/lib/admin/manifest/service-message";

export const sendServiceMessageAction = formAction({ access: "admin", schema: serviceMessageFormSchema }, async ({ serviceId, sendKey, ...message }, user) => {
  const result = await sendServiceMessage(actorOf(user), serviceId, message, sendKey);
  revalidatePath(`/admin/services/${serviceId}`);
  const reached = result.recipients === 1 ? "1 passenger" : `${result.recipients} passengers`;
  const bookings = result.bookings === 1 ? "1 booking" : `${result.bookings} bookings`;
  return { status: "success", message: `Message sent to ${reached} (${bookings}), in the app and by email.` };
});
