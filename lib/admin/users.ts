// Accounts as operators manage them: a searchable, paged list, and promoting or demoting an admin.
// There must always be at least one admin, also when two admins demote each other at the same
// moment: the change runs SERIALIZABLE and first locks every admin row, so the second of two
// racing demotions waits, is retried with a fresh view and then sees it would remove the last one
// (docs/decisions/015-last-admin-guard.md). Access follows the role at once: the current user is
// read from the database on every request (lib/auth/current-user.ts). Every change is written to
// the audit log in its own transaction (lib/admin/audit-log.ts).
import "server-only";
import { db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";
import type { Prisma } from "@/lib/generated/prisma/client";
import { serializable } from "@/lib/db/serializable";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/lib/admin/audit-log";
import type { UserActor } from "@/lib/auth/actor";
import type { RoleChangeInput, UserSearch } from "@/lib/schemas/admin-ops";
import type { AdminUserList, AdminUserRow } from "@/lib/schemas/admin-ops-views";

export const USERS_PAGE_SIZE = 25;

function whereFor(q: string | undefined): Prisma.UserWhereInput {
  const text = q?.trim();
  if (!text) return {};
  const literal = escapeLike(text);
  return { OR: [{ email: { contains: literal.toLowerCase() } }, { name: { contains: literal, mode: "insensitive" } }] };
}

/** Newest accounts first, with how many bookings each has made. */
export async function listUsers(search: UserSearch): Promise<AdminUserList> {
  const where = whereFor(search.q);
  const [total, admins] = await Promise.all([db().user.count({ where }), db().user.count({ where: { role: "ADMIN" } })]);
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const rows = await db().user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: { id: true, name: true, email: true, role: true, createdAt: true, _count: { select: { bookings: true } } },
  });
  const users: AdminUserRow[] = rows.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, createdAt: u.createdAt.toISOString(), bookings: u._count.bookings }));
  return { users, total, page, pageCount, admins };
}

export interface RoleChange {
  user: Omit<AdminUserRow, "bookings">;
  changed: boolean;
}

export async function setRole(actor: UserActor, input: RoleChangeInput): Promise<RoleChange> {
  const result = await serializable(async (tx) => {
    // Every admin row, in id order (so two of these cannot deadlock), before anything is read.
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
    if (!target) throw new AppError("NOT_FOUND", "We could not find that account.");
    if (target.role === input.role) return { user: target, changed: false };
    if (input.role !== "ADMIN" && target.role === "ADMIN" && admins.every((a) => a.id === target.id)) {
      throw new AppError(
        "CONFLICT",
        target.id === actor.userId
          ? "You are the only admin: make someone else an admin before giving up your own access."
          : "This is the only admin left: make someone else an admin first.",
        { reason: "LAST_ADMIN" },
      );
    }
    const user = await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.role.change",
      targetId: target.id,
      details: { from: target.role, to: input.role, email: target.email },
    });
    return { user, changed: true };
  });
  if (result.changed) logger.info("role changed", { userId: result.user.id, role: result.user.role, by: actor.userId });
  return { user: { ...result.user, createdAt: result.user.createdAt.toISOString() }, changed: result.changed };
}
