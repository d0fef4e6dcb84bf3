// Pieces the admin-network tests share: reference rows, stations and coach types of the test's own,
// a train-form input built in code, and bookings that occupy seats the way the booking engine does.
import { db } from "@/lib/db";
import type { TrainFormInput } from "@/lib/schemas/admin-train";
import { createCoachType } from "@/lib/admin/network/coach-types";
import { uniqueSuffix } from "../helpers/factories";
import { generatePnr } from "@/lib/booking/pnr";
import { ensureReferenceRows } from "../network/train-fixture";

export { ensureReferenceRows };

export async function makeStations(count: number, zones: string[] = []) {
  const s = uniqueSuffix().slice(0, 5).toUpperCase();
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(
      await db().station.create({
        data: { code: `${"ABCDEFGH"[i]}${s}`, name: `Stacja ${"ABCDEFGH"[i]} ${s}`, city: `Miasto ${s}`, timeZone: zones[i] ?? "Europe/Warsaw" },
      }),
    );
  }
  return out;
}

/** A 2+2 coach type of `rows` rows (4 seats a row) in a class. */
export async function makeCoachType(classCode = "SECOND", rows = 2): Promise<string> {
  const created = await createCoachType({ code: `T-${uniqueSuffix().toUpperCase()}`, name: "Test saloon", classCode, template: "SEATED_2_2", size: rows });
  return created.id;
}

type Stop = TrainFormInput["stops"][number];

export function stop(stationId: string, arrival: string | undefined, departure: string | undefined, distanceKm: number, days: { arrivalDay?: number; departureDay?: number } = {}): Stop {
  return { stationId, arrivalTime: arrival, departureTime: departure, arrivalDay: days.arrivalDay ?? 0, departureDay: days.departureDay ?? 0, distanceKm, platform: undefined };
}

export function trainInput(stops: Stop[], coachTypeIds: string[], overrides: Partial<TrainFormInput> = {}): TrainFormInput {
  return {
    number: `ADM ${uniqueSuffix().toUpperCase()}`,
    name: "Admin test",
    type: "INTERCITY",
    active: true,
    stops,
    coaches: coachTypeIds.map((coachTypeId, i) => ({ coachTypeId, label: `C${i + 1}` })),
    ...overrides,
  };
}

export async function testUser() {
  return db().user.create({ data: { email: `admin-net-${uniqueSuffix()}-${Date.now()}@example.test`, name: "Booker", passwordHash: "!" } });
}

export interface BookSeatOptions {
  userId: string;
  status?: "HELD" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
  expiresAt?: Date | null;
  releasedAt?: Date | null;
  name?: string;
  totalMinor?: number;
  classCode?: string;
}

/** A one-passenger booking of `seatId` for stops [fromSeq, toSeq), with its seat allocation. */
export async function bookSeat(serviceId: string, seatId: string, fromSeq: number, toSeq: number, options: BookSeatOptions) {
  const service = await db().service.findUniqueOrThrow({ where: { id: serviceId }, include: { train: { include: { stops: true } } } });
  const stationAt = (seq: number) => service.train.stops.find((s) => s.sequence === seq)!.stationId;
  const seat = await db().serviceSeat.findUniqueOrThrow({ where: { id: seatId } });
  const status = options.status ?? (options.expiresAt ? "HELD" : "CONFIRMED");
  const booking = await db().booking.create({
    data: {
      pnr: generatePnr(),
      userId: options.userId,
      serviceId,
      fromStationId: stationAt(fromSeq),
      toStationId: stationAt(toSeq),
      fromSeq,
      toSeq,
      classCode: options.classCode ?? seat.classCode,
      status,
      holdExpiresAt: status === "HELD" ? (options.expiresAt ?? null) : null,
      totalMinor: options.totalMinor ?? 1000,
      currency: "PLN",
      passengers: { create: [{ position: 1, name: options.name ?? "Jan Kowalski", age: 30, fareMinor: options.totalMinor ?? 1000 }] },
    },
    include: { passengers: true },
  });
  await db().seatAllocation.create({
    data: {
      serviceId,
      serviceSeatId: seatId,
      bookingPassengerId: booking.passengers[0]!.id,
      fromSeq,
      toSeq,
      expiresAt: options.expiresAt ?? null,
      releasedAt: options.releasedAt ?? null,
    },
  });
  return booking;
}
