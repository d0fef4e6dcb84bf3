"use server";
// Thin server action for the users page; the rules (and the last-admin guard) live in lib/admin/users.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/actor";
import { roleChangeFormSchema } from "@/lib/schemas/admin-ops";
import { setRole } from "@/lib/admin/users";

export const setRoleAction = formAction({ access: "admin", schema: roleChangeFormSchema }, async (input, user) => {
  const { user: changed } = await setRole(actorOf(user), input);
  revalidatePath("/admin/users");
  // Someone who just gave up their own admin rights has no business on this page any more.
  if (changed.id === user.id && changed.role !== "ADMIN") redirect("/");
  const now = { ADMIN: "an admin", DESK: "desk staff", CONDUCTOR: "a conductor", PASSENGER: "a passenger" }[changed.role];
  return { status: "success", message: `${changed.name} is now ${now}.` };
});
