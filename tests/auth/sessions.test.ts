// Ending sessions: the session version behind sign-out and "sign out everywhere", and API tokens
// listed and revoked one by one (DELETE /api/v1/auth/token revokes the one presented).
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { DELETE as revokeToken, POST as issueToken } from "@/app/api/v1/auth/token/route";
import { GET as listTokens } from "@/app/api/v1/auth/tokens/route";
import { db } from "@/lib/db";
import { getRequestUser } from "@/lib/auth/current-user";
import { issueApiToken, revokeApiTokenById, userForApiToken } from "@/lib/auth/api-tokens";
import { endAllSessions, signOutEverywhere } from "@/lib/auth/sessions";
import { passwordStamp } from "@/lib/auth/session-token";
import { createUser } from "../helpers/factories";
import { sessionCookie, SESSION_COOKIE_NAME } from "../helpers/session";
import { call, type ErrorBody } from "./http";

const asCookie = (cookie: string) => new Request("http://localhost/api/v1/anything", { headers: { cookie } });

describe("session version", () => {
  it("ends every session of the person when bumped (sign-out), including copies of the cookie", async () => {
    const { user } = await createUser();
    const phone = await sessionCookie({ sub: user.id });
    const laptop = await sessionCookie({ sub: user.id });
    expect(await getRequestUser(asCookie(phone))).toMatchObject({ id: user.id });

    await endAllSessions(user.id);

    expect(await getRequestUser(asCookie(phone))).toBeNull();
    expect(await getRequestUser(asCookie(laptop))).toBeNull();
    // Signing in again issues the new version, which works.
    expect(await getRequestUser(asCookie(await sessionCookie({ sub: user.id })))).toMatchObject({ id: user.id });
  });

  it("keeps a session from before versions existed (no ver claim) as version 0, so a deploy signs nobody out", async () => {
    const { user } = await createUser();
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const value = await encode({ token: { sub: user.id, stamp: passwordStamp(passwordHash) }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE_NAME, maxAge: 3600 });
    const cookie = `${SESSION_COOKIE_NAME}=${value}`;
    expect(await getRequestUser(asCookie(cookie))).toMatchObject({ id: user.id });
    await endAllSessions(user.id);
    expect(await getRequestUser(asCookie(cookie))).toBeNull();
  });

  it("signs out everywhere: every session and every API token, and nobody else's", async () => {
    const [{ user }, { user: other }] = await Promise.all([createUser(), createUser()]);
    const cookie = await sessionCookie({ sub: user.id });
    const { token } = await issueApiToken(user.id);
    const { token: othersToken } = await issueApiToken(other.id);
    const othersCookie = await sessionCookie({ sub: other.id });

    expect(await signOutEverywhere(user.id)).toEqual({ revokedTokens: 1 });

    expect(await getRequestUser(asCookie(cookie))).toBeNull();
    expect(await userForApiToken(token)).toBeNull();
    expect(await userForApiToken(othersToken)).toMatchObject({ id: other.id });
    expect(await getRequestUser(asCookie(othersCookie))).toMatchObject({ id: other.id });
  });
});

describe("API tokens", () => {
  it("DELETE /api/v1/auth/token revokes the token presented and no other", async () => {
    const { user } = await createUser();
    const { token } = await issueApiToken(user.id);
    const { token: second } = await issueApiToken(user.id);

    const res = await call(revokeToken, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(204);
    expect(await userForApiToken(token)).toBeNull();
    expect(await userForApiToken(second)).toMatchObject({ id: user.id });
    // The revoked token cannot revoke anything any more.
    expect((await call(revokeToken, { method: "DELETE", headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("DELETE /api/v1/auth/token with only a session cookie answers 400 and revokes nothing", async () => {
    const { user } = await createUser();
    const { token } = await issueApiToken(user.id);
    const res = await call<ErrorBody>(revokeToken, { method: "DELETE", headers: { cookie: await sessionCookie({ sub: user.id }) } });
    expect(res.status).toBe(400);
    expect(await userForApiToken(token)).not.toBeNull();
  });

  it("lists the caller's live tokens with their labels, never the token or anyone else's", async () => {
    const { user, password } = await createUser();
    const { user: other } = await createUser();
    const issued = await call<{ token: string }>(issueToken, { body: { email: user.email, password, label: "laptop script" } });
    expect(issued.status).toBe(200);
    const { token: revoked } = await issueApiToken(user.id, new Date(), "old");
    const revokedRow = await db().apiToken.findFirstOrThrow({ where: { userId: user.id, label: "old" } });
    await revokeApiTokenById(user.id, revokedRow.id);
    expect(await userForApiToken(revoked)).toBeNull();
    await issueApiToken(other.id, new Date(), "someone else's");

    const res = await call<{ tokens: { id: string; label: string | null; lastUsedAt: string | null }[] }>(listTokens, {
      method: "GET",
      headers: { authorization: `Bearer ${issued.body.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.body.tokens.map((t) => t.label)).toEqual(["laptop script"]);
    expect(JSON.stringify(res.body)).not.toContain(issued.body.token);
  });

  it("revokes a token by id only for its owner", async () => {
    const [{ user }, { user: other }] = await Promise.all([createUser(), createUser()]);
    const { token } = await issueApiToken(user.id, new Date(), "mine");
    const row = await db().apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(await revokeApiTokenById(other.id, row.id)).toBe(false);
    expect(await userForApiToken(token)).not.toBeNull();
    expect(await revokeApiTokenById(user.id, row.id)).toBe(true);
    expect(await userForApiToken(token)).toBeNull();
  });
});
