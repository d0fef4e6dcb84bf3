// Journeys from one station to another over a day's timetable: direct trains, then journeys with
// one change, two only when nothing with fewer exists. Pure and Prisma-free: lib/search/journeys.ts
// reads the timetable in one statement and prices what this plans (docs/decisions/036-journeys-with-changes.md).
//
// Connections are planned on timetable times, as railways sell them: a change is possible when
// the next train leaves at least the station's minimum change time after the first arrives. A
// delay that eats into that margin does not remove the journey; it flags it (atRisk).

export interface TimetableCall {
  stationId: string;
  seq: number;
  arrivalAt: Date | null; // null at the origin
  departureAt: Date | null; // null at the terminus
  distanceKm: number;
}

export interface TimetableService {
  serviceId: string;
  delayMinutes: number;
  calls: TimetableCall[]; // by seq
}

export interface PlannedLeg {
  service: TimetableService;
  board: TimetableCall;
  alight: TimetableCall;
}

export interface PlannedConnection {
  stationId: string;
  /** Minutes between the timetabled arrival and departure. */
  minutes: number;
  minimumMinutes: number;
  /** The same with today's delays; below the minimum, the connection is at risk. */
  expectedMinutes: number;
  atRisk: boolean;
}

export interface PlannedJourney {
  legs: PlannedLeg[];
  connections: PlannedConnection[];
  departureAt: Date;
  arrivalAt: Date;
}

export interface PlanOptions {
  fromId: string;
  toId: string;
  /** The first leg leaves `fromId` in [departFrom, departBefore). */
  departFrom: Date;
  departBefore: Date;
  /** Trains that have (expectedly) left by then are not offered. */
  now: Date;
  minChangeMinutes: (stationId: string) => number;
  /** The longest wait at a change worth offering. */
  maxWaitMinutes?: number;
  /** The longest journey worth offering, door to door. */
  maxJourneyMinutes?: number;
  /** Two (the default) looks for two changes when nothing with fewer exists. */
  maxChanges?: 1 | 2;
}

export const MAX_WAIT_MINUTES = 6 * 60;
export const MAX_JOURNEY_MINUTES = 24 * 60;
const MINUTE = 60_000;

export function planJourneys(services: TimetableService[], options: PlanOptions): PlannedJourney[] {
  const maxWait = (options.maxWaitMinutes ?? MAX_WAIT_MINUTES) * MINUTE;
  const maxJourney = (options.maxJourneyMinutes ?? MAX_JOURNEY_MINUTES) * MINUTE;

  // Departures per station, earliest first: where a traveller can board.
  const departures = new Map<string, { service: TimetableService; call: TimetableCall }[]>();
  for (const service of services) {
    for (const call of service.calls) {
      if (!call.departureAt) continue;
      const list = departures.get(call.stationId) ?? [];
      list.push({ service, call });
      departures.set(call.stationId, list);
    }
  }
  for (const list of departures.values()) list.sort((a, b) => a.call.departureAt!.getTime() - b.call.departureAt!.getTime());

  // Where a train to the destination can be boarded: the only stations worth changing at for
  // the last leg, which keeps the search small.
  const feeders = new Set<string>();
  for (const service of services) {
    const at = service.calls.findIndex((c) => c.stationId === options.toId);
    if (at <= 0) continue;
    for (const call of service.calls.slice(0, at)) if (call.departureAt) feeders.add(call.stationId);
  }

  const firstLegs = (departures.get(options.fromId) ?? []).filter(({ service, call }) => {
    const at = call.departureAt!.getTime();
    return at >= options.departFrom.getTime() && at < options.departBefore.getTime() && at + service.delayMinutes * MINUTE > options.now.getTime();
  });

  const found: PlannedJourney[] = [];
  const extend = (legs: PlannedLeg[], service: TimetableService, board: TimetableCall, changesLeft: number) => {
    const start = (legs[0] ?? { board }).board.departureAt!.getTime();
    const visited = new Set([options.fromId, ...legs.map((l) => l.alight.stationId)]);
    const used = new Set(legs.map((l) => l.service.serviceId));
    for (const alight of service.calls) {
      if (alight.seq <= board.seq || !alight.arrivalAt || visited.has(alight.stationId)) continue;
      if (alight.arrivalAt.getTime() - start > maxJourney) break;
      const leg = { service, board, alight };
      if (alight.stationId === options.toId) {
        found.push(journeyOf([...legs, leg], options));
        break;
      }
      if (changesLeft === 0 || (changesLeft === 1 && !feeders.has(alight.stationId))) continue;
      const earliest = alight.arrivalAt.getTime() + options.minChangeMinutes(alight.stationId) * MINUTE;
      for (const next of departures.get(alight.stationId) ?? []) {
        const at = next.call.departureAt!.getTime();
        if (at < earliest) continue;
        if (at > alight.arrivalAt.getTime() + maxWait) break;
        if (used.has(next.service.serviceId) || next.service === service) continue;
        extend([...legs, leg], next.service, next.call, changesLeft - 1);
      }
    }
  };

  for (const maxChanges of [1, 2].filter((n) => n <= (options.maxChanges ?? 2))) {
    found.length = 0;
    for (const { service, call } of firstLegs) extend([], service, call, maxChanges);
    // Two changes only when nothing with fewer exists (on this day, from this station).
    if (found.length > 0) break;
  }
  return paretoFront(found);
}

