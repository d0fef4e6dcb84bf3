// The hold reminder sweep: a HELD booking whose hold runs out within REMIND_BEFORE_MS gets one
// HOLD_EXPIRING notice (in the app and by email), once. Run by the notification worker on every
// loop and by the deliver-notifications cron route.
//
// "Once" holds under concurrent sweeps because each runs SERIALIZABLE: two sweeps that both find
// no reminder for a booking and both write one form a write skew, and one of them is aborted and
// retried, then sees the other's reminder. SKIP LOCKED leaves a booking being paid or cancelled
// right now to the next sweep rather than waiting for it.
import "server-only";
import { serializable } from "@/lib/db/serializable";
import { notifyInAppMany, type InAppNotice } from "@/lib/booking/notifications";
import { clockInZone } from "@/lib/time/zoned";

export const REMIND_BEFORE_MS = 2 * 60_000;
const BATCH = 200;

interface ExpiringHold {
  id: string;
  pnr: string;
  userId: string;
  holdExpiresAt: Date;
  timeZone: string;
  fromName: string;
  toName: string;
  at: Date;
}

function reminder(b: ExpiringHold): InAppNotice {
  const until = clockInZone(b.holdExpiresAt, b.timeZone);
  const minutes = Math.max(1, Math.round((b.holdExpiresAt.getTime() - b.at.getTime()) / 60_000));
  return {
    userId: b.userId,
    bookingId: b.id,
    kind: "HOLD_EXPIRING",
    title: `Booking ${b.pnr}: about ${minutes} min left to pay`,
    body: `Your seats ${b.fromName} → ${b.toName} are held until ${until}. Pay before then to keep them.`,
    data: { pnr: b.pnr, expiresAt: b.holdExpiresAt.toISOString(), expiresAtLocal: until },
  };
}

/** Writes the due reminders; returns how many. */
export async function remindExpiringHolds(options: { withinMs?: number; batchSize?: number } = {}): Promise<number> {
  const withinMs = options.withinMs ?? REMIND_BEFORE_MS;
  return serializable(async (tx) => {
    const holds = await tx.$queryRaw<ExpiringHold[]>`
      SELECT b.id, b.pnr, b."userId", b."holdExpiresAt", st."timeZone", st.name AS "fromName", dest.name AS "toName", now() AS at
      FROM "Booking" b
      JOIN "Station" st ON st.id = b."fromStationId"
      JOIN "Station" dest ON dest.id = b."toStationId"
      WHERE b.status = 'HELD'
        AND b."holdExpiresAt" > now()
        AND b."holdExpiresAt" <= now() + ${withinMs} * INTERVAL '1 millisecond'
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."bookingId" = b.id AND n.kind = 'HOLD_EXPIRING')
      ORDER BY b."holdExpiresAt", b.id
      LIMIT ${options.batchSize ?? BATCH}
      FOR UPDATE OF b SKIP LOCKED`;
    if (holds.length > 0) await notifyInAppMany(tx, holds.map(reminder), holds[0]!.at);
    return holds.length;
  });
}
