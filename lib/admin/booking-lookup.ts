// The operator's view of bookings: a search by PNR, e-mail or name, or by train and service date,
// and one booking in full (passengers and seats, payments, refunds and who made them, the whole
// event history). Reads only; cancelling on a passenger's behalf is lib/admin/cancel-on-behalf.ts.
import "server-only";
import { db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bookingViewById } from "@/lib/booking/booking-view";
import { isPnr } from "@/lib/booking/pnr";
import type { BookingSearch } from "@/lib/schemas/admin-ops";
import type { AdminBookingDetail, AdminBookingList } from "@/lib/schemas/admin-ops-views";
import { adminRefundQuote } from "@/lib/admin/cancel-on-behalf";

export const BOOKINGS_PAGE_SIZE = 25;

/** Events written in one transaction share a timestamp; the cause is listed before its effect. */
const EVENT_ORDER: Record<string, number> = { SCHEDULE_CANCELLED: 0, SCHEDULE_DELAY: 0, PLATFORM_CHANGED: 0, HELD: 1, CONFIRMED: 2, PAYMENT_DECLINED: 2, CANCELLED: 3, EXPIRED: 3 };

function whereFor(search: BookingSearch): Prisma.BookingWhereInput {
  const where: Prisma.BookingWhereInput[] = [];
  const q = search.q?.trim();
  if (q) {
    const literal = escapeLike(q);
    if (q.includes("@")) where.push({ user: { email: { contains: literal.toLowerCase() } } });
    else if (isPnr(q.toUpperCase())) where.push({ pnr: q.toUpperCase() });
    else where.push({ OR: [{ pnr: { startsWith: literal.toUpperCase() } }, { user: { name: { contains: literal, mode: "insensitive" } } }] });
  }
  if (search.train && search.date) {
    where.push({ service: { serviceDate: new Date(`${search.date}T00:00:00Z`), train: { number: { equals: search.train, mode: "insensitive" } } } });
  }
  return { AND: where };
}

/** Newest first; with no criteria, the latest bookings. */
export async function searchBookings(search: BookingSearch, now = new Date()): Promise<AdminBookingList> {
  const where = whereFor(search);
  const total = await db().booking.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / BOOKINGS_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const rows = await db().booking.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * BOOKINGS_PAGE_SIZE,
    take: BOOKINGS_PAGE_SIZE,
    select: {
      pnr: true, status: true, holdExpiresAt: true, totalMinor: true, currency: true, createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      service: { select: { serviceDate: true, train: { select: { number: true, name: true } } } },
      fromStation: { select: { name: true } },
      toStation: { select: { name: true } },
      _count: { select: { passengers: true } },
    },
  });
  return {
    bookings: rows.map((b) => ({
      pnr: b.pnr,
      status: b.status === "HELD" && b.holdExpiresAt && b.holdExpiresAt <= now ? "EXPIRED" : b.status,
      owner: b.user,
      train: b.service.train,
      serviceDate: b.service.serviceDate.toISOString().slice(0, 10),
      from: b.fromStation.name,
      to: b.toStation.name,
      passengers: b._count.passengers,
      total: { amount: b.totalMinor, currency: b.currency },
      createdAt: b.createdAt.toISOString(),
    })),
    total,
    page,
    pageCount,
  };
}

const person = { select: { id: true, name: true, email: true } } as const;

/** Any passenger's booking by PNR, for operators; null when there is none. */
export async function adminBookingDetail(pnr: string, now = new Date()): Promise<AdminBookingDetail | null> {
  const ref = pnr.trim().toUpperCase();
  if (!isPnr(ref)) return null;
  const row = await db().booking.findUnique({
    where: { pnr: ref },
    select: {
      id: true,
      user: person,
      service: { select: { id: true, serviceDate: true, status: true, delayMinutes: true } },
      payments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      refunds: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { createdBy: person } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: person } },
    },
  });
  if (!row) return null;
  const [booking, cancelQuote] = await Promise.all([bookingViewById(db(), row.id, now), adminRefundQuote(db(), row.id)]);
  const events = [...row.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (EVENT_ORDER[a.type] ?? 9) - (EVENT_ORDER[b.type] ?? 9));
  return {
    booking,
    owner: row.user,
    service: { id: row.service.id, date: row.service.serviceDate.toISOString().slice(0, 10), status: row.service.status, delayMinutes: row.service.delayMinutes },
    payments: row.payments.map((p) => ({
      id: p.id,
      status: p.status,
      amount: { amount: p.amountMinor, currency: p.currency },
      cardLast4: p.cardLast4,
      failureCode: p.failureCode,
      createdAt: p.createdAt.toISOString(),
    })),
    refunds: row.refunds.map((r) => ({ id: r.id, amount: { amount: r.amountMinor, currency: r.currency }, reason: r.reason, createdBy: r.createdBy, createdAt: r.createdAt.toISOString() })),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      actorRole: e.actorRole,
      actor: e.actor,
      data: (e.data ?? {}) as Record<string, unknown>,
      createdAt: e.createdAt.toISOString(),
    })),
    cancelQuote,
  };
}
