// Role changes ask for confirmation (the form's schema) and are written to the audit log in the
// same transaction; a refused or no-op change leaves no entry.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setRole } from "@/lib/admin/users";
import { listAudit } from "@/lib/admin/audit-log";
import { roleChangeFormSchema } from "@/lib/schemas/admin-ops";
import { apiUser } from "../booking/helpers";
import { withOwnDatabase } from "./own-database";

withOwnDatabase();

const actor = (id: string) => ({ userId: id, role: "ADMIN" as const });

describe("role changes", () => {
  it("are refused by the form without confirm=yes", () => {
    const unconfirmed = roleChangeFormSchema.safeParse({ userId: "u1", role: "ADMIN" });
    expect(unconfirmed.success).toBe(false);
    expect(unconfirmed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirm", "Press the button again to confirm this change."]]);
    expect(roleChangeFormSchema.safeParse({ userId: "u1", role: "ADMIN", confirm: "yes" }).success).toBe(true);
  });

  it("record who made whom an admin and who removed it, newest first", async () => {
    const admin = await apiUser("ADMIN");
    const colleague = await apiUser();
    await setRole(actor(admin.id), { userId: colleague.id, role: "ADMIN" });
    await setRole(actor(admin.id), { userId: colleague.id, role: "PASSENGER" });

    const entries = await listAudit({ targetId: colleague.id });
    expect(entries.map((e) => [e.action, e.actor?.id, (e.details as { from: string; to: string }).to])).toEqual([
      ["user.role.change", admin.id, "PASSENGER"],
      ["user.role.change", admin.id, "ADMIN"],
    ]);
    expect(entries[1]!.details).toMatchObject({ from: "PASSENGER", to: "ADMIN", email: expect.stringContaining("@") });
  });

  it("leave no entry when nothing changed or the change was refused", async () => {
    await db().user.updateMany({ where: { role: "ADMIN" }, data: { role: "PASSENGER" } });
    const only = await apiUser("ADMIN");
    await setRole(actor(only.id), { userId: only.id, role: "ADMIN" }); // already
    await setRole(actor(only.id), { userId: only.id, role: "PASSENGER" }).catch(() => {}); // the last admin
    expect(await db().auditLog.count({ where: { targetId: only.id } })).toBe(0);
  });
});
