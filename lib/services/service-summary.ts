// The header of the seat-map page: which train, between which of its stops, when (shown in each
// station's zone), and what each class costs for that journey. Built from the same pieces as
// search and booking (resolveJourney, countFreeSeats, the fare rates), so the page quotes exactly
// the fare and the stops the booking engine will use.
import "server-only";
import { db } from "@/lib/db";
import { hasLeft, resolveJourney } from "@/lib/booking/journey";
import { currentFareRates, fareFor } from "@/lib/fares/fare";
import { countFreeSeats } from "@/lib/search/free-seats";
import type { ClassOffer, StationRef } from "@/lib/search/search-services";
import { isoInZone } from "@/lib/time/zoned";

export interface ServiceSummary {
  serviceId: string;
  train: { number: string; name: string; type: string };
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  /** The train has left the boarding station (timetable plus delay), so it can no longer be booked. */
  departed: boolean;
  from: StationRef;
  to: StationRef;
  /** ISO 8601 with the departure station's offset (its local clock). */
  departure: string;
  /** ISO 8601 with the arrival station's offset. */
  arrival: string;
  departureAt: Date;
  arrivalAt: Date;
  durationMinutes: number;
  distanceKm: number;
  /** Classes on sale on this train, in the operator's order, with the fare per person for this journey. */
  classes: ClassOffer[];
  /** Names of quota pools, for labelling seats reserved for one ("Senior (60+)"). */
  quotaNames: Record<string, string>;
}

/**
 * The summary of a service between two station codes. Throws NOT_FOUND for an unknown service and
 * VALIDATION_FAILED when the train does not run from `fromCode` to `toCode` (from resolveJourney).
 */
export async function serviceSummary(serviceId: string, fromCode: string, toCode: string): Promise<ServiceSummary> {
  const journey = await resolveJourney(db(), serviceId, fromCode, toCode);
  const [service, rates, classRows, quotaRows, free] = await Promise.all([
    db().service.findUniqueOrThrow({ where: { id: serviceId }, select: { train: { select: { type: true } } } }),
    currentFareRates(db(), new Date()),
    db().travelClass.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db().quota.findMany({ select: { code: true, name: true } }),
    countFreeSeats([{ serviceId, fromSeq: journey.from.seq, toSeq: journey.to.seq }]),
  ]);

  const onTrain = free.get(serviceId) ?? [];
  const classes = classRows.flatMap((c): ClassOffer[] => {
    const availability = onTrain.find((a) => a.classCode === c.code);
    const rate = rates.find((r) => r.classCode === c.code);
    // A class with no coaches on this train, or no fare on sale, cannot be booked here.
    if (!availability || !rate) return [];
    return [{ class: c.code, className: c.name, available: availability.available, fare: { amount: fareFor(rate, journey.distanceKm), currency: rate.currency } }];
  });

  const station = (s: typeof journey.from): StationRef => ({ code: s.code, name: s.name, timeZone: s.timeZone });
  return {
    serviceId,
    train: { ...journey.train, type: service.train.type },
    status: journey.status,
    delayMinutes: journey.delayMinutes,
    departed: hasLeft(journey, new Date()),
    from: station(journey.from),
    to: station(journey.to),
    departure: isoInZone(journey.departureAt, journey.from.timeZone),
    arrival: isoInZone(journey.arrivalAt, journey.to.timeZone),
    departureAt: journey.departureAt,
    arrivalAt: journey.arrivalAt,
    durationMinutes: Math.round((journey.arrivalAt.getTime() - journey.departureAt.getTime()) / 60_000),
    distanceKm: journey.distanceKm,
    classes,
    quotaNames: Object.fromEntries(quotaRows.map((q) => [q.code, q.name])),
  };
}
