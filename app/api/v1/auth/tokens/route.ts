// GET /api/v1/auth/tokens -> 200 {tokens: [{id, label, createdAt, lastUsedAt, expiresAt}]}: the
// caller's live API tokens (never the tokens themselves), as the profile page lists them.
import { json, route } from "@/lib/http";
import { listApiTokens } from "@/lib/auth/api-tokens";

export const GET = route({ access: "user" }, async ({ user }) => {
  const tokens = await listApiTokens(user.id);
  return json({
    tokens: tokens.map((t) => ({
      id: t.id,
      label: t.label,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      expiresAt: t.expiresAt.toISOString(),
    })),
  });
});
