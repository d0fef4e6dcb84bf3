// Quota pools. On a train (TrainQuota): how many seats of a class services generated from now on
// reserve for a quota (generate-services.ts takes them from the back of the train). On one
// existing service: moving N seats of a class between General and a pool, which is allowed only
// for seats no live allocation holds on any segment, so no passenger's seat changes pool under them.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { serializable } from "@/lib/db/serializable";
import { AppError, validationError } from "@/lib/errors";
import type { QuotaRuleFormInput, ServiceQuotaMoveInput, TrainQuotaFormInput } from "@/lib/schemas/admin-pricing";
import { inventoryTx } from "@/lib/inventory/transaction";
import { promoteWaitlist } from "@/lib/booking/waitlist/promote";
import { liveAllocation } from "@/lib/inventory/live";

export interface ClassSeats {
  classCode: string;
  className: string;
  seats: number;
}

/** Seats per class in a train's composition, counted in SQL. */
export async function trainClassSeats(trainId: string): Promise<ClassSeats[]> {
  return db().$queryRaw<ClassSeats[]>`
    SELECT ct."classCode", tc.name AS "className", COUNT(*)::int AS seats
    FROM "TrainCoach" c
    JOIN "CoachType" ct ON ct.id = c."coachTypeId"
    JOIN "CoachTypeSeat" cts ON cts."coachTypeId" = ct.id
    JOIN "TravelClass" tc ON tc.code = ct."classCode"
    WHERE c."trainId" = ${trainId}
    GROUP BY ct."classCode", tc.name, tc."sortOrder"
    ORDER BY tc."sortOrder", ct."classCode"`;
}

export async function trainQuotas(trainId: string) {
  return db().trainQuota.findMany({ where: { trainId }, orderBy: [{ classCode: "asc" }, { quotaCode: "asc" }] });
}

export async function poolQuotas() {
  return db().quota.findMany({ where: { code: { not: "GENERAL" } }, orderBy: { code: "asc" } });
}

/**
 * Who a quota admits from now on (decision 017): bookings already made keep their seats; new ones
 * are checked against the new minimum age (lib/booking/quota-rules.ts).
 */
export async function setQuotaMinAge(input: QuotaRuleFormInput): Promise<{ name: string; minAge: number | null }> {
  const exists = await db().quota.findUnique({ where: { code: input.quotaCode }, select: { code: true } });
  if (!exists) throw validationError({ quotaCode: ["There is no such quota."] }, "There is no such quota.");
  return db().quota.update({ where: { code: input.quotaCode }, data: { minAge: input.minAge }, select: { name: true, minAge: true } });
}

/** Sets a train's pool for a class and quota; 0 seats removes it. Pools of a class never exceed its seats. */
export async function setTrainQuota(input: TrainQuotaFormInput): Promise<{ removed: boolean }> {
  const [quota, classes] = await Promise.all([db().quota.findUnique({ where: { code: input.quotaCode } }), trainClassSeats(input.trainId)]);
  if (!quota) throw validationError({ quotaCode: ["Choose a quota from the list."] });
  const klass = classes.find((c) => c.classCode === input.classCode);
  if (!klass) throw validationError({ classCode: ["This train has no coaches of that class."] });

  return serializable(async (tx) => {
    const others = await tx.trainQuota.aggregate({
      where: { trainId: input.trainId, classCode: input.classCode, quotaCode: { not: input.quotaCode } },
      _sum: { seatCount: true },
    });
    const reservedElsewhere = others._sum.seatCount ?? 0;
    if (input.seatCount + reservedElsewhere > klass.seats) {
      const room = Math.max(0, klass.seats - reservedElsewhere);
      throw validationError({
        seatCount: [`${klass.className} has ${klass.seats} seats on this train and other pools keep ${reservedElsewhere}: at most ${room} are left for this pool.`],
      });
    }
    const key = { trainId_classCode_quotaCode: { trainId: input.trainId, classCode: input.classCode, quotaCode: input.quotaCode } };
    if (input.seatCount === 0) {
      await tx.trainQuota.deleteMany({ where: { trainId: input.trainId, classCode: input.classCode, quotaCode: input.quotaCode } });
      return { removed: true };
    }
    await tx.trainQuota.upsert({ where: key, update: { seatCount: input.seatCount }, create: { ...key.trainId_classCode_quotaCode, seatCount: input.seatCount } });
    return { removed: false };
  });
}

