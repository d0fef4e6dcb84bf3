// A conductor checks a ticket on the service they are on: a scanned code is verified (signature,
// validity, revocation, service), a typed PNR is looked up, and the booking as it stands now must
// still be confirmed for this service. An accepted ticket is marked checked; the first check of a
// booking on a service is the one a later check reports. The check's id comes from the device
// (its Idempotency-Key), so a check made offline and sent again, or a retry, is recorded once.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UserActor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/booking/clock";
import { publishedKeys, revokedTickets } from "@/lib/tickets/key-registry";
import { REFUSAL_MESSAGES, verifyTicketToken, parseTicketToken, type TicketRefusal } from "@/lib/tickets/ticket-token";
import type { CheckedTicket, TicketCheckView, VerifyTicketInput } from "@/lib/schemas/tickets";

/** How far back an offline check may be dated when it is finally sent. */
const OFFLINE_MAX_AGE_MS = 48 * 3_600_000;
const CLOCK_SLACK_MS = 5 * 60_000;

interface BookingRow {
  id: string;
  pnr: string;
  status: string;
  serviceId: string;
  classCode: string;
  ticketsRevokedAt: Date | null;
  train: string;
  fromCode: string;
  toCode: string;
  fromName: string;
  toName: string;
  departureAt: Date;
  timeZone: string;
  passengers: { name: string; coach: string | null; number: number | null; concession: { name: string; proof: string | null } | null }[];
}

async function bookingByPnr(pnr: string): Promise<BookingRow | undefined> {
  const rows = await db().$queryRaw<BookingRow[]>`
    SELECT b.id, b.pnr, b.status::text AS status, b."serviceId", b."classCode", b."ticketsRevokedAt", t.number AS train,
           fst.code AS "fromCode", tst.code AS "toCode", fst.name AS "fromName", tst.name AS "toName", fst."timeZone",
           s."departsAt" + COALESCE(fs."departureOffsetMinutes", 0) * INTERVAL '1 minute' AS "departureAt",
           COALESCE((
             SELECT json_agg(json_build_object('name', p.name, 'coach', seat."coachLabel", 'number', seat.number,
                      'concession', CASE WHEN p."concessionCode" IS NULL THEN NULL
                                    ELSE json_build_object('name', p."concessionName", 'proof', p."concessionProof") END) ORDER BY p.position)
             FROM "BookingPassenger" p
             LEFT JOIN LATERAL (
               SELECT ss."coachLabel", ss.number FROM "SeatAllocation" a JOIN "ServiceSeat" ss ON ss.id = a."serviceSeatId"
               WHERE a."bookingPassengerId" = p.id AND a."releasedAt" IS NULL
               ORDER BY a."createdAt" DESC, a.id LIMIT 1
             ) seat ON true
             WHERE p."bookingId" = b.id AND p.status = 'CONFIRMED'
           ), '[]'::json) AS passengers
    FROM "Booking" b
    JOIN "Service" s ON s.id = b."serviceId"
    JOIN "Train" t ON t.id = s."trainId"
    JOIN "Station" fst ON fst.id = b."fromStationId"
    JOIN "Station" tst ON tst.id = b."toStationId"
    LEFT JOIN "TrainStop" fs ON fs."trainId" = s."trainId" AND fs.sequence = b."fromSeq"
    WHERE b.pnr = ${pnr}`;
  return rows[0];
}

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function ticketOf(b: BookingRow, source: CheckedTicket["source"]): CheckedTicket {
  return {
    pnr: b.pnr.trim(),
    train: b.train,
    date: localDate(b.departureAt, b.timeZone),
    from: b.fromCode,
    to: b.toCode,
    fromName: b.fromName,
    toName: b.toName,
    class: b.classCode,
    passengers: b.passengers,
    source,
  };
}

function refused(reason: TicketRefusal, ticket: CheckedTicket | null = null): TicketCheckView {
  return { outcome: "REFUSED", reason, message: REFUSAL_MESSAGES[reason], ticket, check: null, firstCheck: null };
}

/** When the check happened: now, or the moment an offline device recorded it (within bounds). */
function checkTime(input: VerifyTicketInput, now: Date): Date {
  if (!input.checkedAt) return now;
  const at = new Date(input.checkedAt);
  if (at.getTime() > now.getTime() + CLOCK_SLACK_MS || at.getTime() < now.getTime() - OFFLINE_MAX_AGE_MS) {
    throw new AppError("VALIDATION_FAILED", "checkedAt must lie within the last 48 hours.", { fieldErrors: { checkedAt: ["Use a time within the last 48 hours."] } });
  }
  return at;
}

