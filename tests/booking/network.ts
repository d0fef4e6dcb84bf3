// A small network for booking tests: stations A -> B -> C (100 km, then 150 km) with short codes
// (the API's station-code rule), one train with the coaches asked for, and one service. Seated
// coaches are 2+2 saloons (window, aisle | aisle, window); sleeper coaches have bays of LOWER,
// MIDDLE, UPPER on both sides plus SIDE_LOWER and SIDE_UPPER, as lib/network/coach-layouts builds.
import { db } from "@/lib/db";
import { uniqueSuffix } from "../helpers/factories";
import { daysAhead, ensureClass, ensureQuota } from "./helpers";

export interface CoachSpec {
  label: string;
  kind: "SEATED" | "SLEEPER";
  classCode: string;
  /** SEATED: number of seats (rows of 4). SLEEPER: number of bays (8 berths each). */
  size: number;
  /** Seats numbered from the back of the coach given to another quota. */
  quota?: { code: string; count: number };
}

export interface Net {
  serviceId: string;
  trainId: string;
  codes: [string, string, string];
  departsAt: Date;
  /** Seat id by "label/number". */
  seat: (label: string, number: number) => string;
}

interface LayoutSeat {
  number: number;
  row: number;
  col: number;
  berth?: "LOWER" | "MIDDLE" | "UPPER" | "SIDE_LOWER" | "SIDE_UPPER";
  position?: "WINDOW" | "AISLE";
  bay?: number;
}

function layout(spec: CoachSpec): { rows: number; columns: number; seats: LayoutSeat[] } {
  const seats: LayoutSeat[] = [];
  if (spec.kind === "SEATED") {
    const pattern = [["WINDOW", 1], ["AISLE", 2], ["AISLE", 4], ["WINDOW", 5]] as const;
    for (let i = 0; i < spec.size; i++) {
      const [position, col] = pattern[i % 4]!;
      seats.push({ number: i + 1, row: Math.floor(i / 4) + 1, col, position });
    }
    return { rows: Math.ceil(spec.size / 4), columns: 5, seats };
  }
  for (let bay = 1; bay <= spec.size; bay++) {
    const row = (bay - 1) * 2 + 1;
    for (const side of [0, 1]) {
      (["LOWER", "MIDDLE", "UPPER"] as const).forEach((berth, i) => seats.push({ number: seats.length + 1, row: row + side, col: i + 1, berth, bay }));
    }
    seats.push({ number: seats.length + 1, row, col: 5, berth: "SIDE_LOWER", bay });
    seats.push({ number: seats.length + 1, row: row + 1, col: 5, berth: "SIDE_UPPER", bay });
  }
  return { rows: spec.size * 2, columns: 5, seats };
}

export async function createNet(options: { coaches: CoachSpec[]; departsAt?: Date }): Promise<Net> {
  const c = db();
  const s = uniqueSuffix().slice(0, 6).toUpperCase();
  const departsAt = options.departsAt ?? daysAhead(5);
  const stations = [];
  for (const letter of ["A", "B", "C"]) {
    stations.push(await c.station.create({ data: { code: `${letter}${s}`, name: `Stacja ${letter} ${s}`, city: `Miasto ${s}`, timeZone: "Europe/Warsaw" } }));
  }
  await ensureQuota("GENERAL");
  const train = await c.train.create({
    data: {
      number: `BT ${s}`, name: `Testowy ${s}`, type: "INTERCITY", originDepartureMinutes: 0,
      stops: {
        create: [
          { stationId: stations[0]!.id, sequence: 0, departureOffsetMinutes: 0, distanceKm: 0 },
          { stationId: stations[1]!.id, sequence: 1, arrivalOffsetMinutes: 58, departureOffsetMinutes: 60, distanceKm: 100 },
          { stationId: stations[2]!.id, sequence: 2, arrivalOffsetMinutes: 150, distanceKm: 250 },
        ],
      },
    },
  });
  const service = await c.service.create({ data: { trainId: train.id, serviceDate: new Date(`${departsAt.toISOString().slice(0, 10)}T00:00:00Z`), departsAt } });

  const ids = new Map<string, string>();
  for (const [index, spec] of options.coaches.entries()) {
    await ensureClass(spec.classCode);
    if (spec.quota) await ensureQuota(spec.quota.code);
    const l = layout(spec);
    const type = await c.coachType.create({
      data: { code: `BT-${s}-${index}`, name: spec.kind, kind: spec.kind, classCode: spec.classCode, rows: l.rows, columns: l.columns, seats: { create: l.seats } },
      include: { seats: true },
    });
    await c.trainCoach.create({ data: { trainId: train.id, coachTypeId: type.id, label: spec.label, position: index + 1 } });
    const quotaFrom = spec.quota ? l.seats.length - spec.quota.count + 1 : Infinity;
    const rows = type.seats.map((seat) => ({
      serviceId: service.id, coachTypeSeatId: seat.id, coachLabel: spec.label, coachPosition: index + 1, number: seat.number,
      berth: seat.berth, classCode: spec.classCode, quotaCode: seat.number >= quotaFrom ? spec.quota!.code : "GENERAL",
    }));
    await c.serviceSeat.createMany({ data: rows });
    for (const seat of await c.serviceSeat.findMany({ where: { serviceId: service.id, coachLabel: spec.label } })) ids.set(`${spec.label}/${seat.number}`, seat.id);
  }
  return {
    serviceId: service.id,
    trainId: train.id,
    codes: [stations[0]!.code, stations[1]!.code, stations[2]!.code],
    departsAt,
    seat: (label, number) => {
      const id = ids.get(`${label}/${number}`);
      if (!id) throw new Error(`no seat ${label}/${number}`);
      return id;
    },
  };
}

/** Another service of the net's train (another date or time), with the same coaches: an exchange target. */
export async function anotherService(net: Net, departsAt: Date): Promise<Pick<Net, "serviceId" | "seat" | "departsAt">> {
  const c = db();
  const service = await c.service.create({ data: { trainId: net.trainId, serviceDate: new Date(`${departsAt.toISOString().slice(0, 10)}T00:00:00Z`), departsAt } });
  const seats = await c.serviceSeat.findMany({ where: { serviceId: net.serviceId } });
  await c.serviceSeat.createMany({
    data: seats.map((s) => ({ serviceId: service.id, coachTypeSeatId: s.coachTypeSeatId, coachLabel: s.coachLabel, coachPosition: s.coachPosition, number: s.number, berth: s.berth, classCode: s.classCode, quotaCode: s.quotaCode })),
  });
  const ids = new Map((await c.serviceSeat.findMany({ where: { serviceId: service.id } })).map((s) => [`${s.coachLabel}/${s.number}`, s.id]));
  return {
    serviceId: service.id,
    departsAt,
    seat: (label, number) => {
      const id = ids.get(`${label}/${number}`);
      if (!id) throw new Error(`no seat ${label}/${number}`);
      return id;
    },
  };
}
