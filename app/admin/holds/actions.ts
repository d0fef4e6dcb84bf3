"use server";
// Thin server action for the holds page; the rules live in lib/admin/holds.ts.
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/actor";
import { releaseHoldsFormSchema } from "@/lib/schemas/admin-ops";
import { releaseHolds } from "@/lib/admin/holds";
import { plural } from "@/lib/limits/limiter";

export const releaseHoldsAction = formAction({ access: "admin", schema: releaseHoldsFormSchema }, async (input, user) => {
  const released = await releaseHolds(actorOf(user), input.userId);
  revalidatePath("/admin/holds");
  return {
    status: "success",
    message:
      released.bookings === 0
        ? `${released.name} holds no unpaid seats any more.`
        : `Released ${plural(released.seats, "seat")} in ${plural(released.bookings, "booking")} of ${released.name}; they are back on sale.`,
  };
});
