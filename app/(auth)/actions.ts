"use server";
// Thin server actions for the sign-in and register forms and the header's sign-out button.
import { headers } from "next/headers";
import { formAction } from "@/lib/action";
import { clientAddress } from "@/lib/net/client-address";
import { registerFormSchema, signInSchema } from "@/lib/schemas/auth";
import { registerUser } from "@/lib/auth/register";
import { signInWithPassword, signOutAndGoHome } from "@/lib/auth/sign-in";

export const signInAction = formAction({ access: "public", schema: signInSchema }, async (input) => {
  await signInWithPassword(input.email, input.password, input.callbackUrl);
});

export const registerAction = formAction({ access: "public", schema: registerFormSchema }, async (input) => {
  const user = await registerUser(input, clientAddress(await headers()));
  await signInWithPassword(user.email, input.password, input.callbackUrl);
});

/** No input to validate and nothing to protect: signing out is allowed to anyone, so no formAction. */
export async function signOutAction(): Promise<void> {
  await signOutAndGoHome();
}
