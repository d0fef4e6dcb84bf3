"use server";
// Thin server actions for the station pages; the rules live in lib/admin/network/stations.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { idSchema, stationFormSchema } from "@/lib/schemas/admin-network";
import { createStation, deleteStation, updateStation } from "@/lib/admin/network/stations";

export const createStationAction = formAction({ access: "admin", schema: stationFormSchema }, async (input) => {
  const station = await createStation(input);
  revalidatePath("/admin/stations");
  redirect(`/admin/stations/${station.id}?saved=created`);
});

export const updateStationAction = formAction({ access: "admin", schema: stationFormSchema.extend(idSchema.shape) }, async ({ id, ...input }) => {
  const station = await updateStation(id, input);
  revalidatePath("/admin/stations");
  return {
    status: "success",
    message: `${station.name} (${station.code}) has been saved.`,
    values: { code: station.code, name: station.name, city: station.city, timeZone: station.timeZone, minChangeMinutes: String(station.minChangeMinutes) },
  };
});

export const deleteStationAction = formAction({ access: "admin", schema: idSchema }, async ({ id }) => {
  await deleteStation(id);
  revalidatePath("/admin/stations");
  redirect("/admin/stations?deleted=1");
});
