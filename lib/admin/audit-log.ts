// The audit log: operator actions someone may have to answer for later (who made whom an admin).
// Written in the same transaction as the change it records, so there is no change without its
// entry and no entry for a change that rolled back.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction = "user.role.change" | "user.holds.release" | "service.message" | "booking.ticket.resend";

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  targetId: string | null;
  details: Prisma.InputJsonObject;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}

export interface AuditView {
  id: string;
  at: Date;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  targetId: string | null;
  details: unknown;
}

/** Newest first; for one target when given. */
export async function listAudit(options: { targetId?: string; targetIds?: string[]; action?: AuditAction; take?: number } = {}): Promise<AuditView[]> {
  const rows = await db().auditLog.findMany({
    where: { ...(options.targetId ? { targetId: options.targetId } : {}), ...(options.targetIds ? { targetId: { in: options.targetIds } } : {}), ...(options.action ? { action: options.action } : {}) },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: options.take ?? 20,
    select: { id: true, at: true, action: true, targetId: true, details: true, actor: { select: { id: true, name: true, email: true } } },
  });
  return rows;
}
