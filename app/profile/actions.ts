"use server";
// Thin server actions for the profile page's two forms.
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { changePasswordSchema, profileNameSchema } from "@/lib/schemas/auth";
import { changePassword, updateName } from "@/lib/auth/profile";

export const updateNameAction = formAction({ access: "user", schema: profileNameSchema }, async (input, user) => {
  const updated = await updateName(user.id, input);
  revalidatePath("/", "layout"); // the header shows the name on every page
  return { status: "success", message: "Your name has been saved.", values: { name: updated.name } };
});

export const changePasswordAction = formAction({ access: "user", schema: changePasswordSchema }, async (input, user) => {
  const { revokedTokens } = await changePassword(user.id, input);
  const tokens = revokedTokens > 0 ? ` ${revokedTokens} API token${revokedTokens === 1 ? " was" : "s were"} revoked.` : "";
  return { status: "success", message: `Your password has been changed.${tokens}` };
});
