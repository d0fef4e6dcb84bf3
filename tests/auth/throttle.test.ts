import { describe, expect, it } from "vitest";
import { POST as issueToken } from "@/app/api/v1/auth/token/route";
import { db } from "@/lib/db";
import { THROTTLE_POLICY } from "@/lib/auth/throttle";
import { PEER_HEADER } from "@/lib/net/client-address";
import { createUser, uniqueSuffix } from "../helpers/factories";
import { call, type ErrorBody } from "./http";

/** A documentation-range address per call, so tests never share an address bucket. */
export function testIp(): string {
  const n = Number.parseInt(uniqueSuffix().slice(0, 4), 16);
  return `198.51.${n >> 8}.${n & 255}`;
}

/** As scripts/serve.mjs delivers it: the socket address in PEER_HEADER (tests/helpers/setup-env.ts). */
function attempt(email: string, password: string, ip: string, extra: Record<string, string> = {}) {
  return call<ErrorBody>(issueToken, { body: { email, password }, headers: { [PEER_HEADER]: ip, ...extra } });
}

async function failures(limit: string, subject: string): Promise<number> {
  const row = await db().rateLimit.findUnique({ where: { key: `${limit}:${subject}` } });
  return row?.points ?? 0;
}

describe("sign-in throttling", () => {
  it("makes one (email, address) pair wait after 5 failures, even with the right password", async () => {
    const { user, password } = await createUser();
    const ip = testIp();
    for (let i = 1; i <= THROTTLE_POLICY.pairLimit; i++) {
      expect((await attempt(user.email, `wrong-${i}-password`, ip)).status, `failure ${i}`).toBe(401);
    }

    const refused = await attempt(user.email, password, ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.body.error.message).toMatch(/^Too many attempts/);
    const retry = refused.body.error.details?.retryAfterSeconds ?? 0;
    expect(retry).toBeGreaterThan(THROTTLE_POLICY.windowSeconds - 60);
    expect(retry).toBeLessThanOrEqual(THROTTLE_POLICY.windowSeconds);
    expect(refused.headers.get("retry-after")).toBe(String(retry));
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("does not lock the account for its owner elsewhere (no lockout from 5 failures anywhere)", async () => {
    const { user, password } = await createUser();
    const attacker = testIp();
    for (let i = 0; i < THROTTLE_POLICY.pairLimit; i++) await attempt(user.email, "wrong-password", attacker);
    expect((await attempt(user.email, password, attacker)).status).toBe(429);

    expect((await attempt(user.email, password, testIp())).status).toBe(200);
  });

  it("lets the pair in again once its window has ended", async () => {
    const { user, password } = await createUser();
    const ip = testIp();
    for (let i = 0; i < THROTTLE_POLICY.pairLimit; i++) await attempt(user.email, "wrong-password", ip);
    expect((await attempt(user.email, password, ip)).status).toBe(429);

    // Fifteen minutes pass.
    await db().rateLimit.updateMany({ where: { key: { startsWith: "signIn" }, OR: [{ key: { contains: user.email } }] }, data: { expire: BigInt(Date.now() - 1000) } });

    expect((await attempt(user.email, password, ip)).status).toBe(200);
    expect(await failures("signInPair", `${user.email}|${ip}`)).toBe(0);
  });

  it("forgets a pair's failures after a successful sign-in", async () => {
    const { user, password } = await createUser();
    const ip = testIp();
    for (let i = 0; i < THROTTLE_POLICY.pairLimit - 1; i++) expect((await attempt(user.email, "wrong-password", ip)).status).toBe(401);
    expect((await attempt(user.email, password, ip)).status).toBe(200);

    for (let i = 0; i < THROTTLE_POLICY.pairLimit - 1; i++) expect((await attempt(user.email, "wrong-password", ip)).status).toBe(401);
    expect((await attempt(user.email, password, ip)).status).toBe(200);
  });

  it("counts failures for emails that have no account, so probing for accounts is throttled too", async () => {
    const email = `ghost-${uniqueSuffix()}@example.test`;
    const ip = testIp();
    for (let i = 0; i < THROTTLE_POLICY.pairLimit; i++) expect((await attempt(email, "guess-password", ip)).status).toBe(401);
    expect((await attempt(email, "guess-password", ip)).status).toBe(429);
  });

  it("refuses an address after 20 failures across many emails, while other addresses carry on", async () => {
    const ip = testIp();
    for (let i = 0; i < THROTTLE_POLICY.addressLimit; i++) {
      expect((await attempt(`spray-${i}-${uniqueSuffix()}@example.test`, "guess-password", ip)).status).toBe(401);
    }
    const { user, password } = await createUser();
    const refused = await attempt(user.email, password, ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");

    expect((await attempt(user.email, password, testIp())).status).toBe(200);
  });

  it("slows an account down when guesses come from many addresses, for a minute, not a lockout", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < THROTTLE_POLICY.emailLimit; i++) expect((await attempt(user.email, "wrong-password", testIp())).status).toBe(401);

    const slowed = await attempt(user.email, password, testIp());
    expect(slowed.status).toBe(429);
    expect(slowed.body.error.details?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("cannot be dodged by rotating X-Forwarded-For (it is not believed without TRUSTED_PROXIES)", async () => {
    const { user, password } = await createUser();
    const ip = testIp();
    for (let i = 0; i < THROTTLE_POLICY.pairLimit; i++) {
      expect((await attempt(user.email, "wrong-password", ip, { "x-forwarded-for": testIp() })).status).toBe(401);
    }
    expect((await attempt(user.email, password, ip, { "x-forwarded-for": testIp() })).status).toBe(429);
  });

  it("cannot get someone else's address throttled by naming it in X-Forwarded-For", async () => {
    const victim = testIp();
    for (let i = 0; i < THROTTLE_POLICY.addressLimit; i++) {
      await attempt(`spray-${i}-${uniqueSuffix()}@example.test`, "guess-password", testIp(), { "x-forwarded-for": victim });
    }
    const { user, password } = await createUser();
    expect((await attempt(user.email, password, victim)).status).toBe(200);
  });

  it("counts concurrent failures exactly (one upsert each, no lost updates)", async () => {
    const { user, password } = await createUser();
    const ip = testIp();
    const results = await Promise.all(Array.from({ length: 8 }, () => attempt(user.email, "wrong-password", ip)));
    const counted = await failures("signInPair", `${user.email}|${ip}`);
    expect(counted).toBe(results.filter((r) => r.status === 401).length);
    expect(counted).toBeGreaterThanOrEqual(THROTTLE_POLICY.pairLimit);
    expect((await attempt(user.email, password, ip)).status).toBe(429);
  });
});
