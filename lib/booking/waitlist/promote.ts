// Promotion: seats that came free go to the waiting list before anyone else, strictly first come,
// first served among the bookings they can serve (planned by lib/inventory/plan-promotions.ts on
// the locked inventory, then written here in a few set-based statements).
//
// It runs inside the transaction that frees seats (a cancellation, a payment that joins the queue,
// a new booking meeting lapsed holds, a quota move, the sweeper), so there is no moment at which a
// seat is free while a paid booking it could serve waits. Only paid entries are served
// (docs/decisions/012-waitlist.md); a cancelled, charted or departed service promotes nobody.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Preference } from "@/lib/inventory/choose-seats";
import { lockInventory } from "@/lib/inventory/lock";
import { planPromotions } from "@/lib/inventory/plan-promotions";
import type { Inventory, InventoryState, LockedInventory } from "@/lib/inventory/state";
import { appendEvent } from "@/lib/booking/events";
import { currentTime } from "@/lib/booking/clock";
import { notifyInAppMany } from "@/lib/booking/notifications";

export interface Promotion {
  bookingId: string;
  pnr: string;
  userId: string;
  entryId: string;
  seats: { seatId: string; coachLabel: string; number: number; fromSeq: number; toSeq: number }[];
}

interface EligibleEntry {
  id: string;
  bookingId: string;
  pnr: string;
  userId: string;
  fromSeq: number;
  toSeq: number;
  partySize: number;
}

/**
 * Paid waiting entries of an inventory whose service can still promote, first come first. Two
 * reads, the first on the queue's own index only: every booking and cancellation asks this, and
 * nearly always nobody waits, so the common answer must not read (and, under SERIALIZABLE, take
 * predicate locks on) the busy Booking table, which every concurrent booking writes to.
 */
async function eligibleEntries(tx: Tx, inventory: Inventory): Promise<EligibleEntry[]> {
  const waiting = await tx.$queryRaw<Omit<EligibleEntry, "pnr" | "userId">[]>`
    SELECT e.id, e."bookingId", e."fromSeq", e."toSeq", e."partySize"
    FROM "WaitlistEntry" e
    WHERE e."serviceId" = ${inventory.serviceId} AND e."classCode" = ${inventory.classCode} AND e."quotaCode" = ${inventory.quotaCode}
      AND e.status = 'WAITING'
    ORDER BY e."createdAt", e.id`;
  if (waiting.length === 0) return [];
  const paid = await tx.$queryRaw<{ id: string; pnr: string; userId: string }[]>`
    SELECT b.id, b.pnr, b."userId"
    FROM "Booking" b
    JOIN "Service" s ON s.id = b."serviceId"
    WHERE b.id = ANY(${waiting.map((e) => e.bookingId)}::text[]) AND b.status = 'WAITLISTED' AND b."holdExpiresAt" IS NULL
      AND s.status <> 'CANCELLED' AND s."chartPreparedAt" IS NULL AND s."departsAt" > now()`;
  const byId = new Map(paid.map((b) => [b.id, b]));
  return waiting.flatMap((e) => {
    const b = byId.get(e.bookingId);
    return b ? [{ ...e, pnr: b.pnr, userId: b.userId }] : [];
  });
}

/**
 * Promotes every waiting booking of the inventory that the free seats can serve. Cheap when nobody
 * waits (one indexed read, no locks); otherwise locks the inventory's seats (NOWAIT, so callers run
 * in lib/inventory/transaction.ts, which retries) and writes the promotions. Returns what it did.
 *
 * `locked`: the whole inventory, already locked by the caller's transaction (a batch of holds);
 * the promotions are marked in it, so what the caller plans next sees those seats taken.
 */
