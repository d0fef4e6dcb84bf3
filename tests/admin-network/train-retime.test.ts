// New stop times on a train whose services are already generated and sold: the operator's choice
// between "apply to services already generated" and "only services generated from now on"
// (docs/decisions/037), and what booked passengers are told.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { generateServices } from "@/lib/services/generate-services";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { saveTrain } from "@/lib/admin/network/save-train";
import { serviceUpdatesFor } from "@/lib/booking/service-updates";
import { bookSeat, ensureReferenceRows, makeCoachType, makeStations, stop, testUser, trainInput } from "./fixtures";

beforeAll(ensureReferenceRows);

/** A -> B -> C, 08:00 / 09:00-09:02 / 10:00 Warsaw, services on the 3rd to 5th day; the 4th day's is booked B -> C. */
async function soldTrain() {
  const [a, b, c] = await makeStations(3);
  const coachType = await makeCoachType("SECOND", 2);
  const input = trainInput([stop(a!.id, undefined, "08:00", 0), stop(b!.id, "09:00", "09:02", 100), stop(c!.id, "10:00", undefined, 200)], [coachType]);
  const { trainId } = await saveTrain(input);
  const today = todayInZone("Europe/Warsaw");
  await generateServices(db(), { trainId, from: addDaysIso(today, 3), to: addDaysIso(today, 5) });
  const services = await db().service.findMany({ where: { trainId }, orderBy: { serviceDate: "asc" }, include: { seats: { orderBy: { number: "asc" } } } });
  const user = await testUser();
  const booking = await bookSeat(services[1]!.id, services[1]!.seats[0]!.id, 1, 2, { userId: user.id });
  const admin = await db().user.create({ data: { email: `retime-admin-${Date.now()}-${Math.random()}@example.test`, name: "Ops", passwordHash: "!", role: "ADMIN" } });
  return { input, trainId, services, booking, user, actor: { userId: admin.id, role: "ADMIN" as const }, from: services[0]!.serviceDate.toISOString().slice(0, 10) };
}

const fieldErrors = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return (error.details as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
};

