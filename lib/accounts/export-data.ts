// "Download my data": everything RailBook keeps about one account, as one JSON document the owner
// can read (GET /api/v1/account/export). Bookings in the API's own shape (journey, passengers,
// seats), then the payments, refunds and notices behind them. Never the password hash, token
// hashes or anyone else's data: every query is keyed by the owner's id.
import "server-only";
import { db } from "@/lib/db";
import { listOwnBookings } from "@/lib/booking/booking-view";

/** Enough for any real account; past it the export says it was cut (exportTruncated). */
const MAX_BOOKINGS = 5000;
const MAX_NOTIFICATIONS = 5000;

export async function exportAccountData(userId: string, now: Date = new Date()) {
  const client = db();
  const [profile, bookings, payments, refunds, notifications, apiTokens] = await Promise.all([
    client.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, createdAt: true, updatedAt: true } }),
    listOwnBookings(client, userId, { limit: MAX_BOOKINGS + 1 }),
    client.payment.findMany({
      where: { booking: { userId } },
      select: { booking: { select: { pnr: true } }, amountMinor: true, currency: true, status: true, cardLast4: true, failureCode: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    client.refund.findMany({
      where: { booking: { userId } },
      select: { booking: { select: { pnr: true } }, amountMinor: true, currency: true, reason: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    client.notification.findMany({
      where: { userId },
      select: { kind: true, channel: true, title: true, body: true, status: true, createdAt: true, sentAt: true, readAt: true, booking: { select: { pnr: true } } },
      orderBy: { createdAt: "asc" },
      take: MAX_NOTIFICATIONS + 1,
    }),
    client.apiToken.findMany({ where: { userId }, select: { label: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } }),
  ]);

  return {
    exportedAt: now.toISOString(),
    exportTruncated: bookings.length > MAX_BOOKINGS || notifications.length > MAX_NOTIFICATIONS,
    profile: { ...profile, createdAt: profile.createdAt.toISOString(), updatedAt: profile.updatedAt.toISOString() },
    bookings: bookings.slice(0, MAX_BOOKINGS),
    payments: payments.map(({ booking, createdAt, amountMinor, currency, ...p }) => ({ pnr: booking.pnr, amount: { amount: amountMinor, currency }, ...p, createdAt: createdAt.toISOString() })),
    refunds: refunds.map(({ booking, createdAt, amountMinor, currency, ...r }) => ({ pnr: booking.pnr, amount: { amount: amountMinor, currency }, ...r, createdAt: createdAt.toISOString() })),
    notifications: notifications.slice(0, MAX_NOTIFICATIONS).map(({ booking, createdAt, sentAt, readAt, ...n }) => ({
      ...n,
      pnr: booking?.pnr ?? null,
      createdAt: createdAt.toISOString(),
      sentAt: sentAt?.toISOString() ?? null,
      readAt: readAt?.toISOString() ?? null,
    })),
    apiTokens: apiTokens.map((t) => ({
      label: t.label,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      expiresAt: t.expiresAt.toISOString(),
      revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;
