"use server";
// Thin server actions for the profile page's forms.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { changePasswordSchema, deleteAccountSchema, profileNameSchema, revokeTokenFormSchema } from "@/lib/schemas/auth";
import { deleteOwnAccount } from "@/lib/accounts/delete-account";
import { z } from "zod";
import { revokeApiTokenById } from "@/lib/auth/api-tokens";
import { signOutEverywhere } from "@/lib/auth/sessions";
import { signOutAndGoHome } from "@/lib/auth/sign-in";
import { changePassword, updateName } from "@/lib/auth/profile";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signInPath } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/net/client-address";

export const updateNameAction = formAction({ access: "user", schema: profileNameSchema }, async (input, user) => {
  const updated = await updateName(user.id, input);
  revalidatePath("/", "layout"); // the header shows the name on every page
  return { status: "success", message: "Your name has been saved.", values: { name: updated.name } };
});

export const changePasswordAction = formAction({ access: "user", schema: changePasswordSchema }, async (input, user) => {
  await changePassword(user.id, input, clientAddress(await headers()));
  // The change outdates every session, this one included (lib/auth/session-token.ts): sign in
  // afresh with the new password and come back to say it worked.
  try {
    await signInWithPassword(user.email, input.newPassword, "/profile?changed=password");
  } catch (error) {
    if (isAppError(error)) redirect(signInPath("/profile")); // e.g. this IP is throttled
    throw error; // NEXT_REDIRECT
  }
});

/** Every session (this one too) and every API token: for a lost phone or a shared computer. */
export const signOutEverywhereAction = formAction({ access: "user", schema: z.object({}) }, async (_input, user) => {
  await signOutEverywhere(user.id);
  await signOutAndGoHome();
});

export const revokeTokenAction = formAction({ access: "user", schema: revokeTokenFormSchema }, async (input, user) => {
  const revoked = await revokeApiTokenById(user.id, input.tokenId);
  revalidatePath("/profile");
  return revoked ? { status: "success", message: "The token was revoked." } : { status: "error", message: "That token was already revoked or has expired." };
});

/** Anonymises the account (lib/accounts/delete-account.ts), or says which trips to cancel first. */
export const deleteAccountAction = formAction({ access: "user", schema: deleteAccountSchema }, async (input, user) => {
  const outcome = await deleteOwnAccount(user.id, input, clientAddress(await headers()));
  if (outcome.kind === "refused") {
    const list = outcome.pnrs.join(", ");
    return {
      status: "error",
      message: `Nothing was deleted: you still have ${outcome.pnrs.length === 1 ? "a booking" : "bookings"} to travel on or pay for (${list}). Cancel ${outcome.pnrs.length === 1 ? "it" : "them"} first on My bookings (paid fares are refunded under the refund rules), then delete your account.`,
    };
  }
  await signOutAndGoHome("/account-deleted");
});
