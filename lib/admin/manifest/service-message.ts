// An operator's message to every passenger of a service: one in-app notice and one email per
// account with a confirmed booking on it, through the same outbox as schedule-change notices
// (lib/notifications/outbox.ts), one audit entry, all in one transaction. The Idempotency-Key
// (the API's header, or the form's per-render key) is claimed in that transaction, so a
// double-click or a retried request sends once and answers the first outcome (decision 030).
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { UserActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { serializable } from "@/lib/db/serializable";
import { isUniqueViolation } from "@/lib/db/errors";
import { findKeys, keyId, replayOf, requestHash } from "@/lib/idempotency/keys";
import { writeNotices } from "@/lib/notifications/outbox";
import { recordAudit } from "@/lib/admin/audit-log";
import { longDateLabel } from "@/lib/time/zoned";
import type { ServiceMessageInput, ServiceMessageResult } from "@/lib/schemas/service-message";

export const MESSAGE_SCOPE = "service.message";
export const MESSAGE_KIND = "SERVICE_MESSAGE";

interface Recipient {
  userId: string;
  bookingId: string;
  pnr: string;
}

export async function sendServiceMessage(actor: UserActor, serviceId: string, input: ServiceMessageInput, key: string): Promise<ServiceMessageResult> {
  const ref = { userId: actor.userId, scope: MESSAGE_SCOPE, key };
  const hash = requestHash({ serviceId, subject: input.subject, body: input.body });
  // A second request with the same key waits on the key's unique index until the first commits,
  // then fails; its second attempt finds the stored outcome.
  for (let attempt = 1; ; attempt++) {
    try {
      return await serializable((tx) => send(tx, actor, serviceId, input, ref, hash));
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

async function send(tx: Tx, actor: UserActor, serviceId: string, input: ServiceMessageInput, ref: { userId: string; scope: string; key: string }, hash: string): Promise<ServiceMessageResult> {
  const stored = (await findKeys(tx, [ref])).get(keyId(ref));
  if (stored) {
    const replay = replayOf<ServiceMessageResult>(stored, hash, () => {
      throw new AppError("CONFLICT", "This message was sent by an older version; send it with a new key.");
    });
    if ("error" in replay) throw replay.error;
    return { ...replay.outcome, replayed: true };
  }
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { id: true, serviceDate: true, train: { select: { number: true, name: true } } } });
  if (!service) throw new AppError("NOT_FOUND", "There is no such service.");
  const bookings = await tx.$queryRaw<Recipient[]>`
    SELECT DISTINCT ON (b."userId") b."userId", b.id AS "bookingId", b.pnr
    FROM "Booking" b
    WHERE b."serviceId" = ${serviceId} AND b.status = 'CONFIRMED'
      AND EXISTS (SELECT 1 FROM "BookingPassenger" bp WHERE bp."bookingId" = b.id AND bp.status <> 'CANCELLED')
    ORDER BY b."userId", b."createdAt"`;
  const [{ count: bookingCount } = { count: 0 }] = await tx.$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS count FROM "Booking" b WHERE b."serviceId" = ${serviceId} AND b.status = 'CONFIRMED'
      AND EXISTS (SELECT 1 FROM "BookingPassenger" bp WHERE bp."bookingId" = b.id AND bp.status <> 'CANCELLED')`;
  const messageId = randomUUID();
  const train = `${service.train.number} ${service.train.name} on ${longDateLabel(service.serviceDate.toISOString().slice(0, 10))}`;
  const now = new Date();
  await writeNotices(
    tx,
    bookings.map((b) => ({
      userId: b.userId,
      bookingId: b.bookingId,
      kind: MESSAGE_KIND,
      title: `${service.train.number}: ${input.subject}`,
      body: `A message about your train ${train} (booking ${b.pnr}):\n\n${input.body}`,
      data: { pnr: b.pnr, serviceId, messageId },
    })),
    now,
  );
  const outcome: ServiceMessageResult = { messageId, serviceId, recipients: bookings.length, bookings: bookingCount, replayed: false };
  await recordAudit(tx, { actorId: actor.userId, action: "service.message", targetId: serviceId, details: { messageId, subject: input.subject, recipients: bookings.length, bookings: bookingCount } });
  await tx.idempotencyKey.create({ data: { userId: ref.userId, scope: ref.scope, key: ref.key, requestHash: hash, responseBody: outcome, completedAt: now } });
  return outcome;
}
