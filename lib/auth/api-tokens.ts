// Bearer tokens for API clients. The token is 32 random bytes shown once; only its SHA-256 is
// stored, so a leaked database copy holds nothing that signs anyone in. SHA-256 (not Argon2) is
// enough because the token has 256 bits of entropy: there is nothing to guess offline.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";

/** lastUsedAt is bookkeeping, not security: write it at most this often per token. */
const LAST_USED_GRANULARITY_MS = 5 * 60_000;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function apiTokenTtlHours(): number {
  return config().API_TOKEN_TTL_HOURS;
}

export async function issueApiToken(userId: string, now: Date = new Date(), label?: string): Promise<IssuedToken> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + apiTokenTtlHours() * 3_600_000);
  await db().apiToken.create({ data: { userId, tokenHash: hashApiToken(token), expiresAt, label: label ?? null } });
  return { token, expiresAt };
}

export interface ApiTokenSummary {
  id: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
}

/** The user's live tokens (not expired, not revoked), newest first: never the token itself. */
export async function listApiTokens(userId: string, now: Date = new Date()): Promise<ApiTokenSummary[]> {
  return db().apiToken.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, label: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Revokes one of the user's own tokens by id; false when it is not theirs or not live. */
export async function revokeApiTokenById(userId: string, tokenId: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db().apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

/** Revokes the token itself (DELETE /api/v1/auth/token): a client signing out. */
export async function revokePresentedToken(token: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db().apiToken.updateMany({ where: { tokenHash: hashApiToken(token), revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

/** The bearer token of a request, or null. */
export function bearerToken(request: Request): string | null {
  const authorization = request.headers.get("authorization");
  if (!authorization || !/^bearer\s/i.test(authorization)) return null;
  return authorization.slice(authorization.indexOf(" ") + 1).trim() || null;
}

/** The token's owner, read fresh (so a role change applies at once); null if unknown, expired or revoked. */
export async function userForApiToken(token: string, now: Date = new Date()): Promise<CurrentUser | null> {
  if (!token) return null;
  // One statement: Prisma would read the token and its user with a query each, and this runs
  // before every API request (bench/REPORT.md, profile).
  const [row] = await db().$queryRaw<{ id: string; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null; user: CurrentUser }[]>`
    SELECT t.id, t."expiresAt", t."revokedAt", t."lastUsedAt",
           json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'role', u.role) AS "user"
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashApiToken(token)}`;
  if (!row || row.revokedAt || row.expiresAt <= now) return null;

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return row.user;
}

/** Revokes every live token of a user (after a password change, say). Returns how many. */
export async function revokeApiTokens(tx: Tx, userId: string, now: Date = new Date()): Promise<number> {
  const { count } = await tx.apiToken.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count;
}
