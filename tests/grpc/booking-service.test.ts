// The gRPC API over a real port with a real client, on real PostgreSQL: a passenger's whole
// journey, the hot seat, the same booking seen over REST, and what is refused before anything is
// written. The server here is lib/grpc/server.ts in this process (port 0); process.test.ts runs
// the `npm run grpc` process itself.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { status } from "@grpc/grpc-js";
import { db } from "@/lib/db";
import { startGrpcServer, type GrpcServer } from "@/lib/grpc/server";
import { GET as getBookingRoute } from "@/app/api/v1/bookings/[pnr]/route";
import { GET as refundQuoteRoute } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { createUser } from "../helpers/factories";
import { apiUser, callRoute, ensureFares, SECOND_FARE } from "../booking/helpers";
import { anotherService, createNet, type Net } from "../booking/network";
import { bookingClient, unwrap, type BookingClient } from "./client";

let server: GrpcServer;
let client: BookingClient;

beforeAll(async () => {
  await ensureFares();
  server = await startGrpcServer({ host: "127.0.0.1", port: 0 });
  client = bookingClient(`127.0.0.1:${server.port}`);
});

afterAll(async () => {
  client?.close();
  await server?.stop();
});

const seated = (size: number) => ({ coaches: [{ label: "7", kind: "SEATED" as const, classCode: "SECOND", size }] });
const tokenOf = (auth: Record<string, string>) => auth.authorization!.replace(/^Bearer /, "");

function bookingRequest(net: Net, passengers: object[], extra: object = {}) {
  return { service_id: net.serviceId, from: net.codes[0], to: net.codes[2], travel_class: "SECOND", passengers, idempotency_key: randomUUID(), ...extra };
}

