// What a batch of holds needs to know besides the seats, read in the very statement that locks the
// inventory (lib/inventory/lock.ts): the service and its train's stops (every journey of
// the batch is built from them in memory), the fare rate in force, the quota's age rule and
// whether anyone waits for this inventory, and the requesting accounts' holds versions
// (lib/booking/hold-limits.ts). One round trip for the whole batch, where the single
// hold used to read its journey, its fare and the waiting list one statement each.
//
// The queue count reads only the waiting list's own index: nearly always nobody waits, and the
// common answer must not read (and, under SERIALIZABLE, predicate-lock) the Booking table, which
// every concurrent booking writes to.
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Inventory } from "@/lib/inventory/state";
import type { ServiceOfJourney, StopOfJourney } from "@/lib/booking/journey";
import type { FareRateTerms } from "@/lib/fares/fare";
import type { ConcessionTerms } from "@/lib/fares/concession-terms";
import { concessionsJsonSql } from "@/lib/fares/concessions";

export interface HoldContext {
  /** The transaction's start (`now()`). */
  now: Date;
  /** Null when there is no such service. */
  service: ServiceOfJourney | null;
  stops: StopOfJourney[];
  /** The class's fare rate in force at `now`; null when the class is not on sale. */
  fare: (FareRateTerms & { currency: string }) | null;
  /** The quota's age rule; null when it admits anyone (GENERAL, or an unknown code). */
  quota: { name: string; minAge: number } | null;
  /** The concessions on sale at `now`, with their discounts in force (docs/decisions/041). */
  concessions: ConcessionTerms[];
  /** Entries still WAITING for this inventory, paid or not (a promotion is tried only when some are). */
  waitingEntries: number;
  /** Each requesting account's "holdsVersion" (lib/booking/hold-limits.ts). */
  holdsVersions: Record<string, number>;
}

interface ContextRow extends Omit<HoldContext, "service" | "stops" | "holdsVersions" | "concessions"> {
  concessions: ConcessionTerms[] | null;
  service: (Omit<ServiceOfJourney, "departsAt" | "chartPreparedAt"> & { departsAt: string; chartPreparedAt: string | null }) | null;
  stops: StopOfJourney[] | null;
  holdsVersions: Record<string, number> | null;
}

/** The context's columns, for the statement that locks the inventory (lib/inventory/lock.ts): no extra round trip. */
export function holdContextColumns(inventory: Inventory, userIds: string[]): Prisma.Sql {
  return Prisma.sql`, now() AS now,
      (SELECT json_build_object('serviceId', s.id, 'status', s.status, 'delayMinutes', s."delayMinutes", 'departsAt', s."departsAt",
                                'chartPreparedAt', s."chartPreparedAt", 'trainNumber', t.number, 'trainName', t.name)
         FROM "Service" s JOIN "Train" t ON t.id = s."trainId" WHERE s.id = ${inventory.serviceId}) AS service,
      (SELECT json_agg(json_build_object('stationId', st.id, 'code', st.code, 'name', st.name, 'timeZone', st."timeZone", 'seq', ts.sequence,
                                         'departureOffsetMinutes', ts."departureOffsetMinutes", 'arrivalOffsetMinutes', ts."arrivalOffsetMinutes",
                                         'distanceKm', ts."distanceKm") ORDER BY ts.sequence)
         FROM "Service" s JOIN "TrainStop" ts ON ts."trainId" = s."trainId" JOIN "Station" st ON st.id = ts."stationId"
         WHERE s.id = ${inventory.serviceId}) AS stops,
      (SELECT json_build_object('baseMinor', f."baseMinor", 'perKmMinor', f."perKmMinor", 'minMinor', f."minMinor", 'currency', f.currency)
         FROM "FareRate" f
         WHERE f."classCode" = ${inventory.classCode} AND f."validFrom" <= now() AND (f."validTo" IS NULL OR f."validTo" > now())
         ORDER BY f."validFrom" DESC, f.id ASC LIMIT 1) AS fare,
      (SELECT json_build_object('name', q.name, 'minAge', q."minAge")
         FROM "Quota" q WHERE q.code = ${inventory.quotaCode} AND q."minAge" IS NOT NULL) AS quota,
      ${concessionsJsonSql(Prisma.sql`now()`)} AS concessions,
      (SELECT COUNT(*)::int FROM "WaitlistEntry" e
         WHERE e."serviceId" = ${inventory.serviceId} AND e."classCode" = ${inventory.classCode} AND e."quotaCode" = ${inventory.quotaCode}
           AND e.status = 'WAITING') AS "waitingEntries",
      (SELECT json_object_agg(u.id, u."holdsVersion") FROM "User" u WHERE u.id = ANY(${userIds}::text[])) AS "holdsVersions"`;
}

export type HoldContextRow = ContextRow;

export function parseHoldContext(row: ContextRow): HoldContext {
  const { service, stops, ...rest } = row;
  return {
    now: rest.now,
    fare: rest.fare,
    quota: rest.quota,
    concessions: rest.concessions ?? [],
    waitingEntries: rest.waitingEntries,
    holdsVersions: rest.holdsVersions ?? {},
    service: service && { ...service, departsAt: new Date(service.departsAt), chartPreparedAt: service.chartPreparedAt === null ? null : new Date(service.chartPreparedAt) },
    stops: stops ?? [],
  };
}

/** The context on its own (a turn that locked the inventory before it knew it would hold seats). */
export async function readHoldContext(tx: Tx, inventory: Inventory, userIds: string[]): Promise<HoldContext> {
  const [row] = await tx.$queryRaw<ContextRow[]>`SELECT 1 AS one ${holdContextColumns(inventory, userIds)}`;
  return parseHoldContext(row!);
}