export async function checkTicket(actor: UserActor, input: VerifyTicketInput, checkKey: string): Promise<TicketCheckView> {
  const service = await db().service.findUnique({ where: { id: input.serviceId }, select: { id: true, serviceDate: true, train: { select: { number: true } } } });
  if (!service) throw new AppError("NOT_FOUND", "We could not find that train.", { fieldErrors: { serviceId: ["Choose a train from the list."] } });
  const now = await currentTime(db());
  const checkedAt = checkTime(input, now);

  let pnr: string;
  if (input.ticket !== undefined) {
    const claimed = parseTicketToken(input.ticket)?.payload.p;
    const [keys, revoked] = await Promise.all([publishedKeys(db()), claimed ? revokedTickets(db(), claimed) : Promise.resolve([])]);
    // Judged at the moment of the check, so a ticket checked offline before it expired still counts.
    const result = await verifyTicketToken(input.ticket, { keys, revoked }, {
      now: checkedAt.getTime(),
      service: { trainNumber: service.train.number, serviceDate: service.serviceDate.toISOString().slice(0, 10) },
    });
    if (!result.ok) {
      const shown = result.ticket ? await bookingByPnr(result.ticket.p) : undefined;
      return refused(result.reason, shown ? ticketOf(shown, "SIGNED") : null);
    }
    pnr = result.ticket.p;
  } else {
    pnr = input.pnr!;
  }

  const booking = await bookingByPnr(pnr);
  if (!booking) return refused("NOT_FOUND");
  const source = input.ticket !== undefined ? "SIGNED" : "PNR";
  // The booking as it stands now: cancelled, or every passenger cancelled out, since the code was signed.
  if (booking.status !== "CONFIRMED" || booking.passengers.length === 0) return refused("REVOKED", ticketOf(booking, source));
  if (booking.serviceId !== input.serviceId) return refused("WRONG_SERVICE", ticketOf(booking, source));
  return record(actor, booking, { id: `${actor.userId}:${checkKey}`, checkedAt, offline: input.checkedAt !== undefined }, source);
}

async function record(actor: UserActor, booking: BookingRow, check: { id: string; checkedAt: Date; offline: boolean }, source: CheckedTicket["source"]): Promise<TicketCheckView> {
  await db().$executeRaw`
    INSERT INTO "TicketCheck" (id, "bookingId", "serviceId", "conductorId", "checkedAt", offline)
    VALUES (${check.id}, ${booking.id}, ${booking.serviceId}, ${actor.userId}, ${check.checkedAt}, ${check.offline})
    ON CONFLICT (id) DO NOTHING`;
  const checks = await db().$queryRaw<{ id: string; checkedAt: Date; conductor: string | null }[]>`
    SELECT c.id, c."checkedAt", u.name AS conductor
    FROM "TicketCheck" c LEFT JOIN "User" u ON u.id = c."conductorId"
    WHERE c."bookingId" = ${booking.id} AND c."serviceId" = ${booking.serviceId}
    ORDER BY c."checkedAt", c.id`;
  const mine = checks.find((c) => c.id === check.id);
  const first = checks[0]!;
  const ticket = ticketOf(booking, source);
  const recorded = { id: check.id, checkedAt: (mine ?? first).checkedAt.toISOString() };
  if (first.id === check.id) {
    return { outcome: "ACCEPTED", reason: null, message: "Valid ticket: checked.", ticket, check: recorded, firstCheck: null };
  }
  return {
    outcome: "ALREADY_CHECKED",
    reason: null,
    message: "Valid ticket, already checked on this train.",
    ticket,
    check: recorded,
    firstCheck: { checkedAt: first.checkedAt.toISOString(), conductor: first.conductor },
  };
}

/** Checks of one service, for its passenger list: the first check of each booking. */
export async function firstChecksOf(serviceId: string): Promise<Map<string, { checkedAt: Date; conductor: string | null }>> {
  const rows = await db().$queryRaw<{ bookingId: string; checkedAt: Date; conductor: string | null }[]>(Prisma.sql`
    SELECT DISTINCT ON (c."bookingId") c."bookingId", c."checkedAt", u.name AS conductor
    FROM "TicketCheck" c LEFT JOIN "User" u ON u.id = c."conductorId"
    WHERE c."serviceId" = ${serviceId}
    ORDER BY c."bookingId", c."checkedAt", c.id`);
  return new Map(rows.map((r) => [r.bookingId, { checkedAt: r.checkedAt, conductor: r.conductor }]));
}
