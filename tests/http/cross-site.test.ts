// Cookie-authenticated API writes from another site are refused before anything is written.
import { describe, expect, it } from "vitest";
import { POST as markRead } from "@/app/api/v1/notifications/read/route";
import { db } from "@/lib/db";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "../helpers/factories";
import { sessionCookie } from "../helpers/session";

async function unreadNotice() {
  const { user } = await createUser();
  const notice = await db().notification.create({ data: { userId: user.id, kind: "GENERIC", channel: "IN_APP", title: "Hello", body: "Hi" } });
  return { user, notice, cookie: await sessionCookie({ sub: user.id }) };
}

function post(headers: Record<string, string>, body = JSON.stringify({ all: true })) {
  return markRead(new Request("http://localhost/api/v1/notifications/read", { method: "POST", headers, body }), { params: Promise.resolve({}) });
}

describe("cross-site writes with the session cookie", () => {
  it("refuses another origin, and a same-site (sibling subdomain) page, with 403", async () => {
    const { notice, cookie } = await unreadNotice();
    const attempts: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "same-site" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of attempts) {
      const res = await post({ cookie, "content-type": "application/json", ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("CROSS_SITE_REQUEST");
    }
    expect((await db().notification.findUniqueOrThrow({ where: { id: notice.id } })).readAt).toBeNull();
  });

  it("refuses a text/plain form body with 415, even from the same origin", async () => {
    const { notice, cookie } = await unreadNotice();
    const res = await post({ cookie, "content-type": "text/plain", origin: "http://localhost", "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(415);
    expect((await db().notification.findUniqueOrThrow({ where: { id: notice.id } })).readAt).toBeNull();
  });

  it("takes a same-origin JSON write, and any write with a bearer token", async () => {
    const { user, notice, cookie } = await unreadNotice();
    expect((await post({ cookie, "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await db().notification.findUniqueOrThrow({ where: { id: notice.id } })).readAt).not.toBeNull();

    const { token } = await issueApiToken(user.id);
    expect((await post({ authorization: `Bearer ${token}`, "content-type": "text/plain", origin: "https://tool.example" })).status).toBe(200);
  });
});
