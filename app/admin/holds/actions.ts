"use server";
// Thin server action for the holds page; the rules live in lib/admin/holds.ts. A release takes the
// account off the list, so its outcome is shown by the page (the query says what was released).
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/actor";
import { releaseHoldsFormSchema } from "@/lib/schemas/admin-ops";
import { releaseHolds } from "@/lib/admin/holds";

export const releaseHoldsAction = formAction({ access: "admin", schema: releaseHoldsFormSchema }, async (input, user) => {
  const released = await releaseHolds(actorOf(user), input.userId);
  redirect(`/admin/holds?released=${encodeURIComponent(input.userId)}&seats=${released.seats}&bookings=${released.bookings}`);
});
