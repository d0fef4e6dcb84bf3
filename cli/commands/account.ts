// register, login, logout: an account over POST /auth/register, a token over POST /auth/token
// (kept in the credentials file), and DELETE /auth/token to revoke it again.
import os from "node:os";
import type { Context } from "../context";
import { show } from "../context";
import { credentialsPath, forgetToken, saveToken, tokenFor } from "../credentials";
import { ask, askSecret } from "../prompts";
import { Refused } from "../errors";

export async function register(ctx: Context, options: { name?: string; email?: string; password?: string }): Promise<void> {
  const name = await ask(ctx, options.name, "Your name", "--name");
  const email = await ask(ctx, options.email, "Email", "--email");
  const password = await askSecret(ctx, options.password, "Choose a password (10 characters or more)", "--password");
  const answer = await ctx.api.request<{ user: { email: string } }>("POST", "/auth/register", { body: { name, email, password } });
  show(ctx, answer, () => `Account created for ${answer.body.user.email}. Sign in with: railbook login --email ${answer.body.user.email}`);
}

export async function login(ctx: Context, options: { email?: string; password?: string }): Promise<void> {
  const email = await ask(ctx, options.email, "Email", "--email");
  const password = await askSecret(ctx, options.password, "Password", "--password");
  const label = `railbook CLI on ${os.hostname()}`.slice(0, 60);
  const answer = await ctx.api.request<{ token: string; expiresAt: string }>("POST", "/auth/token", { body: { email, password, label } });
  await saveToken(ctx.apiUrl, { token: answer.body.token, expiresAt: answer.body.expiresAt, email: email.trim().toLowerCase() });
  show(ctx, answer, () => `Signed in as ${email.trim().toLowerCase()} until ${new Date(answer.body.expiresAt).toLocaleString()}. Token saved in ${credentialsPath()}.`);
}

export async function logout(ctx: Context): Promise<void> {
  const stored = await tokenFor(ctx.apiUrl);
  if (!stored) {
    if (!ctx.json) console.log(`Not signed in to ${ctx.apiUrl}.`);
    return;
  }
  try {
    // 204, no body: --json prints nothing.
    await ctx.api.request("DELETE", "/auth/token");
  } catch (error) {
    // Already expired or revoked on the server: forgetting it here is all that is left to do.
    if (!(error instanceof Refused && error.code === "UNAUTHENTICATED")) throw error;
  }
  await forgetToken(ctx.apiUrl);
  if (!ctx.json) console.log(`Signed out of ${ctx.apiUrl}: the token is revoked and removed from ${credentialsPath()}.`);
}
