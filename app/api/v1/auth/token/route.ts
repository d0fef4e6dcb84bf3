// POST /api/v1/auth/token {email, password, label?} -> 200 {token, expiresAt}: a bearer token for the API.
// Same password check and throttle as the sign-in form (429 RATE_LIMITED with Retry-After).
// DELETE /api/v1/auth/token (with that token as the bearer) -> 204: the token is revoked.
import { json, route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { issueTokenSchema } from "@/lib/schemas/auth";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { bearerToken, issueApiToken, revokePresentedToken } from "@/lib/auth/api-tokens";

export const POST = route({ access: "public", body: issueTokenSchema }, async ({ request, body }) => {
  const user = await authenticateWithPassword(body, request.headers);
  const { token, expiresAt } = await issueApiToken(user.id, new Date(), body.label);
  return json({ token, expiresAt: expiresAt.toISOString() }, 200, { "Cache-Control": "no-store" });
});

export const DELETE = route({ access: "user" }, async ({ request }) => {
  const token = bearerToken(request);
  // A browser session is ended by signing out, not here: this revokes the token presented.
  if (!token) throw new AppError("VALIDATION_FAILED", "Send the token to revoke as Authorization: Bearer <token>.");
  await revokePresentedToken(token);
  return new Response(null, { status: 204 });
});
