"use server";
// Thin server actions for the sign-in, register and forgot-password forms and the header's sign-out button.
import { cookies, headers } from "next/headers";
import { formAction } from "@/lib/action";
import { clientAddress } from "@/lib/net/client-address";
import { redirect } from "next/navigation";
import { forgotPasswordSchema, registerFormSchema, resetPasswordSchema, signInSchema, WELCOME_COOKIE } from "@/lib/schemas/auth";
import { requestPasswordReset, resetPassword, RESET_TTL_MINUTES } from "@/lib/auth/password-reset";
import { registerUser } from "@/lib/auth/register";
import { signInWithPassword, signOutAndGoHome } from "@/lib/auth/sign-in";
import { getSessionUser } from "@/lib/auth/current-user";
import { endAllSessions } from "@/lib/auth/sessions";

export const signInAction = formAction({ access: "public", schema: signInSchema }, async (input) => {
  await signInWithPassword(input.email, input.password, input.callbackUrl);
});

export const registerAction = formAction({ access: "public", schema: registerFormSchema }, async (input) => {
  const user = await registerUser(input, clientAddress(await headers()));
  // Read (and removed) by the page the visitor lands on, to say the account was made.
  (await cookies()).set(WELCOME_COOKIE, "1", { maxAge: 120, path: "/", sameSite: "lax", httpOnly: false });
  await signInWithPassword(user.email, input.password, input.callbackUrl);
});

/**
 * No input to validate: signing out is allowed to anyone, so no formAction. The session is revoked,
 * not only its cookie deleted: a copy of the cookie stops working too (docs/decisions/020).
 */
export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await endAllSessions(user.id);
  await signOutAndGoHome();
}

/** Same answer for every email (lib/auth/password-reset.ts): it must not tell who has an account. */
export const forgotPasswordAction = formAction({ access: "public", schema: forgotPasswordSchema }, async (input) => {
  await requestPasswordReset(input.email, clientAddress(await headers()));
  return {
    status: "success",
    message: `If an account uses ${input.email}, we have sent it a link to choose a new password. The link works once, for ${RESET_TTL_MINUTES} minutes. Check your spam folder if nothing arrives.`,
    values: { email: input.email },
  };
});

export const resetPasswordAction = formAction({ access: "public", schema: resetPasswordSchema }, async (input) => {
  await resetPassword(input);
  redirect("/signin?reset=done");
});
