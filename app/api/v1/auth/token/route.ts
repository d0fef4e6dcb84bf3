// POST /api/v1/auth/token {email, password} -> 200 {token, expiresAt}: a bearer token for the API.
// Same password check and throttle as the sign-in form (429 RATE_LIMITED with Retry-After).
import { json, route } from "@/lib/http";
import { tokenSchema } from "@/lib/schemas/auth";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { issueApiToken } from "@/lib/auth/api-tokens";

export const POST = route({ access: "public", body: tokenSchema }, async ({ request, body }) => {
  const user = await authenticateWithPassword(body, request.headers);
  const { token, expiresAt } = await issueApiToken(user.id);
  return json({ token, expiresAt: expiresAt.toISOString() }, 200, { "Cache-Control": "no-store" });
});
