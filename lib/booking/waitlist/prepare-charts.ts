// Chart preparation: CHART_HOURS_BEFORE (4) hours before a service leaves its origin, the waiting
// list closes. A last promotion gives seats that came free to whoever waits for them; every
// booking still waiting is then cancelled with a full refund and told it was not confirmed.
//
// Safe to run again, or twice at once, as the cron route does: idempotent by state. Step one (one
// transaction, the service row locked) promotes and sets Service.chartPreparedAt, once; from then
// on nothing joins, pays or is promoted on that service (lib/booking/waitlist/queue.ts, promote.ts). Step
// two cancels what still waits, in batches, each its own transaction with the service row locked,
// so two runs take turns; a cancelled booking is never picked again and its refund is keyed by
// booking (lib/booking/cancel-booking.ts), so nobody is refunded twice. A run that stops half-way
// is finished by the next one: services charted with bookings still waiting are picked up again.
import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import type { PaymentProvider } from "@/lib/payments/provider";
import { paymentProvider } from "@/lib/payments";
import { inventoryTx } from "@/lib/inventory/transaction";
import { appendEvent } from "@/lib/booking/events";
import { cancelLockedBooking } from "@/lib/booking/cancel-booking";
import type { LockedBooking } from "@/lib/booking/own-booking";
import { currentTime } from "@/lib/booking/clock";
import { promoteWaitlist } from "@/lib/booking/waitlist/promote";
import { chartDueAt, chartHoursBefore } from "@/lib/booking/waitlist/queue";

const BATCH = 100;
const MAX_SERVICES = 200;

export interface ChartRunResult {
  /** Services whose chart this run prepared or finished. */
  services: number;
  promoted: number;
  notConfirmed: number;
  refunded: { amountMinor: number; currency: string }[];
}

/** Waiting bookings that still count: paid, or inside their payment window (lapsed ones are the hold sweeper's). */
const STILL_WAITING = Prisma.sql`b.status = 'WAITLISTED' AND (b."holdExpiresAt" IS NULL OR b."holdExpiresAt" > now())`;

async function servicesDue(): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Service" s
    WHERE (s."chartPreparedAt" IS NULL AND s."departsAt" <= now() + ${chartHoursBefore()}::float8 * INTERVAL '1 hour')
       OR (s."chartPreparedAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "Booking" b WHERE b."serviceId" = s.id AND ${STILL_WAITING}))
    ORDER BY s."departsAt", s.id
    LIMIT ${MAX_SERVICES}`;
  return rows.map((r) => r.id);
}

async function lockService(tx: Tx, serviceId: string) {
  const [service] = await tx.$queryRaw<{ id: string; departsAt: Date; chartPreparedAt: Date | null }[]>`
    SELECT id, "departsAt", "chartPreparedAt" FROM "Service" WHERE id = ${serviceId} FOR UPDATE NOWAIT`;
  if (!service) throw new AppError("NOT_FOUND", "We could not find that train service.");
  return service;
}

/** Step one: a last promotion, then the chart is prepared. Returns how many were promoted. */
async function closeWaitlist(serviceId: string): Promise<number> {
  return inventoryTx(async (tx) => {
    const service = await lockService(tx, serviceId);
    const now = await currentTime(tx);
    if (service.chartPreparedAt || chartDueAt(service.departsAt) > now) return 0;
    const inventories = await tx.waitlistEntry.findMany({
      where: { serviceId, status: "WAITING" },
      distinct: ["classCode", "quotaCode"],
      select: { serviceId: true, classCode: true, quotaCode: true },
    });
    let promoted = 0;
    for (const inventory of inventories) promoted += (await promoteWaitlist(tx, inventory)).length;
    await tx.service.update({ where: { id: serviceId }, data: { chartPreparedAt: now } });
    return promoted;
  });
}

/** Step two, one batch: cancels up to BATCH still-waiting bookings of a charted service. */
async function cancelWaiting(serviceId: string, provider: PaymentProvider): Promise<{ amountMinor: number; currency: string }[]> {
  return inventoryTx(async (tx) => {
    const service = await lockService(tx, serviceId);
    if (!service.chartPreparedAt) return [];
    const bookings = await tx.$queryRaw<(LockedBooking & { userId: string })[]>`
      SELECT b.id, b.pnr, b."userId", b.status::text AS status, b."holdExpiresAt", b."totalMinor", b.currency, b."fromSeq", b."toSeq"
      FROM "Booking" b WHERE b."serviceId" = ${serviceId} AND ${STILL_WAITING}
      ORDER BY b.id LIMIT ${BATCH} FOR UPDATE OF b`;
    const refunds: { amountMinor: number; currency: string }[] = [];
    for (const booking of bookings) {
      const paid = booking.holdExpiresAt === null;
      await appendEvent(tx, booking.id, "WAITLIST_NOT_CONFIRMED", "SYSTEM", { chartPreparedAt: service.chartPreparedAt.toISOString(), paid });
      const { refund } = await cancelLockedBooking(tx, booking, {
        actor: "SYSTEM",
        ownerId: booking.userId,
        provider,
        fullRefund: true,
        refundReason: "WAITLIST_NOT_CONFIRMED",
        eventData: { chartPrepared: true },
        notice: (r) => ({
          kind: "WAITLIST_NOT_CONFIRMED",
          title: `Booking ${booking.pnr} was not confirmed`,
          body:
            r.amountMinor > 0
              ? `No seat came free before the train's chart was prepared, so your waiting-list booking is cancelled and ${formatMoney(r.amountMinor, r.currency)} is on its way back to your card.`
              : "No seat came free before the train's chart was prepared, so your waiting-list booking is cancelled.",
        }),
      });
      refunds.push(refund);
    }
    return refunds;
  });
}

export async function prepareCharts(provider: PaymentProvider = paymentProvider()): Promise<ChartRunResult> {
  const serviceIds = await servicesDue();
  let promoted = 0;
  let notConfirmed = 0;
  const totals = new Map<string, number>();
  for (const serviceId of serviceIds) {
    promoted += await closeWaitlist(serviceId);
    for (;;) {
      const refunds = await cancelWaiting(serviceId, provider);
      notConfirmed += refunds.length;
      for (const r of refunds) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amountMinor);
      if (refunds.length < BATCH) break;
    }
  }
  const refunded = [...totals].filter(([, amountMinor]) => amountMinor > 0).map(([currency, amountMinor]) => ({ amountMinor, currency }));
  return { services: serviceIds.length, promoted, notConfirmed, refunded };
}