/** Services of a train not yet departed, soonest first: the ones whose pools may still matter. */
export async function comingServices(trainId: string, now = new Date(), limit = 60) {
  const rows = await db().service.findMany({
    where: { trainId, departsAt: { gt: now } },
    orderBy: { departsAt: "asc" },
    take: limit,
    select: { id: true, serviceDate: true, status: true },
  });
  return rows.map((s) => ({ id: s.id, serviceDate: s.serviceDate.toISOString().slice(0, 10), status: s.status }));
}

export interface PoolSeats {
  classCode: string;
  quotaCode: string;
  seats: number;
  /** Seats without any live allocation on any segment: the ones that may move. */
  movable: number;
}

const NO_LIVE_ALLOCATION = Prisma.sql`NOT EXISTS (SELECT 1 FROM "SeatAllocation" a WHERE a."serviceSeatId" = ss.id
  AND ${liveAllocation("a")})`;

export async function servicePools(serviceId: string): Promise<PoolSeats[]> {
  return db().$queryRaw<PoolSeats[]>`
    SELECT ss."classCode", ss."quotaCode", COUNT(*)::int AS seats,
           SUM(CASE WHEN ${NO_LIVE_ALLOCATION} THEN 1 ELSE 0 END)::int AS movable
    FROM "ServiceSeat" ss WHERE ss."serviceId" = ${serviceId}
    GROUP BY ss."classCode", ss."quotaCode" ORDER BY ss."classCode", (ss."quotaCode" <> 'GENERAL'), ss."quotaCode"`;
}

/**
 * Moves `count` free seats of a class between General and a pool on one service. SERIALIZABLE, and
 * the chosen rows are locked FOR UPDATE, so a booking allocating one of them at the same moment
 * either finishes first (and the seat is no longer free here) or makes this transaction retry.
 * Into a pool, seats go from the back of the train (as generation reserves them); back to General,
 * from the front of the pool, so a pool stays together. The moved seats are free, so whoever waits
 * for the pool they joined is served in the same transaction (lib/booking/waitlist/promote.ts; inventoryTx
 * retries when bookings hold that pool's seat locks).
 */
export async function moveServiceSeats(input: ServiceQuotaMoveInput): Promise<{ moved: number }> {
  const quota = await db().quota.findUnique({ where: { code: input.quotaCode } });
  if (!quota) throw validationError({ quotaCode: ["Choose a quota from the list."] });
  const [source, target] = input.direction === "INTO_POOL" ? ["GENERAL", input.quotaCode] : [input.quotaCode, "GENERAL"];
  const order = Prisma.raw(input.direction === "INTO_POOL" ? `ss."coachPosition" DESC, ss.number DESC` : `ss."coachPosition" ASC, ss.number ASC`);

  return inventoryTx(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true } });
    if (!service) throw new AppError("NOT_FOUND", "That service no longer exists.");
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT ss.id FROM "ServiceSeat" ss
      WHERE ss."serviceId" = ${input.serviceId} AND ss."classCode" = ${input.classCode} AND ss."quotaCode" = ${source}
        AND ${NO_LIVE_ALLOCATION}
      ORDER BY ${order}
      LIMIT ${input.count}
      FOR UPDATE`;
    if (locked.length < input.count) {
      throw validationError({
        count: [
          locked.length === 0
            ? `No ${source === "GENERAL" ? "General" : source} seats of this class are free of bookings on this service.`
            : `Only ${locked.length} ${source === "GENERAL" ? "General" : source} seats of this class are free of bookings; move at most ${locked.length}.`,
        ],
      });
    }
    const moved = await tx.serviceSeat.updateMany({ where: { id: { in: locked.map((r) => r.id) } }, data: { quotaCode: target } });
    await promoteWaitlist(tx, { serviceId: input.serviceId, classCode: input.classCode, quotaCode: target });
    return { moved: moved.count };
  });
}
