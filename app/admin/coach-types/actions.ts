"use server";
// Thin server action for the coach type form; building and storing the layout is in lib/admin/network/coach-types.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { coachTypeFormSchema } from "@/lib/schemas/admin-network";
import { createCoachType } from "@/lib/admin/network/coach-types";

export const createCoachTypeAction = formAction({ access: "admin", schema: coachTypeFormSchema }, async (input) => {
  const created = await createCoachType(input);
  revalidatePath("/admin/coach-types");
  redirect(`/admin/coach-types/${created.id}?saved=created`);
});
