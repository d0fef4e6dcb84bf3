import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { generateServices } from "@/lib/services/generate-services";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { saveTrain } from "@/lib/admin/network/save-train";
import { bookSeat, ensureReferenceRows, makeCoachType, makeStations, stop, testUser, trainInput } from "./fixtures";

beforeAll(ensureReferenceRows);

/** A train A -> B -> C with one 8-seat coach and services on the 3rd to 5th day from today. */
async function trainWithServices() {
  const [a, b, c] = await makeStations(3);
  const coachType = await makeCoachType("SECOND", 2);
  const input = trainInput([stop(a!.id, undefined, "08:00", 0), stop(b!.id, "09:00", "09:02", 100), stop(c!.id, "10:00", undefined, 200)], [coachType]);
  const { trainId } = await saveTrain(input);
  const today = todayInZone("Europe/Warsaw");
  await generateServices(db(), { trainId, from: addDaysIso(today, 3), to: addDaysIso(today, 5) });
  const services = await db().service.findMany({ where: { trainId }, orderBy: { serviceDate: "asc" }, include: { seats: { orderBy: { number: "asc" } } } });
  return { input, trainId, services, stations: [a!, b!, c!], coachType };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("editing a train with services", () => {
  it("refuses a composition change while a coming service has a live booking, and says which", async () => {
    const { input, trainId, services } = await trainWithServices();
    const booked = services[1]!;
    const user = await testUser();
    const booking = await bookSeat(booked.id, booked.seats[0]!.id, 0, 2, { userId: user.id });
    const otherType = await makeCoachType("SECOND", 3);

    const error = await refusal(saveTrain({ ...input, coaches: [...input.coaches, { coachTypeId: otherType, label: "C2" }] }, { trainId }));
    expect(error.code).toBe("CONFLICT");
    const date = booked.serviceDate.toISOString().slice(0, 10);
    expect(error.message).toContain(`coaches cannot change`);
    expect(error.message).toContain(`${date} (1 booking)`);
    expect(error.details).toEqual({ bookedServices: [{ serviceId: booked.id, serviceDate: date, bookings: 1, seats: 1 }] });
    expect(await db().trainCoach.count({ where: { trainId } })).toBe(1);

    // A route change is refused the same way.
    const reroute = await refusal(saveTrain({ ...input, stops: [input.stops[0]!, { ...input.stops[1]!, arrivalTime: "09:10", departureTime: "09:12" }, input.stops[2]!] }, { trainId }));
    expect(reroute.message).toContain("route cannot change");

    // Details and platforms do not touch what was sold: they change.
    await saveTrain({ ...input, name: "Renamed", stops: input.stops.map((s, i) => ({ ...s, platform: i === 1 ? "4" : undefined })) }, { trainId });
    const renamed = await db().train.findUniqueOrThrow({ where: { id: trainId }, include: { stops: { orderBy: { sequence: "asc" } } } });
    expect(renamed.name).toBe("Renamed");
    expect(renamed.stops.map((s) => s.platform)).toEqual([null, "4", null]);

    // Once the booking is cancelled and its seat released, the composition may change.
    await db().booking.update({ where: { id: booking.id }, data: { status: "CANCELLED" } });
    await db().seatAllocation.updateMany({ where: { serviceId: booked.id }, data: { releasedAt: new Date() } });
    const saved = await saveTrain({ ...input, coaches: [...input.coaches, { coachTypeId: otherType, label: "C2" }] }, { trainId });
    expect(saved.compositionChanged).toBe(true);
    expect(await db().trainCoach.count({ where: { trainId } })).toBe(2);
  });

  it("does not count an expired hold or a service that has already run", async () => {
    const { input, trainId, services } = await trainWithServices();
    const user = await testUser();
    await bookSeat(services[0]!.id, services[0]!.seats[0]!.id, 0, 1, { userId: user.id, expiresAt: new Date(Date.now() - 60_000) });
    // The same train yesterday, with a confirmed passenger: history, not a coming service.
    const past = await db().service.create({ data: { trainId, serviceDate: new Date(Date.now() - 2 * 86_400_000), departsAt: new Date(Date.now() - 2 * 86_400_000) } });
    const seat = await db().serviceSeat.create({
      data: { serviceId: past.id, coachTypeSeatId: services[0]!.seats[0]!.coachTypeSeatId, coachLabel: "C1", coachPosition: 1, number: 1, classCode: "SECOND" },
    });
    await bookSeat(past.id, seat.id, 0, 2, { userId: user.id });

    const result = await saveTrain({ ...input, stops: [input.stops[0]!, { ...input.stops[1]!, departureTime: "09:05" }, input.stops[2]!] }, { trainId });
    expect(result.routeChanged).toBe(true);
  });

  it("moves unbooked coming services to a new departure time", async () => {
    const { input, trainId, services } = await trainWithServices();
    const retimed = await saveTrain(
      { ...input, stops: [{ ...input.stops[0]!, departureTime: "08:30" }, { ...input.stops[1]!, arrivalTime: "09:30", departureTime: "09:32" }, { ...input.stops[2]!, arrivalTime: "10:30" }] },
      { trainId },
    );
    expect(retimed.retimedServices).toBe(services.length);
    const after = await db().service.findMany({ where: { trainId }, orderBy: { serviceDate: "asc" } });
    after.forEach((s, i) => expect(s.departsAt.getTime() - services[i]!.departsAt.getTime()).toBe(30 * 60_000));
    // Offsets are unchanged: the whole timetable moved by 30 minutes.
    const stops = await db().trainStop.findMany({ where: { trainId }, orderBy: { sequence: "asc" } });
    expect(stops.map((s) => [s.arrivalOffsetMinutes, s.departureOffsetMinutes])).toEqual([[null, 0], [60, 62], [120, null]]);
  });
});