export async function promoteWaitlist(tx: Tx, inventory: Inventory, locked?: LockedInventory): Promise<Promotion[]> {
  const entries = await eligibleEntries(tx, inventory);
  if (entries.length === 0) return [];
  const picture = locked?.complete ? locked : await lockInventory(tx, inventory);
  // The same Map of allocations as the caller's picture: planPromotions() marks the seats it gives.
  const state: InventoryState = { ...picture, now: picture.txNow ?? (await currentTime(tx)) };
  const passengers = await tx.bookingPassenger.findMany({
    where: { bookingId: { in: entries.map((e) => e.bookingId) } },
    orderBy: [{ bookingId: "asc" }, { position: "asc" }],
    select: { id: true, bookingId: true, berthPreference: true },
  });
  const byBooking = new Map<string, typeof passengers>();
  for (const p of passengers) byBooking.set(p.bookingId, [...(byBooking.get(p.bookingId) ?? []), p]);
  const plan = planPromotions(
    state,
    entries.map((e) => ({ ...e, preferences: (byBooking.get(e.bookingId) ?? []).map((p): Preference => p.berthPreference) })),
  );
  if (plan.length === 0) return [];

  const at = await currentTime(tx);
  const seatById = new Map(state.seats.map((s) => [s.id, s]));
  const bookingIds = plan.map((p) => p.entry.bookingId);
  const { count } = await tx.booking.updateMany({ where: { id: { in: bookingIds }, status: "WAITLISTED" }, data: { status: "CONFIRMED", confirmedAt: at } });
  // The entries were read in this transaction; under SERIALIZABLE nothing can have moved them since.
  if (count !== bookingIds.length) throw new Error(`waitlist promotion found ${count} of ${bookingIds.length} bookings still waiting`);
  await tx.bookingPassenger.updateMany({ where: { bookingId: { in: bookingIds } }, data: { status: "CONFIRMED" } });
  await tx.seatAllocation.createMany({
    data: plan.flatMap(({ entry, seatIds }) =>
      (byBooking.get(entry.bookingId) ?? []).map((p, i) => ({
        serviceId: inventory.serviceId,
        serviceSeatId: seatIds[i]!,
        bookingPassengerId: p.id,
        fromSeq: entry.fromSeq,
        toSeq: entry.toSeq,
        createdAt: at,
      })),
    ),
  });
  await tx.waitlistEntry.updateMany({ where: { id: { in: plan.map((p) => p.entry.id) } }, data: { status: "PROMOTED", resolvedAt: at } });

  const promotions: Promotion[] = plan.map(({ entry, seatIds }) => ({
    bookingId: entry.bookingId,
    pnr: entry.pnr,
    userId: entry.userId,
    entryId: entry.id,
    seats: seatIds.map((seatId) => ({ seatId, coachLabel: seatById.get(seatId)!.coachLabel, number: seatById.get(seatId)!.number, fromSeq: entry.fromSeq, toSeq: entry.toSeq })),
  }));
  for (const p of promotions) await appendEvent(tx, p.bookingId, "WAITLIST_PROMOTED", "SYSTEM", { waitlistEntryId: p.entryId, seatIds: p.seats.map((s) => s.seatId) });
  await notifyInAppMany(
    tx,
    promotions.map((p) => ({
      userId: p.userId,
      bookingId: p.bookingId,
      kind: "WAITLIST_PROMOTED" as const,
      title: `Booking ${p.pnr} confirmed from the waiting list`,
      body: `Seats came free and are now yours: ${p.seats.map((s) => `coach ${s.coachLabel}, seat ${s.number}`).join("; ")}.`,
      data: { pnr: p.pnr, seats: p.seats.map((s) => ({ coach: s.coachLabel, number: s.number })) },
    })),
    at,
  );
  return promotions;
}

/**
 * What a cancellation means for the waiting list, run by the cancel core
 * (lib/booking/cancel-booking.ts) in the cancelling transaction, after the seats are released: a
 * waiting booking leaves its queue; a booking that held seats hands them to whoever waits for them,
 * at once. Passenger, operator and chart-time cancels all pass through here, so none of them can
 * leave a seat free while someone it could serve waits.
 */
export async function afterCancel(tx: Tx, booking: { id: string; status: string }, at: Date): Promise<Promotion[]> {
  if (booking.status === "WAITLISTED") {
    await tx.waitlistEntry.updateMany({ where: { bookingId: booking.id, status: "WAITING" }, data: { status: "CANCELLED", resolvedAt: at } });
    return [];
  }
  const inventory = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { serviceId: true, classCode: true, quotaCode: true } });
  return promoteWaitlist(tx, inventory);
}