describe("BookingService over gRPC", () => {
  it("takes a passenger from a token to a cancelled booking: search, seat map, hold, pay, read, list, cancel", async () => {
    const net = await createNet(seated(8));
    const { user, password } = await createUser();
    const issued = unwrap(await client.call("IssueToken", { email: user.email, password }));
    expect(issued.token).toMatch(/^[\w-]{40,}$/);
    expect(Date.parse(issued.expires_at)).toBeGreaterThan(Date.now());
    const token: string = issued.token;

    const stations = unwrap(await client.call("ListStations", {}));
    expect(stations.stations).toContainEqual({ code: net.codes[1], name: expect.stringContaining("Stacja B"), city: expect.any(String) });

    const date = net.departsAt.toISOString().slice(0, 10);
    const search = unwrap(await client.call("SearchServices", { from: net.codes[0], to: net.codes[2], date }));
    const fare = SECOND_FARE.baseMinor + SECOND_FARE.perKmMinor * 250;
    const found = search.services.find((s: { service_id: string }) => s.service_id === net.serviceId);
    expect(found).toMatchObject({ train_number: expect.stringMatching(/^BT /), date, status: "SCHEDULED", duration_minutes: 150 });
    expect(found.departure).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(found.classes).toEqual([{ travel_class: "SECOND", available: 8, fare: { amount: fare, currency: "PLN" } }]);

    const map = unwrap(await client.call("GetSeatMap", { service_id: net.serviceId, from: net.codes[0], to: net.codes[2] }));
    expect(map.coaches).toHaveLength(1);
    expect(map.coaches[0]).toMatchObject({ coach: "7", travel_class: "SECOND" });
    expect(map.coaches[0].seats).toHaveLength(8);
    const seat3 = net.seat("7", 3);
    expect(map.coaches[0].seats).toContainEqual({ seat_id: seat3, number: 3, berth: "", available: true, quota: "GENERAL" });

    const held = unwrap(await client.call("CreateBooking", bookingRequest(net, [{ name: "Ala Nowak", age: 34, seat_id: seat3 }]), token));
    expect(held).toMatchObject({ status: "HELD", service_id: net.serviceId, from: net.codes[0], to: net.codes[2], travel_class: "SECOND", waitlist_position: 0, total: { amount: fare, currency: "PLN" } });
    expect(held.passengers).toEqual([expect.objectContaining({ name: "Ala Nowak", age: 34, seat_id: seat3, coach: "7", number: 3, status: "CONFIRMED" })]);
    expect(Date.parse(held.hold_expires_at)).toBeGreaterThan(Date.now());

    const after = unwrap(await client.call("GetSeatMap", { service_id: net.serviceId, from: net.codes[1], to: net.codes[2] }));
    expect(after.coaches[0].seats.find((s: { seat_id: string }) => s.seat_id === seat3).available).toBe(false);

    const paid = unwrap(await client.call("PayBooking", { pnr: held.pnr, card_number: "4242 4242 4242 4242", idempotency_key: randomUUID() }, token));
    expect(paid.booking.status).toBe("CONFIRMED");
    expect(paid.payment).toEqual({ id: expect.any(String), status: "SUCCEEDED", amount: fare, currency: "PLN", card_last4: "4242" });

    const read = unwrap(await client.call("GetBooking", { pnr: held.pnr.toLowerCase() }, token));
    expect(read).toEqual(paid.booking);
    const list = unwrap(await client.call("ListBookings", {}, token));
    expect(list.bookings.map((b: { pnr: string }) => b.pnr)).toEqual([held.pnr]);

    // The refund is whatever the fare rules give, as REST quotes it.
    const quote = await callRoute(refundQuoteRoute, { path: `/api/v1/bookings/${held.pnr}/cancel`, params: { pnr: held.pnr }, headers: { authorization: `Bearer ${token}` } });
    expect(quote.body.cancellable).toBe(true);
    const cancelled = unwrap(await client.call("CancelBooking", { pnr: held.pnr }, token));
    expect(cancelled.booking.status).toBe("CANCELLED");
    expect(cancelled.refund).toEqual(quote.body.refund);
    const freed = unwrap(await client.call("GetSeatMap", { service_id: net.serviceId, from: net.codes[0], to: net.codes[2] }));
    expect(freed.coaches[0].seats.find((s: { seat_id: string }) => s.seat_id === seat3).available).toBe(true);
  });

  it("cancels one passenger and exchanges the rest to another date, as REST does", async () => {
    if ((await db().exchangeRule.count({ where: { currency: "PLN", validTo: null } })) === 0) {
      await db().exchangeRule.create({ data: { minHoursBefore: 0, feeMinor: 0, currency: "PLN", validFrom: new Date("2020-01-01") } });
    }
    const net = await createNet(seated(8));
    const later = await anotherService(net, new Date(net.departsAt.getTime() + 86_400_000));
    const owner = await apiUser();
    const token = tokenOf(owner.auth);
    const held = unwrap(await client.call("CreateBooking", bookingRequest(net, [{ name: "Ala Nowak", age: 34 }, { name: "Olek Nowak", age: 8 }]), token));
    unwrap(await client.call("PayBooking", { pnr: held.pnr, card_number: "4242424242424242", idempotency_key: randomUUID() }, token));

    const one = unwrap(await client.call("CancelPassenger", { pnr: held.pnr, position: 2 }, token));
    expect(one).toMatchObject({ whole_booking: false, booking: { status: "CONFIRMED" } });
    expect(one.booking.passengers.map((p: { status: string }) => p.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    const bad = await client.call("CancelPassenger", { pnr: held.pnr, position: 0 }, token);
    expect(bad.ok ? null : [bad.error.code, bad.error.errorCode]).toEqual([status.INVALID_ARGUMENT, "VALIDATION_FAILED"]);

    const request = { pnr: held.pnr, service_id: later.serviceId, from: net.codes[0], to: net.codes[2], travel_class: "SECOND", idempotency_key: randomUUID() };
    const moved = unwrap(await client.call("ExchangeBooking", request, token));
    expect(moved.booking).toMatchObject({ pnr: held.pnr, service_id: later.serviceId, status: "CONFIRMED" });
    expect(moved.price.difference).toEqual({ amount: 0, currency: "PLN" });
    const rest = await callRoute(getBookingRoute, { path: `/api/v1/bookings/${held.pnr}`, params: { pnr: held.pnr }, headers: owner.auth });
    expect(rest.body.serviceId).toBe(later.serviceId);
    const replay = unwrap(await client.call("ExchangeBooking", request, token));
    expect(replay).toEqual(moved);
    const noKey = await client.call("ExchangeBooking", { ...request, idempotency_key: "", service_id: net.serviceId }, token);
    expect(noKey.ok ? null : noKey.error.errorCode).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect(await db().bookingEvent.count({ where: { booking: { pnr: held.pnr }, type: "EXCHANGED" } })).toBe(1);
  });

  it("sells the hot seat once: 20 concurrent CreateBooking for one seat, one OK, 19 FAILED_PRECONDITION with SEAT_UNAVAILABLE", async () => {
    const net = await createNet(seated(4));
    const seat = net.seat("7", 2);
    const users = await Promise.all(Array.from({ length: 20 }, () => apiUser()));
    const answers = await Promise.all(users.map((u) => client.call("CreateBooking", bookingRequest(net, [{ name: "Hot Seat", age: 30, seat_id: seat }]), tokenOf(u.auth))));

    const ok = answers.filter((a) => a.ok);
    expect(ok).toHaveLength(1);
    const refusals = answers.flatMap((a) => (a.ok ? [] : [a.error]));
    expect(refusals.map((e) => [e.code, e.errorCode])).toEqual(Array.from({ length: 19 }, () => [status.FAILED_PRECONDITION, "SEAT_UNAVAILABLE"]));
    expect(refusals[0]!.message).toBe("A chosen seat was just taken. Pick another seat.");
    const allocations = await db().seatAllocation.count({ where: { serviceSeatId: seat, releasedAt: null } });
    expect(allocations).toBe(1);
  });

  it("makes the same booking REST reads back, and replays it for the same idempotency key", async () => {
    const net = await createNet(seated(4));
    const user = await apiUser();
    const request = bookingRequest(net, [{ name: "Ola Kowalska", age: 51, berth_preference: "WINDOW" }]);
    const held = unwrap(await client.call("CreateBooking", request, tokenOf(user.auth)));
    const again = unwrap(await client.call("CreateBooking", request, tokenOf(user.auth)));
    expect(again).toEqual(held);

    const rest = await callRoute(getBookingRoute, { path: `/api/v1/bookings/${held.pnr}`, params: { pnr: held.pnr }, headers: user.auth });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({
      pnr: held.pnr, status: "HELD", serviceId: held.service_id, from: held.from, to: held.to, class: held.travel_class, quota: held.quota,
      holdExpiresAt: held.hold_expires_at, departure: held.departure, arrival: held.arrival, createdAt: held.created_at, total: held.total,
      train: { number: held.train_number, name: held.train_name },
    });
    expect(rest.body.passengers.map((p: Record<string, unknown>) => [p.name, p.age, p.seatId, p.coach, p.number, p.status])).toEqual(
      held.passengers.map((p: Record<string, unknown>) => [p.name, p.age, p.seat_id, p.coach, p.number, p.status]),
    );
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(1);
  });

  it("refuses bad input with INVALID_ARGUMENT, field errors in the proto's names, and writes nothing", async () => {
    const net = await createNet(seated(4));
    const user = await apiUser();
    const token = tokenOf(user.auth);
    const cases = [
      { request: bookingRequest(net, [{ name: "", age: 30 }]), field: "passengers.0.name" },
      { request: bookingRequest(net, [{ name: "Jan", age: 200 }]), field: "passengers.0.age" },
      { request: bookingRequest(net, [{ name: "Jan", age: 30 }], { travel_class: "!" }), field: "travel_class" },
      { request: bookingRequest(net, [{ name: "Jan", age: 30 }], { to: net.codes[0] }), field: "to" },
      { request: bookingRequest(net, []), field: "passengers" },
    ];
    for (const { request, field } of cases) {
      const answer = await client.call("CreateBooking", request, token);
      expect(answer.ok, field).toBe(false);
      if (answer.ok) continue;
      expect([answer.error.code, answer.error.errorCode], field).toEqual([status.INVALID_ARGUMENT, "VALIDATION_FAILED"]);
      expect(Object.keys((answer.error.details as { fieldErrors: object }).fieldErrors), field).toContain(field);
    }
    const noKey = await client.call("CreateBooking", bookingRequest(net, [{ name: "Jan", age: 30 }], { idempotency_key: "" }), token);
    expect(noKey.ok ? null : [noKey.error.code, noKey.error.errorCode]).toEqual([status.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REQUIRED"]);
    const badDate = await client.call("SearchServices", { from: net.codes[0], to: net.codes[2], date: "2026-02-30" });
    expect(badDate.ok ? null : badDate.error.code).toBe(status.INVALID_ARGUMENT);
    const badCard = await client.call("PayBooking", { pnr: "ABCDEFGHJK", card_number: "12", idempotency_key: randomUUID() }, token);
    expect(badCard.ok ? null : [badCard.error.code, Object.keys((badCard.error.details as { fieldErrors: object }).fieldErrors)]).toEqual([status.INVALID_ARGUMENT, ["card_number"]]);

    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(0);
    expect(await db().idempotencyKey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers UNAUTHENTICATED without a token, with a revoked one, and for a wrong password; NOT_FOUND for someone else's booking", async () => {
    const net = await createNet(seated(4));
    const request = bookingRequest(net, [{ name: "Jan", age: 30 }]);
    for (const token of [undefined, "not-a-token", ""]) {
      const answer = await client.call("CreateBooking", request, token);
      expect(answer.ok ? null : [answer.error.code, answer.error.errorCode], String(token)).toEqual([status.UNAUTHENTICATED, "UNAUTHENTICATED"]);
    }
    for (const method of ["ListBookings", "GetBooking", "CancelBooking", "PayBooking"]) {
      const answer = await client.call(method, { pnr: "ABCDEFGHJK" });
      expect(answer.ok ? null : answer.error.code, method).toBe(status.UNAUTHENTICATED);
    }
    expect(await db().booking.count({ where: { serviceId: net.serviceId } })).toBe(0);

    const { user, password } = await createUser();
    const wrong = await client.call("IssueToken", { email: user.email, password: `${password}x` });
    expect(wrong.ok ? null : [wrong.error.code, wrong.error.errorCode]).toEqual([status.UNAUTHENTICATED, "INVALID_CREDENTIALS"]);

    const owner = await apiUser();
    const held = unwrap(await client.call("CreateBooking", request, tokenOf(owner.auth)));
    const stranger = await apiUser();
    for (const method of ["GetBooking", "CancelBooking"]) {
      const answer = await client.call(method, { pnr: held.pnr }, tokenOf(stranger.auth));
      expect(answer.ok ? null : [answer.error.code, answer.error.errorCode], method).toEqual([status.NOT_FOUND, "NOT_FOUND"]);
    }
    const revoked = await apiUser();
    await db().apiToken.updateMany({ where: { userId: revoked.id }, data: { revokedAt: new Date() } });
    const withRevoked = await client.call("ListBookings", {}, tokenOf(revoked.auth));
    expect(withRevoked.ok ? null : withRevoked.error.code).toBe(status.UNAUTHENTICATED);
  });

  it("throttles IssueToken as the sign-in form is throttled: after 5 wrong passwords, RESOURCE_EXHAUSTED / RATE_LIMITED, even for the right one", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 5; i++) {
      const wrong = await client.call("IssueToken", { email: user.email, password: `wrong-${i}` });
      expect(wrong.ok ? null : wrong.error.errorCode).toBe("INVALID_CREDENTIALS");
    }
    const right = await client.call("IssueToken", { email: user.email, password });
    expect(right.ok ? null : [right.error.code, right.error.errorCode]).toEqual([status.RESOURCE_EXHAUSTED, "RATE_LIMITED"]);
    expect((right.ok ? null : right.error.details) as { retryAfterSeconds: number }).toEqual({ retryAfterSeconds: expect.any(Number) });
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers a sold-out class with SOLD_OUT, and with join_waitlist gives a waiting-list place", async () => {
    const net = await createNet(seated(1));
    const [first, second] = [await apiUser(), await apiUser()];
    unwrap(await client.call("CreateBooking", bookingRequest(net, [{ name: "Jan", age: 30 }]), tokenOf(first.auth)));
    const soldOut = await client.call("CreateBooking", bookingRequest(net, [{ name: "Ewa", age: 29 }]), tokenOf(second.auth));
    expect(soldOut.ok ? null : [soldOut.error.code, soldOut.error.errorCode]).toEqual([status.FAILED_PRECONDITION, "SOLD_OUT"]);
    const waiting = unwrap(await client.call("CreateBooking", bookingRequest(net, [{ name: "Ewa", age: 29 }], { join_waitlist: true }), tokenOf(second.auth)));
    expect(waiting).toMatchObject({ status: "WAITLISTED", waitlist_position: 1, passengers: [expect.objectContaining({ name: "Ewa", seat_id: "", number: 0, status: "WAITLISTED" })] });
  });

  it("answers a declined card with FAILED_PRECONDITION / PAYMENT_DECLINED and keeps the hold", async () => {
    const net = await createNet(seated(4));
    const user = await apiUser();
    const held = unwrap(await client.call("CreateBooking", bookingRequest(net, [{ name: "Jan", age: 30 }]), tokenOf(user.auth)));
    const declined = await client.call("PayBooking", { pnr: held.pnr, card_number: "4000 0000 0000 0002", idempotency_key: randomUUID() }, tokenOf(user.auth));
    expect(declined.ok ? null : [declined.error.code, declined.error.errorCode]).toEqual([status.FAILED_PRECONDITION, "PAYMENT_DECLINED"]);
    expect(unwrap(await client.call("GetBooking", { pnr: held.pnr }, tokenOf(user.auth))).status).toBe("HELD");
  });
});
