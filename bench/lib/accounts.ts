// Simulated users, each with an account and a live API token, created in two statements. This is
// setup, not the measured path: registering 500 people through the API would spend minutes in
// Argon2 (19 MiB, by design slow) before the first booking.
//
// - Users: one INSERT ... SELECT over generate_series, all sharing ONE precomputed Argon2id hash of
//   BENCH_PASSWORD (hashed once with the app's own hashPassword), so each could also sign in
//   through POST /api/v1/auth/token if a scenario wanted to.
// - Tokens: 32 random bytes each, made here; only their SHA-256 goes into "ApiToken", exactly what
//   lib/auth/api-tokens.ts issueApiToken() stores. lastUsedAt is left NULL, as on a freshly issued
//   token, so a user's first request pays the same lastUsedAt write it would in production.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";

export const BENCH_PASSWORD = "bench-password-not-secret";

export interface BenchUser {
  id: string;
  email: string;
  /** "Bearer <token>" */
  authorization: string;
}

export async function createUsers(url: string, count: number): Promise<BenchUser[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; email: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, 'bench-' || g || '@bench.test', 'Bench User ' || g, $1, 'PASSENGER', now(), now()
       FROM generate_series(1, $2::int) g
       RETURNING id, email`,
      [passwordHash, count],
    );
    const tokens = rows.map(() => randomBytes(32).toString("base64url"));
    const hashes = tokens.map((t) => createHash("sha256").update(t, "utf8").digest("hex"));
    await client.query(
      `INSERT INTO "ApiToken" (id, "userId", "tokenHash", "expiresAt", "createdAt")
       SELECT gen_random_uuid()::text, u, h, now() + interval '1 day', now()
       FROM unnest($1::text[], $2::text[]) AS x(u, h)`,
      [rows.map((r) => r.id), hashes],
    );
    return rows.map((r, i) => ({ id: r.id, email: r.email, authorization: `Bearer ${tokens[i]}` }));
  } finally {
    await client.end();
  }
}
