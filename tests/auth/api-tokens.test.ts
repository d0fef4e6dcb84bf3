import { afterEach, describe, expect, it } from "vitest";
import { POST as issueToken } from "@/app/api/v1/auth/token/route";
import { GET as adminOverview } from "@/app/api/v1/admin/overview/route";
import { db } from "@/lib/db";
import { getRequestUser } from "@/lib/auth/current-user";
import { hashApiToken, issueApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "../helpers/factories";
import { call, type ErrorBody } from "./http";

const HOUR = 3_600_000;

function bearer(token: string): Request {
  return new Request("http://localhost/api/v1/anything", { headers: { authorization: `Bearer ${token}` } });
}

afterEach(() => {
  delete process.env.API_TOKEN_TTL_HOURS;
});

describe("POST /api/v1/auth/token", () => {
  it("issues a 24-hour token for a correct password and stores only its SHA-256", async () => {
    const { user, password } = await createUser();
    const before = Date.now();
    const res = await call<{ token: string; expiresAt: string }>(issueToken, {
      body: { email: user.email.toUpperCase(), password },
    });

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(new Date(expiresAt).toISOString()).toBe(res.body.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(24 * HOUR - 1_000);
    expect(expiresAt - before).toBeLessThanOrEqual(24 * HOUR + 60_000);

    const rows = await db().apiToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashApiToken(res.body.token));
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toContain(res.body.token);
  });

  it("honours API_TOKEN_TTL_HOURS", async () => {
    process.env.API_TOKEN_TTL_HOURS = "2";
    const { user } = await createUser();
    const now = new Date();
    const { expiresAt } = await issueApiToken(user.id, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(2 * HOUR);
  });

  it("answers 401 INVALID_CREDENTIALS for a wrong password or an unknown email, in the same words", async () => {
    const { user } = await createUser();
    const wrong = await call<ErrorBody>(issueToken, { body: { email: user.email, password: "not-the-password" } });
    const unknown = await call<ErrorBody>(issueToken, { body: { email: `nobody-${user.id}@example.test`, password: "whatever-pass" } });

    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: "INVALID_CREDENTIALS", message: "That email and password do not match an account." });
    }
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 400 VALIDATION_FAILED without an email", async () => {
    const res = await call<ErrorBody>(issueToken, { body: { password: "x" } });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.fieldErrors?.email).toBeDefined();
  });
});

describe("bearer tokens", () => {
  it("resolve to their user, and anything else to nobody", async () => {
    const { user } = await createUser({ name: "Bearer Person" });
    const { token } = await issueApiToken(user.id);

    expect(await getRequestUser(bearer(token))).toEqual({ id: user.id, email: user.email, name: "Bearer Person", role: "PASSENGER" });
    expect(await getRequestUser(bearer(`${token}x`))).toBeNull();
    expect(await getRequestUser(bearer(""))).toBeNull();
    expect(await getRequestUser(new Request("http://localhost/"))).toBeNull();
  });

  it("stop working once expired", async () => {
    const { user } = await createUser();
    const { token, expiresAt } = await issueApiToken(user.id, new Date(Date.now() - 25 * HOUR));
    expect(expiresAt.getTime()).toBeLessThan(Date.now());
    expect(await getRequestUser(bearer(token))).toBeNull();

    const res = await call<ErrorBody>(adminOverview, { method: "GET", headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("stop working once revoked, and record when they were last used", async () => {
    const { user } = await createUser();
    const { token } = await issueApiToken(user.id);
    expect(await getRequestUser(bearer(token))).not.toBeNull();
    const used = await db().apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } });
    expect(used.lastUsedAt).not.toBeNull();

    await db().apiToken.update({ where: { id: used.id }, data: { revokedAt: new Date() } });
    expect(await getRequestUser(bearer(token))).toBeNull();
  });
});

describe("GET /api/v1/admin/overview", () => {
  it("is 401 without credentials, 403 for a passenger and 200 with counts for an admin", async () => {
    const passenger = await createUser();
    const admin = await createUser({ role: "ADMIN" });
    const passengerToken = (await issueApiToken(passenger.user.id)).token;
    const adminToken = (await issueApiToken(admin.user.id)).token;

    expect((await call(adminOverview, { method: "GET" })).status).toBe(401);

    const refused = await call<ErrorBody>(adminOverview, { method: "GET", headers: { authorization: `Bearer ${passengerToken}` } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");

    const ok = await call<{ users: number; admins: number; stations: number; bookings: { total: number } }>(adminOverview, {
      method: "GET",
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.users).toBeGreaterThanOrEqual(2);
    expect(ok.body.admins).toBeGreaterThanOrEqual(1);
    expect(ok.body.stations).toBeGreaterThanOrEqual(0);
    expect(ok.body.bookings.total).toBeGreaterThanOrEqual(0);
  });

  it("refuses a demoted admin at once, with the token they already hold", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const { token } = await issueApiToken(admin.user.id);
    const headers = { authorization: `Bearer ${token}` };
    expect((await call(adminOverview, { method: "GET", headers })).status).toBe(200);

    await db().user.update({ where: { id: admin.user.id }, data: { role: "PASSENGER" } });
    expect((await call(adminOverview, { method: "GET", headers })).status).toBe(403);
  });
});
