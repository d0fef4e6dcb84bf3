// Creates the services (a train on a date) in a date range, with their seat inventory.
// Set-based on purpose: the seed makes ~60 days x 12 trains x ~500 seats, and the admin extends
// timetables months at a time, so each call is two statements however many rows it makes.
// Safe to repeat and to run concurrently: existing (train, date) pairs are skipped by the unique
// key, and only the services this call inserted get seats.
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "@/lib/db";
import { datesBetween, daysFromTo, departureInstant, isIsoDate, isoWeekday } from "./service-calendar";

export interface GenerateServicesInput {
  trainId: string;
  /** First service date (origin local date), YYYY-MM-DD. */
  from: string;
  /** Last service date, included. */
  to: string;
  /** ISO weekdays the train runs (1 = Monday .. 7 = Sunday); all days when omitted. */
  weekdays?: number[];
}

export interface GenerateServicesResult {
  created: number;
  skipped: number;
  /** ServiceSeat rows created for the new services. */
  seats: number;
}

/** One call may cover at most this many days, which bounds the rows one statement writes. */
export const MAX_GENERATION_DAYS = 400;

function validate(input: GenerateServicesInput): void {
  const fieldErrors: Record<string, string> = {};
  if (!isIsoDate(input.from)) fieldErrors.from = "Use a date like 2026-11-23.";
  if (!isIsoDate(input.to)) fieldErrors.to = "Use a date like 2026-11-23.";
  if (!fieldErrors.from && !fieldErrors.to) {
    const span = daysFromTo(input.from, input.to);
    if (span < 0) fieldErrors.to = "The last date must not be before the first.";
    else if (span >= MAX_GENERATION_DAYS) fieldErrors.to = `Generate at most ${MAX_GENERATION_DAYS} days at a time.`;
  }
  if (input.weekdays && input.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    fieldErrors.weekdays = "Weekdays are 1 (Monday) to 7 (Sunday).";
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION_FAILED", undefined, { fieldErrors });
}

export async function generateServices(client: Db | Tx, input: GenerateServicesInput): Promise<GenerateServicesResult> {
  validate(input);
  // The services and their seats must appear together: a service without inventory would show as
  // sold out. Given the root client, open a transaction; given a transaction, join it.
  if ("$transaction" in client) {
    return client.$transaction((tx) => generateIn(tx, input), { timeout: 120_000, maxWait: 30_000 });
  }
  return generateIn(client, input);
}

async function generateIn(tx: Tx, input: GenerateServicesInput): Promise<GenerateServicesResult> {
  const train = await tx.train.findUnique({
    where: { id: input.trainId },
    select: {
      originDepartureMinutes: true,
      stops: { orderBy: { sequence: "asc" }, take: 1, select: { station: { select: { timeZone: true } } } },
    },
  });
  if (!train) throw new AppError("NOT_FOUND", "That train does not exist.");
  const origin = train.stops[0];
  if (!origin) throw new AppError("VALIDATION_FAILED", "The train has no stops yet: add its route first.");

  const weekdays = new Set(input.weekdays ?? [1, 2, 3, 4, 5, 6, 7]);
  const dates = datesBetween(input.from, input.to).filter((date) => weekdays.has(isoWeekday(date)));
  if (dates.length === 0) return { created: 0, skipped: 0, seats: 0 };
  const instants = dates.map((date) =>
    departureInstant(date, train.originDepartureMinutes, origin.station.timeZone).toISOString(),
  );

  // RETURNING yields only the rows this statement inserted, not the ones skipped on conflict.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Service" ("id", "trainId", "serviceDate", "departsAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${input.trainId}, x.d::date, x.t::timestamptz, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM unnest(${dates}::text[], ${instants}::text[]) AS x(d, t)
    ON CONFLICT ("trainId", "serviceDate") DO NOTHING
    RETURNING "id"`;
  const serviceIds = inserted.map((row) => row.id);
  if (serviceIds.length === 0) return { created: 0, skipped: dates.length, seats: 0 };

  const seats = await insertServiceSeats(tx, input.trainId, serviceIds);
  await tx.$executeRaw`
    INSERT INTO "ServiceClassSeats" ("serviceId", "classCode", "seats")
    SELECT "serviceId", "classCode", COUNT(*)::int FROM "ServiceSeat"
    WHERE "serviceId" = ANY(${serviceIds}::text[]) GROUP BY "serviceId", "classCode"`;
  return { created: serviceIds.length, skipped: dates.length - serviceIds.length, seats };
}

/**
 * One ServiceSeat per seat of every coach in the train's composition, for each new service.
 * Quota pools (TrainQuota) take seats of their class from the back of the train: ranked by coach
 * position then seat number, both descending, so the same seats are reserved on every date and a
 * pool stays together in the last coaches. Several pools of one class take consecutive ranks in
 * quota-code order, never overlapping; a pool larger than the class simply takes all of it.
 */
async function insertServiceSeats(tx: Tx, trainId: string, serviceIds: string[]): Promise<number> {
  return tx.$executeRaw`
    WITH seats AS (
      SELECT cts."id" AS seat_id, tc."label", tc."position", cts."number", cts."berth", ct."classCode",
             row_number() OVER (PARTITION BY ct."classCode" ORDER BY tc."position" DESC, cts."number" DESC) AS rank
      FROM "TrainCoach" tc
      JOIN "CoachType" ct ON ct."id" = tc."coachTypeId"
      JOIN "CoachTypeSeat" cts ON cts."coachTypeId" = ct."id"
      WHERE tc."trainId" = ${trainId}
    ), pools AS (
      SELECT "classCode", "quotaCode",
             sum("seatCount") OVER (PARTITION BY "classCode" ORDER BY "quotaCode") - "seatCount" AS lo,
             sum("seatCount") OVER (PARTITION BY "classCode" ORDER BY "quotaCode") AS hi
      FROM "TrainQuota"
      WHERE "trainId" = ${trainId} AND "quotaCode" <> 'GENERAL' AND "seatCount" > 0
    )
    INSERT INTO "ServiceSeat"
      ("id", "serviceId", "coachTypeSeatId", "coachLabel", "coachPosition", "number", "berth", "classCode", "quotaCode")
    SELECT gen_random_uuid()::text, s."id", seats.seat_id, seats."label", seats."position", seats."number",
           seats."berth", seats."classCode", COALESCE(pools."quotaCode", 'GENERAL')
    FROM "Service" s
    CROSS JOIN seats
    LEFT JOIN pools ON pools."classCode" = seats."classCode" AND seats.rank > pools.lo AND seats.rank <= pools.hi
    WHERE s."id" = ANY(${serviceIds}::text[])`;
}
