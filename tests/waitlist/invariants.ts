// What must hold for every service after every waiting-list test, whatever the test did:
// - no seat is held by two live allocations for overlapping stops, and per (class, quota) and stop
//   segment the confirmed + held seats never exceed the seats there are;
// - no paid booking waits while enough seats are free for its whole journey (unless the service
//   can no longer promote: cancelled, charted or departed);
// - each booking's passengers, allocations and queue entry agree with the booking's status.
import { expect } from "vitest";
import { db } from "@/lib/db";

const LIVE = (a: string) => `${a}."releasedAt" IS NULL AND (${a}."expiresAt" IS NULL OR ${a}."expiresAt" > now())`;

export async function assertInvariants(serviceId: string): Promise<void> {
  const c = db();
  const doubles = await c.$queryRawUnsafe<{ n: number }[]>(
    `SELECT COUNT(*)::int AS n FROM "SeatAllocation" a JOIN "SeatAllocation" b
       ON b."serviceSeatId" = a."serviceSeatId" AND a.id < b.id AND a."fromSeq" < b."toSeq" AND a."toSeq" > b."fromSeq"
     WHERE a."serviceId" = $1 AND ${LIVE("a")} AND ${LIVE("b")}`,
    serviceId,
  );
  expect(doubles[0]!.n, "seats allocated twice for overlapping stops").toBe(0);

  const overCapacity = await c.$queryRawUnsafe<{ classCode: string; quotaCode: string; seq: number; used: number; seats: number }[]>(
    `WITH inv AS (SELECT "classCode", "quotaCode", COUNT(*)::int AS seats FROM "ServiceSeat" WHERE "serviceId" = $1 GROUP BY 1, 2),
          segs AS (SELECT ts.sequence AS seq FROM "TrainStop" ts JOIN "Service" s ON s."trainId" = ts."trainId" WHERE s.id = $1)
     SELECT inv."classCode", inv."quotaCode", segs.seq, inv.seats,
            (SELECT COUNT(*)::int FROM "SeatAllocation" a JOIN "ServiceSeat" ss ON ss.id = a."serviceSeatId"
              WHERE ss."serviceId" = $1 AND ss."classCode" = inv."classCode" AND ss."quotaCode" = inv."quotaCode"
                AND ${LIVE("a")} AND a."fromSeq" <= segs.seq AND a."toSeq" > segs.seq) AS used
     FROM inv CROSS JOIN segs`,
    serviceId,
  );
  expect(overCapacity.filter((r) => r.used > r.seats), "more seats used than exist").toEqual([]);

  const servable = await c.$queryRawUnsafe<{ pnr: string; partySize: number; free: number }[]>(
    `SELECT b.pnr, e."partySize",
            (SELECT COUNT(*)::int FROM "ServiceSeat" ss
              WHERE ss."serviceId" = e."serviceId" AND ss."classCode" = e."classCode" AND ss."quotaCode" = e."quotaCode"
                AND NOT EXISTS (SELECT 1 FROM "SeatAllocation" a WHERE a."serviceSeatId" = ss.id AND ${LIVE("a")}
                                  AND a."fromSeq" < e."toSeq" AND a."toSeq" > e."fromSeq")) AS free
     FROM "WaitlistEntry" e JOIN "Booking" b ON b.id = e."bookingId" JOIN "Service" s ON s.id = e."serviceId"
     WHERE e."serviceId" = $1 AND e.status = 'WAITING' AND b.status = 'WAITLISTED' AND b."holdExpiresAt" IS NULL
       AND s.status <> 'CANCELLED' AND s."chartPreparedAt" IS NULL AND s."departsAt" > now()`,
    serviceId,
  );
  expect(servable.filter((w) => w.free >= w.partySize), "a paid waiting booking could be served by free seats").toEqual([]);

  const bookings = await c.booking.findMany({
    where: { serviceId },
    include: { waitlist: true, passengers: { include: { allocations: { where: { releasedAt: null } } } }, events: { where: { type: "WAITLIST_PROMOTED" } } },
  });
  const now = Date.now();
  for (const b of bookings) {
    const statuses = new Set(b.passengers.map((p) => p.status));
    const live = b.passengers.flatMap((p) => p.allocations.filter((a) => a.expiresAt === null || a.expiresAt.getTime() > now));
    const expected = { HELD: "CONFIRMED", CONFIRMED: "CONFIRMED", WAITLISTED: "WAITLISTED", CANCELLED: "CANCELLED", EXPIRED: "CANCELLED" }[b.status];
    const lapsed = b.holdExpiresAt !== null && b.holdExpiresAt.getTime() <= now;
    const summary = `${b.pnr} ${b.status}`;
    expect([...statuses], `${summary}: passengers' statuses`).toEqual([expected]);
    if (b.status === "CONFIRMED") {
      expect(live.length, `${summary}: one paid seat per passenger`).toBe(b.passengers.length);
      expect(live.every((a) => a.expiresAt === null), `${summary}: paid seats do not expire`).toBe(true);
    }
    if (b.status === "HELD" && !lapsed) expect(live.length, `${summary}: one held seat per passenger`).toBe(b.passengers.length);
    if (b.status === "WAITLISTED" || b.status === "CANCELLED" || b.status === "EXPIRED") expect(live, `${summary}: no seats`).toEqual([]);
    if (b.status === "WAITLISTED") expect(b.waitlist?.status, `${summary}: its queue entry`).toBe("WAITING");
    if (b.waitlist && b.status !== "WAITLISTED") expect(b.waitlist.status, `${summary}: left the queue`).not.toBe("WAITING");
    if (b.waitlist?.status === "PROMOTED") {
      expect(["CONFIRMED", "CANCELLED"], `${summary}: promoted`).toContain(b.status);
      expect(b.events.length, `${summary}: promoted exactly once`).toBe(1);
    } else {
      expect(b.events.length, `${summary}: never promoted`).toBe(0);
    }
  }
}

/** For afterEach: checks, then forgets, the services a test touched. */
export async function checkTouched(touched: Set<string>): Promise<void> {
  const ids = [...touched];
  touched.clear();
  for (const id of ids) await assertInvariants(id);
}
