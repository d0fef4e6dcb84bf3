// Ending sessions. Sessions are encrypted JWT cookies (docs/decisions/004), which cannot be revoked
// one by one; each carries the user's sessionVersion from sign-in, and current-user.ts refuses one
// whose version is behind the stored one. Bumping the version ends every session of that person
// (docs/decisions/020-session-revocation.md).
import "server-only";
import { db } from "@/lib/db";
import { revokeApiTokens } from "@/lib/auth/api-tokens";

/** Ends every browser session of the user (this one too). */
export async function endAllSessions(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** "Sign out everywhere": every session and every API token of the user. Returns the tokens revoked. */
export async function signOutEverywhere(userId: string): Promise<{ revokedTokens: number }> {
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    return { revokedTokens: await revokeApiTokens(tx, userId) };
  });
}
