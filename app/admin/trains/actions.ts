"use server";
// Thin server actions for the train form; validation beyond the schema, the booked-service guard
// and the writes are in lib/admin/network/save-train.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { trainFormSchema, trainUpdateSchema } from "@/lib/schemas/admin-train";
import { saveTrain } from "@/lib/admin/network/save-train";
import { actorOf } from "@/lib/auth/actor";
import { longDateLabel } from "@/lib/time/zoned";

export const createTrainAction = formAction({ access: "admin", schema: trainFormSchema }, async (input) => {
  const { trainId } = await saveTrain(input);
  revalidatePath("/admin/trains");
  redirect(`/admin/trains/${trainId}?saved=created`);
});

export const updateTrainAction = formAction({ access: "admin", schema: trainUpdateSchema }, async ({ id, existingServices, ...input }, user) => {
  // The editor always asks about services already generated when times change: docs/decisions/037.
  const result = await saveTrain(input, { trainId: id, existingServices, requireChoice: true, actor: actorOf(user) });
  revalidatePath("/admin/trains");
  revalidatePath(`/admin/trains/${id}`);
  const existing = result.existingServices;
  const told = existing && existing.notifiedBookings > 0 ? `; ${existing.notifiedBookings} ${existing.notifiedBookings === 1 ? "booking was" : "bookings were"} told of the new times by notice and e-mail` : "";
  const notes = [
    existing?.choice === "apply" ? `the new times reach the ${existing.services} services already generated from ${longDateLabel(existing.from)}${told}` : null,
    existing?.choice === "keep" ? `the ${existing.services} services already generated from ${longDateLabel(existing.from)} keep their times; services generated from now on use the new ones` : null,
    result.routeChanged && !existing ? "the new route applies to every coming service of this train" : null,
    !existing && result.retimedServices > 0 ? `${result.retimedServices} coming ${result.retimedServices === 1 ? "service was" : "services were"} moved to the new departure time` : null,
    result.compositionChanged ? "the new coaches apply to services generated from now on" : null,
  ].filter(Boolean);
  const detail = notes.join("; ");
  return {
    status: "success",
    message: `${input.number} has been saved.${detail ? ` ${detail[0]!.toUpperCase()}${detail.slice(1)}.` : ""}`,
    values: { number: input.number, name: input.name, type: input.type, active: input.active ? "on" : "", existingServices: "" },
  };
});
