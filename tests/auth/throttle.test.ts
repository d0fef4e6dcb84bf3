import { describe, expect, it } from "vitest";
import { POST as issueToken } from "@/app/api/v1/auth/token/route";
import { db } from "@/lib/db";
import { clientIp, recordFailure, THROTTLE_POLICY } from "@/lib/auth/throttle";
import { createUser, uniqueSuffix } from "../helpers/factories";
import { call, type ErrorBody } from "./http";

/** A documentation-range address per test, so tests never share an IP bucket. */
function testIp(): string {
  const n = Number.parseInt(uniqueSuffix().slice(0, 4), 16);
  return `198.51.${n >> 8}.${n & 255}`;
}

function attempt(email: string, password: string, ip?: string) {
  return call<ErrorBody>(issueToken, { body: { email, password }, headers: ip ? { "x-forwarded-for": `${ip}, 10.0.0.1` } : {} });
}

describe("sign-in throttling", () => {
  it("refuses an email with 429 RATE_LIMITED after 5 failures, even with the right password", async () => {
    const { user, password } = await createUser();
    for (let i = 1; i <= THROTTLE_POLICY.emailLimit; i++) {
      const res = await attempt(user.email, `wrong-${i}-password`);
      expect(res.status, `failure ${i}`).toBe(401);
    }

    const refused = await attempt(user.email, password);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.body.error.message).toMatch(/^Too many attempts/);
    const retry = refused.body.error.details?.retryAfterSeconds ?? 0;
    expect(retry).toBeGreaterThan(THROTTLE_POLICY.blockSeconds - 60);
    expect(retry).toBeLessThanOrEqual(THROTTLE_POLICY.blockSeconds);
    expect(refused.headers.get("retry-after")).toBe(String(retry));
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets the person in again once the block has ended", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < THROTTLE_POLICY.emailLimit; i++) await attempt(user.email, "wrong-password");
    expect((await attempt(user.email, password)).status).toBe(429);

    // Fifteen minutes pass: the block and the window it started in are both over.
    await db().$executeRaw`
      UPDATE "AuthThrottle"
      SET "blockedUntil" = now() - interval '1 second', "windowStartedAt" = now() - interval '31 minutes'
      WHERE "key" = ${`email:${user.email}`}`;

    expect((await attempt(user.email, password)).status).toBe(200);
    expect(await db().authThrottle.findUnique({ where: { key: `email:${user.email}` } })).toBeNull();
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < THROTTLE_POLICY.emailLimit - 1; i++) expect((await attempt(user.email, "wrong-password")).status).toBe(401);
    expect((await attempt(user.email, password)).status).toBe(200);

    for (let i = 0; i < THROTTLE_POLICY.emailLimit - 1; i++) expect((await attempt(user.email, "wrong-password")).status).toBe(401);
    expect((await attempt(user.email, password)).status).toBe(200);
  });

  it("counts failures for emails that have no account, so probing for accounts is throttled too", async () => {
    const email = `ghost-${uniqueSuffix()}@example.test`;
    for (let i = 0; i < THROTTLE_POLICY.emailLimit; i++) expect((await attempt(email, "guess-password")).status).toBe(401);
    expect((await attempt(email, "guess-password")).status).toBe(429);
  });

  it("refuses an IP after 20 failures across many emails, while other IPs carry on", async () => {
    const ip = testIp();
    for (let i = 0; i < THROTTLE_POLICY.ipLimit; i++) {
      expect((await attempt(`spray-${i}-${uniqueSuffix()}@example.test`, "guess-password", ip)).status).toBe(401);
    }
    const { user, password } = await createUser();
    const refused = await attempt(user.email, password, ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");

    expect((await attempt(user.email, password, testIp())).status).toBe(200);
  });

  it("counts concurrent failures exactly (one upsert each, no lost updates)", async () => {
    const key = `email:concurrent-${uniqueSuffix()}@example.test`;
    const n = 40;
    await Promise.all(Array.from({ length: n }, () => recordFailure([{ key, limit: 1_000 }])));
    const row = await db().authThrottle.findUniqueOrThrow({ where: { key } });
    expect(row.failures).toBe(n);
    expect(row.blockedUntil).toBeNull();
  });

  it("blocks when concurrent wrong passwords reach the limit together", async () => {
    const { user, password } = await createUser();
    const results = await Promise.all(Array.from({ length: 8 }, () => attempt(user.email, "wrong-password")));
    // Every attempt that got past the check was counted; the limit was reached, so the next is refused.
    const row = await db().authThrottle.findUniqueOrThrow({ where: { key: `email:${user.email}` } });
    expect(row.failures).toBe(results.filter((r) => r.status === 401).length);
    expect(row.failures).toBeGreaterThanOrEqual(THROTTLE_POLICY.emailLimit);
    expect((await attempt(user.email, password)).status).toBe(429);
  });
});

describe("clientIp", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("takes the first hop of X-Forwarded-For, else X-Real-IP", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "192.0.2.1" }))).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-real-ip": "192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8::1");
  });

  it("ignores values that are not addresses", () => {
    expect(clientIp(headers({ "x-forwarded-for": "evil; DROP TABLE", "x-real-ip": "192.0.2.4" }))).toBe("192.0.2.4");
    expect(clientIp(headers({}))).toBeNull();
  });
});
