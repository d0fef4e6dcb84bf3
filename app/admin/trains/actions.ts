"use server";
// Thin server actions for the train form; validation beyond the schema, the booked-service guard
// and the writes are in lib/admin/network/save-train.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { trainFormSchema, trainUpdateSchema } from "@/lib/schemas/admin-train";
import { saveTrain } from "@/lib/admin/network/save-train";

export const createTrainAction = formAction({ access: "admin", schema: trainFormSchema }, async (input) => {
  const { trainId } = await saveTrain(input);
  revalidatePath("/admin/trains");
  redirect(`/admin/trains/${trainId}?saved=created`);
});

export const updateTrainAction = formAction({ access: "admin", schema: trainUpdateSchema }, async ({ id, ...input }) => {
  const result = await saveTrain(input, { trainId: id });
  revalidatePath("/admin/trains");
  revalidatePath(`/admin/trains/${id}`);
  const notes = [
    result.routeChanged ? "the new route applies to every coming service of this train" : null,
    result.retimedServices > 0 ? `${result.retimedServices} coming ${result.retimedServices === 1 ? "service was" : "services were"} moved to the new departure time` : null,
    result.compositionChanged ? "the new coaches apply to services generated from now on" : null,
  ].filter(Boolean);
  const detail = notes.join("; ");
  return {
    status: "success",
    message: `${input.number} has been saved.${detail ? ` ${detail[0]!.toUpperCase()}${detail.slice(1)}.` : ""}`,
    values: { number: input.number, name: input.name, type: input.type, active: input.active ? "on" : "" },
  };
});
