// A small, self-contained network for tests: three stations A -> B -> C in given zones, one train
// with one seated coach of `seats` seats, and one service departing A at `departsAt`.
import { db } from "@/lib/db";
import { uniqueSuffix } from "./factories";

export interface MiniNetwork {
  suffix: string;
  stations: { id: string; code: string; timeZone: string }[];
  trainId: string;
  serviceId: string;
  seatIds: string[];
  classCode: string;
}

export async function createMiniNetwork(options: {
  departsAt: Date;
  serviceDate: string;
  seats?: number;
  zones?: [string, string, string];
  offsets?: { b: number; c: number };
}): Promise<MiniNetwork> {
  const c = db();
  const s = uniqueSuffix().toUpperCase();
  const zones = options.zones ?? ["Europe/Warsaw", "Europe/Warsaw", "Europe/Warsaw"];
  const offsets = options.offsets ?? { b: 60, c: 150 };
  const stations = [];
  for (const [i, zone] of zones.entries()) {
    stations.push(await c.station.create({ data: { code: `${"ABC"[i]}${s}`, name: `Stacja ${"ABC"[i]} ${s}`, city: `Miasto ${s}`, timeZone: zone } }));
  }
  const classCode = "SECOND";
  // ON CONFLICT DO NOTHING: test files run in parallel and may create these reference rows at once
  // (an upsert is a read then a write, and two of them race into a unique violation).
  await c.travelClass.createMany({ data: [{ code: classCode, name: "Second class", sortOrder: 2 }], skipDuplicates: true });
  await c.quota.createMany({ data: [{ code: "GENERAL", name: "General" }], skipDuplicates: true });
  const seatCount = options.seats ?? 4;
  const coachType = await c.coachType.create({
    data: {
      code: `CT-${s}`, name: "Test 2+2", kind: "SEATED", classCode, rows: Math.ceil(seatCount / 4), columns: 5,
      seats: { create: Array.from({ length: seatCount }, (_, i) => ({ number: i + 1, row: Math.floor(i / 4), col: [0, 1, 3, 4][i % 4]!, position: i % 4 === 0 || i % 4 === 3 ? "WINDOW" : "AISLE" })) },
    },
    include: { seats: true },
  });
  const train = await c.train.create({
    data: {
      number: `T ${s}`, name: `Testowy ${s}`, type: "INTERCITY", originDepartureMinutes: 0,
      stops: {
        create: [
          { stationId: stations[0]!.id, sequence: 0, departureOffsetMinutes: 0, distanceKm: 0 },
          { stationId: stations[1]!.id, sequence: 1, arrivalOffsetMinutes: offsets.b - 2, departureOffsetMinutes: offsets.b, distanceKm: 100 },
          { stationId: stations[2]!.id, sequence: 2, arrivalOffsetMinutes: offsets.c, distanceKm: 250 },
        ],
      },
      coaches: { create: [{ coachTypeId: coachType.id, label: "7", position: 1 }] },
    },
  });
  const service = await c.service.create({
    data: { trainId: train.id, serviceDate: new Date(`${options.serviceDate}T00:00:00Z`), departsAt: options.departsAt },
  });
  const seats = [];
  for (const seat of coachType.seats.sort((a, b) => a.number - b.number)) {
    seats.push(
      await c.serviceSeat.create({
        data: { serviceId: service.id, coachTypeSeatId: seat.id, coachLabel: "7", coachPosition: 1, number: seat.number, classCode },
      }),
    );
  }
  return { suffix: s, stations, trainId: train.id, serviceId: service.id, seatIds: seats.map((x) => x.id), classCode };
}

/** Occupies a seat for [fromSeq, toSeq) through a minimal booking, as the booking flow will. */
export async function occupySeat(net: MiniNetwork, seatId: string, fromSeq: number, toSeq: number, options: { userId: string; expiresAt?: Date | null; releasedAt?: Date | null }) {
  const c = db();
  const booking = await c.booking.create({
    data: {
      pnr: uniqueSuffix().toUpperCase() + "XY", userId: options.userId, serviceId: net.serviceId,
      fromStationId: net.stations[fromSeq]!.id, toStationId: net.stations[toSeq]!.id, fromSeq, toSeq,
      classCode: net.classCode, status: options.expiresAt ? "HELD" : "CONFIRMED", holdExpiresAt: options.expiresAt ?? null,
      totalMinor: 1000, currency: "PLN",
      passengers: { create: [{ position: 1, name: "Jan", age: 30, fareMinor: 1000 }] },
    },
    include: { passengers: true },
  });
  await c.seatAllocation.create({
    data: {
      serviceId: net.serviceId, serviceSeatId: seatId, bookingPassengerId: booking.passengers[0]!.id, fromSeq, toSeq,
      expiresAt: options.expiresAt ?? null, releasedAt: options.releasedAt ?? null,
    },
  });
  return booking;
}
