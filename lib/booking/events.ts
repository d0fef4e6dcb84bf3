// The booking's append-only history. Every state change writes its event in the same transaction
// as the change itself, so the log can never miss a change nor record one that was rolled back.
// That makes it the one place to tell live screens too: each event also publishes the booking's
// change (and its service's seats) on the live channel, delivered on commit (lib/live/publish.ts).
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishBookingChanges } from "@/lib/live/publish";
import type { Actor } from "@/lib/auth/actor";

export type BookingEventType =
  | "HELD"
  | "CONFIRMED"
  | "PAYMENT_DECLINED"
  | "CANCELLED"
  | "EXPIRED"
  // Operator schedule changes that touched the booking (lib/admin/schedule-changes.ts).
  | "SCHEDULE_DELAY"
  | "SCHEDULE_CANCELLED"
  | "PLATFORM_CHANGED"
  // The waiting list (lib/booking/waitlist/): joined, paid up front, promoted by the system, closed at chart time.
  | "WAITLISTED"
  | "WAITLIST_PAID"
  | "WAITLIST_PROMOTED"
  | "WAITLIST_NOT_CONFIRMED";


function actorColumns(actor: Actor): { actorUserId: string | null; actorRole: string } {
  return actor === "SYSTEM" ? { actorUserId: null, actorRole: "SYSTEM" } : { actorUserId: actor.userId, actorRole: actor.role };
}

export async function appendEvent(
  tx: Tx,
  bookingId: string,
  type: BookingEventType,
  actor: Actor,
  data: Prisma.InputJsonObject = {},
): Promise<void> {
  await tx.bookingEvent.create({ data: { bookingId, type, ...actorColumns(actor), data } });
  await publishBookingChanges(tx, [bookingId]);
}

/** One event per booking for a batch change (the hold sweeper expires many at once). */
export async function appendEvents(
  tx: Tx,
  bookingIds: string[],
  type: BookingEventType,
  actor: Actor,
  data: Prisma.InputJsonObject = {},
): Promise<void> {
  if (bookingIds.length === 0) return;
  const columns = actorColumns(actor);
  await tx.bookingEvent.createMany({ data: bookingIds.map((bookingId) => ({ bookingId, type, ...columns, data })) });
  await publishBookingChanges(tx, bookingIds);
}
