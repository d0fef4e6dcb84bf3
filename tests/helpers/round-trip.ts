// Writes one row of every model through the generated client, with every optional field set, and
// reads it back: a column whose SQL type or name disagrees with schema.prisma fails here.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "./factories";

export async function roundTripEveryModel(): Promise<string[]> {
  const c = db();
  const s = uniqueSuffix();
  const at = new Date("2030-01-02T03:04:05.678Z");
  const touched: string[] = [];
  const check = <T extends Record<string, unknown>>(model: string, written: T, read: Record<string, unknown> | null) => {
    expect(read, model).not.toBeNull();
    for (const [k, v] of Object.entries(written)) expect(read![k], `${model}.${k}`).toEqual(v);
    touched.push(model);
  };

  const userData = { email: `rt-${s}@example.test`, name: "Round Trip", passwordHash: "x", role: "ADMIN" as const, sessionVersion: 3, holdsVersion: 7, deletedAt: at };
  const user = await c.user.create({ data: userData });
  check("User", userData, await c.user.findUnique({ where: { id: user.id } }));

  const token = { userId: user.id, tokenHash: `h-${s}`, expiresAt: at, lastUsedAt: at, revokedAt: at, label: "laptop" };
  check("ApiToken", token, await c.apiToken.create({ data: token }));
  const reset = { userId: user.id, tokenHash: `r-${s}`, expiresAt: at, usedAt: at };
  check("PasswordResetToken", reset, await c.passwordResetToken.create({ data: reset }));
  const limit = { key: `rt:${s}`, points: 3, expire: BigInt(at.getTime()) };
  check("RateLimit", limit, await c.rateLimit.create({ data: limit }));
  const audit = { actorId: user.id, action: "user.role.change", targetId: user.id, details: { from: "PASSENGER", to: "ADMIN" } };
  check("AuditLog", audit, await c.auditLog.create({ data: audit }));
  const jobRun = { name: `rt-${s}`, runs: 4, failures: 1, lastStartedAt: at, lastSucceededAt: at, lastFailedAt: at, lastError: "boom", lastDurationMs: 12 };
  check("JobRun", jobRun, await c.jobRun.create({ data: jobRun }));

  const station = await c.station.create({ data: { code: `S${s}`, name: "Stacja", city: "Miasto", timeZone: "Europe/Warsaw" } });
  const station2 = await c.station.create({ data: { code: `T${s}`, name: "Druga", city: "Miasto", timeZone: "Europe/Vilnius" } });
  check("Station", { code: `S${s}`, timeZone: "Europe/Warsaw" }, station);
  const klass = { code: `C${s}`, name: "Klasa", sortOrder: 7 };
  check("TravelClass", klass, await c.travelClass.create({ data: klass }));
  const quota = { code: `Q${s}`, name: "Pula" };
  check("Quota", quota, await c.quota.create({ data: quota }));
  await c.quota.createMany({ data: [{ code: "GENERAL", name: "General" }], skipDuplicates: true });

  const coachTypeData = { code: `CT${s}`, name: "Sleeper", kind: "SLEEPER" as const, classCode: klass.code, rows: 3, columns: 4 };
  const coachType = await c.coachType.create({ data: coachTypeData });
  check("CoachType", coachTypeData, coachType);
  const seatData = { coachTypeId: coachType.id, number: 1, row: 0, col: 1, berth: "SIDE_UPPER" as const, position: "WINDOW" as const, bay: 2 };
  const typeSeat = await c.coachTypeSeat.create({ data: seatData });
  check("CoachTypeSeat", seatData, typeSeat);

  const trainData = { number: `RT ${s}`, name: "Test", type: "NIGHT" as const, originDepartureMinutes: 1410, active: false };
  const train = await c.train.create({ data: trainData });
  check("Train", trainData, train);
  const stopData = { trainId: train.id, stationId: station.id, sequence: 0, arrivalOffsetMinutes: 0, departureOffsetMinutes: 5, distanceKm: 12, platform: "3a" };
  check("TrainStop", stopData, await c.trainStop.create({ data: stopData }));
  const coachData = { trainId: train.id, coachTypeId: coachType.id, label: "S1", position: 1 };
  check("TrainCoach", coachData, await c.trainCoach.create({ data: coachData }));
  const tq = { trainId: train.id, classCode: klass.code, quotaCode: quota.code, seatCount: 4 };
  check("TrainQuota", tq, await c.trainQuota.create({ data: tq }));

  const serviceData = { trainId: train.id, serviceDate: new Date("2030-01-02T00:00:00Z"), departsAt: at, status: "DELAYED" as const, delayMinutes: 15, chartPreparedAt: at };
  const service = await c.service.create({ data: serviceData });
  check("Service", serviceData, service);
  const platformData = { serviceId: service.id, stationId: station.id, platform: "7" };
  check("ServicePlatform", platformData, await c.servicePlatform.create({ data: platformData }));
  const ssData = { serviceId: service.id, coachTypeSeatId: typeSeat.id, coachLabel: "S1", coachPosition: 1, number: 1, berth: "LOWER" as const, classCode: klass.code, quotaCode: quota.code };
  const serviceSeat = await c.serviceSeat.create({ data: ssData });
  check("ServiceSeat", ssData, serviceSeat);
  const classSeats = { serviceId: service.id, classCode: klass.code, seats: 1 };
  check("ServiceClassSeats", classSeats, await c.serviceClassSeats.create({ data: classSeats }));
  const salesDay = { timeZone: "Pacific/Chatham", currency: "PLN", day: new Date("2030-01-02T00:00:00Z"), bookings: 3, revenueMinor: BigInt(9_000_000_000), cancellations: 1, refundsMinor: BigInt(2500), computedAt: at };
  check("SalesDay", salesDay, await c.salesDay.create({ data: salesDay }));

  const fare = { classCode: klass.code, baseMinor: 1500, perKmMinor: 28, minMinor: 2500, currency: "PLN", validFrom: at, validTo: at };
  check("FareRate", fare, await c.fareRate.create({ data: fare }));
  const rule = await c.refundRule.create({ data: { minHoursBefore: 24, refundBasisPoints: 9000, feeMinor: 500, currency: "PLN", validFrom: at, validTo: at } });
  check("RefundRule", { refundBasisPoints: 9000, currency: "PLN" }, rule);
  const exchange = { minHoursBefore: 1, feeMinor: 500, currency: "PLN", validFrom: at, validTo: at };
  check("ExchangeRule", exchange, await c.exchangeRule.create({ data: exchange }));
  const concessionData = { code: `C${s}`, name: "Student", proof: "Student ID", automatic: true, minAge: 4, maxAge: 25, sortOrder: 3, active: false, createdAt: at };
  check("Concession", concessionData, await c.concession.create({ data: concessionData }));
  const discountData = { concessionCode: concessionData.code, discountBasisPoints: 5100, validFrom: at, validTo: at };
  check("ConcessionDiscount", discountData, await c.concessionDiscount.create({ data: discountData }));

  const bookingData = {
    pnr: s.toUpperCase().padEnd(10, "X"), userId: user.id, serviceId: service.id, fromStationId: station.id, toStationId: station2.id,
    fromSeq: 0, toSeq: 1, classCode: klass.code, quotaCode: quota.code, status: "CONFIRMED" as const, holdExpiresAt: at,
    totalMinor: 12345, currency: "PLN", confirmedAt: at, cancelledAt: at, ticketsRevokedAt: at,
  };
  const booking = await c.booking.create({ data: bookingData });
  check("Booking", bookingData, booking);
  const paxData = { bookingId: booking.id, position: 1, name: "Ala", age: 34, berthPreference: "SIDE_LOWER" as const, fareMinor: 12345, status: "WAITLISTED" as const,
    concessionCode: concessionData.code, concessionName: "Student", concessionProof: "Student ID", discountBasisPoints: 5100, fullFareMinor: 25194 };
  const pax = await c.bookingPassenger.create({ data: paxData });
  check("BookingPassenger", paxData, pax);
  const allocData = { serviceId: service.id, serviceSeatId: serviceSeat.id, bookingPassengerId: pax.id, fromSeq: 0, toSeq: 1, expiresAt: at, releasedAt: at };
  check("SeatAllocation", allocData, await c.seatAllocation.create({ data: allocData }));
  const payData = { bookingId: booking.id, provider: "sandbox", providerRef: "ref", amountMinor: 12345, currency: "PLN", status: "SUCCEEDED" as const, cardLast4: "4242", failureCode: "none", idempotencyKey: `k-${s}` };
  const payment = await c.payment.create({ data: payData });
  check("Payment", payData, payment);
  const refundData = { bookingId: booking.id, paymentId: payment.id, ruleId: rule.id, amountMinor: 100, currency: "PLN", reason: "PASSENGER_CANCELLED", createdById: user.id };
  check("Refund", refundData, await c.refund.create({ data: refundData }));
  const wlData = { bookingId: booking.id, serviceId: service.id, classCode: klass.code, quotaCode: quota.code, fromSeq: 0, toSeq: 1, partySize: 2, status: "PROMOTED" as const, resolvedAt: at };
  check("WaitlistEntry", wlData, await c.waitlistEntry.create({ data: wlData }));
  const eventData = { bookingId: booking.id, type: "CONFIRMED", actorUserId: user.id, actorRole: "ADMIN", data: { seats: ["S1/1"] } };
  check("BookingEvent", eventData, await c.bookingEvent.create({ data: eventData }));
  const changeData = { serviceId: service.id, kind: "PLATFORM" as const, delayMinutes: 5, stationId: station.id, platform: "2", reason: "works", createdById: user.id };
  check("ScheduleChange", changeData, await c.scheduleChange.create({ data: changeData }));
  const noteData = { userId: user.id, bookingId: booking.id, kind: "BOOKING_CONFIRMED", channel: "EMAIL" as const, title: "t", body: "b", data: { a: 1 }, status: "SENT" as const, attempts: 2, nextAttemptAt: at, lastError: "e", sentAt: at, readAt: at };
  check("Notification", noteData, await c.notification.create({ data: noteData }));
  const idemData = { userId: user.id, scope: "POST /bookings", key: `k-${s}`, requestHash: "h", responseStatus: 201, responseBody: { pnr: "X" }, completedAt: at };
  check("IdempotencyKey", idemData, await c.idempotencyKey.create({ data: idemData }));
  const keyData = { id: `kid-${s}`, publicKey: "AAAA", createdAt: at, retiredAt: at, verifyUntil: at };
  check("TicketSigningKey", keyData, await c.ticketSigningKey.create({ data: keyData }));
  const conductor = await c.user.create({ data: { email: `rt-c-${s}@example.test`, name: "Conductor", passwordHash: "x", role: "CONDUCTOR" } });
  const checkData = { id: `chk-${s}`, bookingId: booking.id, serviceId: service.id, conductorId: conductor.id, checkedAt: at, recordedAt: at, offline: true };
  check("TicketCheck", checkData, await c.ticketCheck.create({ data: checkData }));

  return touched;
}
