// A network for the assistant's tests: three stations whose names carry Polish letters (Świnoujście,
// Zielona Góra Główna, Częstochowa Osobowa), one train calling at all three with one coach "7" of
// 8 seats, running tomorrow and in three days (local dates in Warsaw), priced in CZK under refund
// rules of its own, so rules and fares other files write cannot change these answers.
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { dayBoundsInZone, todayInZone } from "@/lib/time/zoned";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { callRoute, ensureFare, ensureQuota, newKey, type ApiUser } from "../booking/helpers";

export const CLASS = "ASKCLASS";
export const CURRENCY = "CZK";
/** 200 km: max(0, 1000 + 10 * 200) = 3000; 450 km: 5500. */
const FARE = { baseMinor: 1000, perKmMinor: 10, minMinor: 0 };
export const STATIONS = [
  { code: "SWQ", name: "Świnoujście", city: "Świnoujście", timeZone: "Europe/Warsaw" },
  { code: "ZGQ", name: "Zielona Góra Główna", city: "Zielona Góra", timeZone: "Europe/Warsaw" },
  { code: "CZQ", name: "Częstochowa Osobowa", city: "Częstochowa", timeZone: "Europe/Warsaw" },
] as const;
export const RULES = [
  { id: "a5c00000-0000-4000-8000-0000000000c1", minHoursBefore: 48, refundBasisPoints: 8000, feeMinor: 300 },
  { id: "a5c00000-0000-4000-8000-0000000000c2", minHoursBefore: 12, refundBasisPoints: 4000, feeMinor: 0 },
  { id: "a5c00000-0000-4000-8000-0000000000c3", minHoursBefore: 0, refundBasisPoints: 0, feeMinor: 0 },
];

export function localDate(daysAhead: number): string {
  const d = new Date(`${todayInZone("Europe/Warsaw")}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysAhead);
  return d.toISOString().slice(0, 10);
}

export interface AskNet {
  trainNumber: string;
  trainName: string;
  /** serviceId by days ahead (1 and 3). */
  services: Record<1 | 3, string>;
  seatId: (service: string, number: number) => Promise<string>;
}

export async function askNetwork(): Promise<AskNet> {
  const c = db();
  await c.station.createMany({ data: [...STATIONS], skipDuplicates: true });
  await ensureFare(CLASS, FARE, CURRENCY);
  await ensureQuota("GENERAL");
  await c.refundRule.createMany({ data: RULES.map((r) => ({ ...r, currency: CURRENCY, validFrom: new Date("2020-01-01") })), skipDuplicates: true });
  const stations = await c.station.findMany({ where: { code: { in: STATIONS.map((s) => s.code) } } });
  const id = (code: string) => stations.find((s) => s.code === code)!.id;

  const digits = String(randomInt(10_000, 99_999));
  const train = await c.train.create({
    data: {
      number: `AQ ${digits}`, name: `Bałtyk ${digits}`, type: "INTERCITY", originDepartureMinutes: 600,
      stops: {
        create: [
          { stationId: id("SWQ"), sequence: 0, departureOffsetMinutes: 0, distanceKm: 0, platform: "1" },
          { stationId: id("ZGQ"), sequence: 1, arrivalOffsetMinutes: 118, departureOffsetMinutes: 120, distanceKm: 200 },
          { stationId: id("CZQ"), sequence: 2, arrivalOffsetMinutes: 300, distanceKm: 450 },
        ],
      },
    },
  });
  const type = await c.coachType.create({
    data: {
      code: `AQ-${digits}`, name: "2+2", kind: "SEATED", classCode: CLASS, rows: 2, columns: 5,
      seats: { create: Array.from({ length: 8 }, (_, i) => ({ number: i + 1, row: Math.floor(i / 4) + 1, col: [1, 2, 4, 5][i % 4]!, position: i % 4 === 0 || i % 4 === 3 ? "WINDOW" : "AISLE" })) },
    },
    include: { seats: true },
  });
  await c.trainCoach.create({ data: { trainId: train.id, coachTypeId: type.id, label: "7", position: 1 } });

  const services = {} as Record<1 | 3, string>;
  for (const days of [1, 3] as const) {
    const date = localDate(days);
    const departsAt = new Date(dayBoundsInZone(date, "Europe/Warsaw").start.getTime() + 10 * 3_600_000);
    const service = await c.service.create({ data: { trainId: train.id, serviceDate: new Date(`${date}T00:00:00Z`), departsAt } });
    await c.serviceSeat.createMany({
      data: type.seats.map((seat) => ({ serviceId: service.id, coachTypeSeatId: seat.id, coachLabel: "7", coachPosition: 1, number: seat.number, classCode: CLASS, quotaCode: "GENERAL" })),
    });
    services[days] = service.id;
  }
  return {
    trainNumber: train.number,
    trainName: train.name,
    services,
    seatId: async (serviceId, number) => (await c.serviceSeat.findFirstOrThrow({ where: { serviceId, coachLabel: "7", number } })).id,
  };
}

/** A booking made through the API, as the booking page makes it; paid unless told otherwise. */
export async function book(user: ApiUser, serviceId: string, options: { seats?: string[]; passengers?: string[]; pay?: boolean; joinWaitlist?: boolean; from?: string; to?: string } = {}) {
  const names = options.passengers ?? ["Zofia Nowak"];
  const held = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: {
      serviceId, from: options.from ?? "SWQ", to: options.to ?? "ZGQ", class: CLASS,
      passengers: names.map((name, i) => ({ name, age: 40, ...(options.seats ? { seatId: options.seats[i] } : {}) })),
      ...(options.joinWaitlist ? { joinWaitlist: true } : {}),
    },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
  if (held.status !== 201) throw new Error(`booking refused: ${held.status} ${JSON.stringify(held.body)}`);
  const pnr = held.body.pnr as string;
  if (options.pay ?? true) {
    const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: "4242424242424242" }, headers: { ...user.auth, "idempotency-key": newKey() } });
    if (paid.status !== 200) throw new Error(`payment refused: ${paid.status} ${JSON.stringify(paid.body)}`);
  }
  return pnr;
}