function journeyOf(legs: PlannedLeg[], options: PlanOptions): PlannedJourney {
  const connections = legs.slice(1).map((next, i): PlannedConnection => {
    const prev = legs[i]!;
    const minutes = (next.board.departureAt!.getTime() - prev.alight.arrivalAt!.getTime()) / MINUTE;
    const expectedMinutes = minutes + next.service.delayMinutes - prev.service.delayMinutes;
    const minimumMinutes = options.minChangeMinutes(next.board.stationId);
    return { stationId: next.board.stationId, minutes, minimumMinutes, expectedMinutes, atRisk: expectedMinutes < minimumMinutes };
  });
  return { legs, connections, departureAt: legs[0]!.board.departureAt!, arrivalAt: legs.at(-1)!.alight.arrivalAt! };
}

/**
 * The journeys nobody would pass over: none leaves later, arrives earlier and changes no more
 * often than another. A direct train is always kept (a slower one may be the cheaper one, and it
 * is in the direct search anyway); only journeys with changes are weeded out. Of journeys alike in all three (the same trains, changing at one station or
 * another where both call), the one with the most time to spare at its tightest change is kept.
 * Sorted by arrival, then by later departure.
 */
export function paretoFront(journeys: PlannedJourney[]): PlannedJourney[] {
  const alike = new Map<string, PlannedJourney>();
  for (const j of journeys) {
    const key = `${j.departureAt.getTime()}|${j.arrivalAt.getTime()}|${j.legs.length}`;
    const kept = alike.get(key);
    if (!kept || slack(j) > slack(kept)) alike.set(key, j);
  }
  // Latest departure first; a journey is beaten by one seen before it (leaving no earlier) that
  // arrives no later with no more changes. Exact ties in all three were merged above.
  const byDeparture = [...alike.values()].sort(
    (a, b) => b.departureAt.getTime() - a.departureAt.getTime() || a.arrivalAt.getTime() - b.arrivalAt.getTime() || a.legs.length - b.legs.length,
  );
  const bestArrival: number[] = []; // by number of legs
  const front: PlannedJourney[] = [];
  for (const j of byDeparture) {
    const arrival = j.arrivalAt.getTime();
    const beaten = j.legs.length > 1 && bestArrival.some((best, legs) => legs <= j.legs.length && best !== undefined && best <= arrival);
    if (!beaten) front.push(j);
    bestArrival[j.legs.length] = Math.min(bestArrival[j.legs.length] ?? Infinity, arrival);
  }
  return front.sort((a, b) => a.arrivalAt.getTime() - b.arrivalAt.getTime() || b.departureAt.getTime() - a.departureAt.getTime());
}

function slack(j: PlannedJourney): number {
  return j.connections.reduce((least, c) => Math.min(least, c.minutes - c.minimumMinutes), Infinity);
}