describe("new stop times for services already generated", () => {
  it("asks which services the new times reach when the editor saves, and changes nothing until answered", async () => {
    const { input, trainId } = await soldTrain();
    const later = { ...input, stops: [input.stops[0]!, { ...input.stops[1]!, departureTime: "09:10" }, { ...input.stops[2]!, arrivalTime: "10:08" }] };
    const errors = await fieldErrors(saveTrain(later, { trainId, requireChoice: true }));
    expect(errors.existingServices?.[0]).toMatch(/^Choose whether the new times reach the 3 services already generated \(from /);
    const stops = await db().trainStop.findMany({ where: { trainId }, orderBy: { sequence: "asc" } });
    expect(stops.map((s) => s.departureOffsetMinutes)).toEqual([0, 62, null]);
  });

  it("applies new times between stops to every generated service, sold ones included, and tells the booked passenger", async () => {
    const { input, trainId, services, booking, user, actor } = await soldTrain();
    const later = { ...input, stops: [input.stops[0]!, { ...input.stops[1]!, departureTime: "09:10" }, { ...input.stops[2]!, arrivalTime: "10:08" }] };
    // "Only from now on" cannot be honoured: services read these stop times from the train.
    const keep = await fieldErrors(saveTrain(later, { trainId, existingServices: "keep", actor }));
    expect(keep.existingServices?.[0]).toContain("Only a new departure time, with every stop moving by the same minutes");

    const saved = await saveTrain(later, { trainId, existingServices: "apply", actor });
    expect(saved).toMatchObject({ timesChanged: true, retimedServices: 0, existingServices: { choice: "apply", services: 3, notifiedBookings: 1 } });
    const stops = await db().trainStop.findMany({ where: { trainId }, orderBy: { sequence: "asc" } });
    expect(stops.map((s) => [s.arrivalOffsetMinutes, s.departureOffsetMinutes])).toEqual([[null, 0], [60, 70], [128, null]]);
    // The booking keeps its stops and seat; its passenger hears of it in the inbox and on the booking page.
    expect(await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ fromSeq: 1, toSeq: 2, status: "CONFIRMED" });
    const notices = await db().notification.findMany({ where: { bookingId: booking.id, kind: "TIMETABLE_CHANGE" } });
    expect(notices.map((n) => n.channel).sort()).toEqual(["EMAIL", "IN_APP"]);
    expect(notices[0]!.body).toContain("at 09:10 (was 09:02)");
    expect(notices[0]!.body).toContain("at 10:08 (was 10:00)");
    const event = await db().bookingEvent.findFirstOrThrow({ where: { bookingId: booking.id, type: "SCHEDULE_RETIMED" } });
    expect(event).toMatchObject({ actorUserId: actor.userId, actorRole: "ADMIN" });
    const updates = await serviceUpdatesFor(db(), user.id, booking.pnr);
    expect(updates!.updates[0]).toMatchObject({ kind: "RETIMED", text: expect.stringContaining("09:10 (was 09:02)") });
    // Nobody else was booked: one passenger told, not one per service.
    expect(await db().notification.count({ where: { kind: "TIMETABLE_CHANGE", booking: { serviceId: { in: services.map((s) => s.id) } } } })).toBe(2);
  });

  it("keeps generated services on their departure when only the departure time moves and the operator says so", async () => {
    const { input, trainId, services, booking, actor } = await soldTrain();
    const shifted = { ...input, stops: [{ ...input.stops[0]!, departureTime: "08:30" }, { ...input.stops[1]!, arrivalTime: "09:30", departureTime: "09:32" }, { ...input.stops[2]!, arrivalTime: "10:30" }] };
    const kept = await saveTrain(shifted, { trainId, existingServices: "keep", actor });
    expect(kept).toMatchObject({ timesChanged: true, retimedServices: 0, existingServices: { choice: "keep", services: 3, notifiedBookings: 0 } });
    const after = await db().service.findMany({ where: { trainId }, orderBy: { serviceDate: "asc" } });
    expect(after.map((s) => s.departsAt.getTime())).toEqual(services.map((s) => s.departsAt.getTime()));
    expect((await db().train.findUniqueOrThrow({ where: { id: trainId } })).originDepartureMinutes).toBe(8 * 60 + 30);
    expect(await db().notification.count({ where: { bookingId: booking.id, kind: "TIMETABLE_CHANGE" } })).toBe(0);

    // Services generated afterwards run at the new time.
    const today = todayInZone("Europe/Warsaw");
    await generateServices(db(), { trainId, from: addDaysIso(today, 6), to: addDaysIso(today, 6) });
    const added = await db().service.findFirstOrThrow({ where: { trainId, serviceDate: new Date(`${addDaysIso(today, 6)}T00:00:00Z`) } });
    expect(added.departsAt.getTime() - services[0]!.departsAt.getTime()).toBe(3 * 86_400_000 + 30 * 60_000);

    // "Apply" moves them all, the sold one too, and its passenger is told.
    const back = { ...shifted, stops: [{ ...shifted.stops[0]!, departureTime: "08:15" }, { ...shifted.stops[1]!, arrivalTime: "09:15", departureTime: "09:17" }, { ...shifted.stops[2]!, arrivalTime: "10:15" }] };
    const applied = await saveTrain(back, { trainId, existingServices: "apply", actor });
    expect(applied).toMatchObject({ retimedServices: 4, existingServices: { choice: "apply", services: 4, notifiedBookings: 1 } });
  });

  it("still refuses new stations or distances while services are sold: bookings keep stop numbers", async () => {
    const { input, trainId, actor } = await soldTrain();
    const error = await saveTrain({ ...input, stops: [input.stops[0]!, { ...input.stops[1]!, distanceKm: 110 }, input.stops[2]!] }, { trainId, existingServices: "apply", actor }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    expect(isAppError(error) && error.message).toContain("route cannot change");
  });
});
