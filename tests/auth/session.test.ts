// The session-cookie half of getRequestUser: a JWT minted the way Auth.js mints it (with the
// claims our jwt callback adds), read back from a plain Request, with the role always taken from
// the database and the session refused once the password has changed.
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionCookie, SESSION_COOKIE_NAME } from "../helpers/session";
import { GET as adminOverview } from "@/app/api/v1/admin/overview/route";
import { db } from "@/lib/db";
import { getRequestUser } from "@/lib/auth/current-user";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { changePassword } from "@/lib/auth/profile";
import { createUser } from "../helpers/factories";
import { call } from "./http";

const COOKIE = SESSION_COOKIE_NAME;

function withCookie(cookie: string, extra: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/v1/anything", { headers: { cookie, ...extra } });
}

describe("session cookies", () => {
  it("resolve to the user as stored now, not as the token remembers", async () => {
    const { user } = await createUser({ name: "Current Name" });
    const cookie = await sessionCookie({ sub: user.id, name: "Name In Token", role: "ADMIN" });

    expect(await getRequestUser(withCookie(cookie))).toEqual({ id: user.id, email: user.email, name: "Current Name", role: "PASSENGER" });
    expect((await call(adminOverview, { method: "GET", headers: { cookie } })).status).toBe(403);
  });

  it("lose admin access as soon as the admin is demoted", async () => {
    const { user } = await createUser({ role: "ADMIN" });
    const cookie = await sessionCookie({ sub: user.id, role: "ADMIN" });
    expect((await call(adminOverview, { method: "GET", headers: { cookie } })).status).toBe(200);

    await db().user.update({ where: { id: user.id }, data: { role: "PASSENGER" } });
    expect((await call(adminOverview, { method: "GET", headers: { cookie } })).status).toBe(403);
  });

  it("work under the __Secure- name used over https", async () => {
    const { user } = await createUser();
    const cookie = await sessionCookie({ sub: user.id }, `__Secure-${COOKIE}`);
    expect((await getRequestUser(withCookie(cookie)))?.id).toBe(user.id);
  });

  it("count for nothing when tampered with, signed with another secret, or for a deleted user", async () => {
    const { user } = await createUser();
    const cookie = await sessionCookie({ sub: user.id });
    expect(await getRequestUser(withCookie(`${cookie.slice(0, -4)}AAAA`))).toBeNull();

    const foreign = await encode({ token: { sub: user.id }, secret: "some-other-secret-entirely-0000000000", salt: COOKIE });
    expect(await getRequestUser(withCookie(`${COOKIE}=${foreign}`))).toBeNull();

    await db().user.delete({ where: { id: user.id } });
    expect(await getRequestUser(withCookie(cookie))).toBeNull();
  });

  it("are all refused once the password changes, and one without a stamp never counts", async () => {
    const { user, password } = await createUser();
    const cookie = await sessionCookie({ sub: user.id });
    expect((await getRequestUser(withCookie(cookie)))?.id).toBe(user.id);
    expect(await getRequestUser(withCookie(await sessionCookie({ sub: user.id, stamp: undefined })))).toBeNull();

    await changePassword(user.id, { currentPassword: password, newPassword: "changed-password-1", confirmPassword: "changed-password-1" }, null);
    expect(await getRequestUser(withCookie(cookie))).toBeNull();
    expect((await getRequestUser(withCookie(await sessionCookie({ sub: user.id }))))?.id).toBe(user.id);
  });

  it("give way to a bearer token when both are sent, and a bad bearer token does not fall back", async () => {
    const cookieOwner = await createUser();
    const tokenOwner = await createUser();
    const cookie = await sessionCookie({ sub: cookieOwner.user.id });
    const { token } = await issueApiToken(tokenOwner.user.id);

    expect((await getRequestUser(withCookie(cookie, { authorization: `Bearer ${token}` })))?.id).toBe(tokenOwner.user.id);
    expect(await getRequestUser(withCookie(cookie, { authorization: "Bearer not-a-real-token" }))).toBeNull();
  });
});
