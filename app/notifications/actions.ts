"use server";
// Thin server actions for the notifications page: mark one notice read, or all of them. Both go
// through lib/notifications/inbox.ts, which also tells every open tab's bell (a live event).
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { markAllReadFormSchema, markOneReadFormSchema } from "@/lib/schemas/notifications";
import { markRead } from "@/lib/notifications/inbox";

export const markOneReadAction = formAction({ access: "user", schema: markOneReadFormSchema }, async (input, user) => {
  await markRead(user.id, { ids: [input.id] });
  revalidatePath("/", "layout"); // the header's count is rendered with every page
  return { status: "success", message: "Marked as read." };
});

export const markAllReadAction = formAction({ access: "user", schema: markAllReadFormSchema }, async (_input, user) => {
  const { updated } = await markRead(user.id, { all: true });
  revalidatePath("/", "layout");
  return { status: "success", message: updated === 1 ? "1 notice marked as read." : `${updated} notices marked as read.` };
});
