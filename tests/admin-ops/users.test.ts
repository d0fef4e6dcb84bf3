// Promoting and demoting operators: the list and its search, the rule that one admin always
// remains (also when the last two demote each other at the same moment), and a demoted admin
// losing access on their very next request.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listUsers, setRole, USERS_PAGE_SIZE } from "@/lib/admin/users";
import { GET as adminUsers } from "@/app/api/v1/admin/users/route";
import { apiUser, callRoute } from "../booking/helpers";
import { withOwnDatabase } from "./own-database";

withOwnDatabase();

const actor = (id: string) => ({ userId: id, role: "ADMIN" as const });
const adminCount = () => db().user.count({ where: { role: "ADMIN" } });

describe("operator roles", () => {
  it("will not demote the only admin, not even by themselves, but lets an admin step down once another exists", async () => {
    const only = await apiUser("ADMIN");
    const error = await setRole(actor(only.id), { userId: only.id, role: "PASSENGER" }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    expect(isAppError(error) && error.message).toMatch(/only admin/);
    expect(await adminCount()).toBe(1);

    const colleague = await apiUser();
    expect((await setRole(actor(only.id), { userId: colleague.id, role: "ADMIN" })).user.role).toBe("ADMIN");
    expect((await setRole(actor(only.id), { userId: only.id, role: "PASSENGER" })).user.role).toBe("PASSENGER");
    expect(await adminCount()).toBe(1);
    // Setting the role it already has changes nothing.
    expect(await setRole(actor(colleague.id), { userId: colleague.id, role: "ADMIN" })).toMatchObject({ changed: false });
    await db().user.update({ where: { id: colleague.id }, data: { role: "PASSENGER" } }); // leave no admin for the next test
  });

  it("leaves exactly one admin when the last two demote each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      await db().user.updateMany({ where: { role: "ADMIN" }, data: { role: "PASSENGER" } });
      const [a, b] = [await apiUser("ADMIN"), await apiUser("ADMIN")];
      const outcomes = await Promise.allSettled([
        setRole(actor(a.id), { userId: b.id, role: "PASSENGER" }),
        setRole(actor(b.id), { userId: a.id, role: "PASSENGER" }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(isAppError(refused.reason) && refused.reason.details).toEqual({ reason: "LAST_ADMIN" });
      expect(await adminCount()).toBe(1);
    }
  });

  it("ends a demoted admin's access on their next request", async () => {
    const keeper = await apiUser("ADMIN");
    const leaving = await apiUser("ADMIN");
    expect((await callRoute(adminUsers, { path: "/api/v1/admin/users", headers: leaving.auth })).status).toBe(200);
    await setRole(actor(keeper.id), { userId: leaving.id, role: "PASSENGER" });
    const after = await callRoute(adminUsers, { path: "/api/v1/admin/users", headers: leaving.auth });
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe("FORBIDDEN");
  });

  it("lists accounts newest first, searches names and e-mails, and pages", async () => {
    const base = new Date("2030-05-01T10:00:00Z");
    await db().user.createMany({
      data: Array.from({ length: USERS_PAGE_SIZE + 3 }, (_, i) => ({
        email: `paged-${String(i).padStart(2, "0")}@list.test`,
        name: i === 7 ? "Żaneta Wiśniewska" : `Listed ${i}`,
        passwordHash: "!",
        createdAt: new Date(base.getTime() + i * 60_000),
      })),
    });
    const first = await listUsers({ q: "@list.test", page: 1 });
    expect(first).toMatchObject({ total: USERS_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.users[0]!.email).toBe(`paged-${USERS_PAGE_SIZE + 2}@list.test`);
    const second = await listUsers({ q: "@list.test", page: 2 });
    expect(second.users.map((u) => u.email)).toEqual(["paged-02@list.test", "paged-01@list.test", "paged-00@list.test"]);
    expect((await listUsers({ q: "żaneta", page: 1 })).users.map((u) => u.email)).toEqual(["paged-07@list.test"]);
    expect((await listUsers({ q: "PAGED-1", page: 1 })).total).toBe(10);
    expect((await listUsers({ q: "@list.test", page: 99 })).page).toBe(2);
  });

  it("matches % and _ as typed, not as wildcards", async () => {
    await db().user.createMany({
      data: [
        { email: "percent@wild.test", name: "100% Kowalska", passwordHash: "!" },
        { email: "under_score@wild.test", name: "Plain Name", passwordHash: "!" },
        { email: "underxscore@wild.test", name: "Other Name", passwordHash: "!" },
      ],
    });
    expect((await listUsers({ q: "%", page: 1 })).users.map((u) => u.email)).toEqual(["percent@wild.test"]);
    expect((await listUsers({ q: "under_", page: 1 })).users.map((u) => u.email)).toEqual(["under_score@wild.test"]);
    expect((await listUsers({ q: "r_s", page: 1 })).users.map((u) => u.email)).toEqual(["under_score@wild.test"]);
  });
});
