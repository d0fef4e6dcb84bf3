// Holding seats through the API: the booking a passenger gets, the seats it takes for which part of
// the journey, and what is refused, through the route handlers on real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listBookings, POST as createBooking } from "@/app/api/v1/bookings/route";
import { GET as getBooking } from "@/app/api/v1/bookings/[pnr]/route";
import { db } from "@/lib/db";
import { PNR_ALPHABET } from "@/lib/booking/pnr";
import { apiUser, callRoute, ensureFare, ensureFares, eventsOf, newKey, SECOND_FARE, type ApiUser } from "./helpers";
import { createNet, type Net } from "./network";

beforeAll(ensureFares);

function book(user: ApiUser, body: unknown, key: string | null = newKey()) {
  return callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body,
    headers: { ...user.auth, ...(key === null ? {} : { "idempotency-key": key }) },
  });
}

const seated = (size: number) => ({ coaches: [{ label: "7", kind: "SEATED" as const, classCode: "SECOND", size }] });
const trip = (net: Net, from = 0, to = 2) => ({ serviceId: net.serviceId, from: net.codes[from]!, to: net.codes[to]!, class: "SECOND" });

describe("POST /api/v1/bookings", () => {
  it("holds seats for ten minutes and prices each passenger by distance", async () => {
    const net = await createNet(seated(8));
    const user = await apiUser();
    const before = Date.now();
    // Two adults: a child's fare depends on the concessions in the shared database, which the seed
    // test fills with the real ones (tests/booking/concessions.test.ts covers children's fares).
    const res = await book(user, { ...trip(net), passengers: [{ name: "Ala Nowak", age: 34 }, { name: "Olek Nowak", age: 38 }] });

    expect(res.status).toBe(201);
    const fare = SECOND_FARE.baseMinor + SECOND_FARE.perKmMinor * 250;
    expect(res.body).toMatchObject({
      status: "HELD",
      serviceId: net.serviceId,
      from: net.codes[0],
      to: net.codes[2],
      class: "SECOND",
      quota: "GENERAL",
      total: { amount: 2 * fare, currency: "PLN" },
    });
    expect(res.body.pnr).toHaveLength(10);
    expect([...res.body.pnr].every((ch: string) => PNR_ALPHABET.includes(ch))).toBe(true);
    const holdMs = Date.parse(res.body.holdExpiresAt) - before;
    expect(holdMs).toBeGreaterThan(9.9 * 60_000);
    expect(holdMs).toBeLessThan(10.1 * 60_000);
    expect(res.body.passengers).toEqual([
      expect.objectContaining({ name: "Ala Nowak", age: 34, seatId: net.seat("7", 1), coach: "7", number: 1, berth: null, status: "CONFIRMED", fare: { amount: fare, currency: "PLN" } }),
      expect.objectContaining({ name: "Olek Nowak", age: 38, seatId: net.seat("7", 2), coach: "7", number: 2, berth: null, fare: { amount: fare, currency: "PLN" } }),
    ]);

    // What was answered is what was stored: the GET reads it back from the database.
    const again = await callRoute(getBooking, { path: `/api/v1/bookings/${res.body.pnr}`, params: { pnr: res.body.pnr }, headers: user.auth });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);

    const events = await eventsOf(res.body.pnr);
    expect(events.map((e) => [e.type, e.actorUserId, e.actorRole])).toEqual([["HELD", user.id, "PASSENGER"]]);
  });

  it("keeps a sleeper party in one bay and gives them the berths they asked for", async () => {
    await ensureFare("SLEEPER", { baseMinor: 5000, perKmMinor: 30, minMinor: 0 });
    const net = await createNet({ coaches: [{ label: "S1", kind: "SLEEPER", classCode: "SLEEPER", size: 2 }] });
    const [early, party] = [await apiUser(), await apiUser()];
    // Someone already sleeps in bay 1, so bay 1 has 7 berths but no side-lower left.
    expect((await book(early, { ...trip(net), class: "SLEEPER", passengers: [{ name: "Early", age: 50, seatId: net.seat("S1", 7) }] })).status).toBe(201);

    const res = await book(party, {
      ...trip(net),
      class: "SLEEPER",
      passengers: [
        { name: "Babcia", age: 78, berthPreference: "LOWER" },
        { name: "Tata", age: 45, berthPreference: "UPPER" },
        { name: "Ola", age: 12, berthPreference: "SIDE_LOWER" },
      ],
    });
    expect(res.status).toBe(201);
    const got = res.body.passengers.map((p: { berth: string; number: number }) => [p.berth, Math.ceil(p.number / 8)]);
    expect(got).toEqual([["LOWER", 2], ["UPPER", 2], ["SIDE_LOWER", 2]]);
  });

  it("sells a seat taken A->B again for B->C, and refuses it for A->C", async () => {
    const net = await createNet(seated(4));
    const [first, second, third] = [await apiUser(), await apiUser(), await apiUser()];
    const seatId = net.seat("7", 3);
    const seat = (name: string) => ({ passengers: [{ name, age: 30, seatId }] });

    expect((await book(first, { ...trip(net, 0, 1), ...seat("A->B") })).status).toBe(201);
    const later = await book(second, { ...trip(net, 1, 2), ...seat("B->C") });
    expect(later.status).toBe(201);
    expect(later.body.total.amount).toBe(SECOND_FARE.baseMinor + SECOND_FARE.perKmMinor * 150);

    const whole = await book(third, { ...trip(net, 0, 2), ...seat("A->C") });
    expect(whole.status).toBe(409);
    expect(whole.body.error).toMatchObject({ code: "SEAT_UNAVAILABLE", details: { seatIds: [seatId], reason: "TAKEN" } });
    expect(await db().seatAllocation.count({ where: { serviceSeatId: seatId, releasedAt: null } })).toBe(2);
  });

  it("refuses a chosen seat of another class, quota or train with SEAT_UNAVAILABLE", async () => {
    const net = await createNet({
      coaches: [
        { label: "1", kind: "SEATED", classCode: "FIRST", size: 4 },
        { label: "7", kind: "SEATED", classCode: "SECOND", size: 8, quota: { code: "LADIES", count: 4 } },
      ],
    });
    const other = await createNet(seated(4));
    const user = await apiUser();
    for (const seatId of [net.seat("1", 1), net.seat("7", 8), other.seat("7", 1)]) {
      const res = await book(user, { ...trip(net), passengers: [{ name: "Ewa", age: 40, seatId }] });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: "SEAT_UNAVAILABLE", details: { reason: "NOT_IN_CLASS" } });
    }
    // The same seat in its own quota is for sale.
    expect((await book(user, { ...trip(net), quota: "LADIES", passengers: [{ name: "Ewa", age: 40, seatId: net.seat("7", 8) }] })).status).toBe(201);
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(1);
  });

  it("books a quota with an age rule only when every passenger qualifies, with the error next to each age", async () => {
    const code = `SNR${Date.now().toString(36).toUpperCase()}`;
    await db().quota.create({ data: { code, name: "Senior (60+)", minAge: 60 } });
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 8, quota: { code, count: 4 } }] });
    const user = await apiUser();
    const key = newKey();

    const mixed = await book(user, { ...trip(net), quota: code, passengers: [{ name: "Babcia", age: 71 }, { name: "Wnuczka", age: 19 }, { name: "Ciocia", age: 59 }] }, key);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe("VALIDATION_FAILED");
    expect(mixed.body.error.details.fieldErrors).toEqual({
      "passengers.1.age": ["The Senior (60+) quota is for travellers aged 60 or over."],
      "passengers.2.age": ["The Senior (60+) quota is for travellers aged 60 or over."],
    });
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(0);

    // The refusal left the key unused, and the same seats in the General quota admit anyone.
    expect((await book(user, { ...trip(net), quota: code, passengers: [{ name: "Babcia", age: 71 }, { name: "Dziadek", age: 60 }] }, key)).status).toBe(201);
    expect((await book(user, { ...trip(net), passengers: [{ name: "Wnuczka", age: 19 }] })).status).toBe(201);
    expect(await db().booking.count({ where: { userId: user.id, status: "HELD" } })).toBe(2);
  });

  it("answers SOLD_OUT when the party is bigger than the seats left, and writes nothing", async () => {
    const net = await createNet(seated(4));
    const user = await apiUser();
    expect((await book(user, { ...trip(net), passengers: [{ name: "A", age: 1 }, { name: "B", age: 2 }] })).status).toBe(201);
    const res = await book(user, { ...trip(net), passengers: ["C", "D", "E"].map((name) => ({ name, age: 30 })) });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "SOLD_OUT", details: { available: 2 } });
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a cancelled service and one that has already left", async () => {
    const cancelled = await createNet(seated(4));
    await db().service.update({ where: { id: cancelled.serviceId }, data: { status: "CANCELLED" } });
    const gone = await createNet({ ...seated(4), departsAt: new Date(Date.now() - 30 * 60_000) }); // left A 30 min ago, B in 30 min
    const user = await apiUser();

    const a = await book(user, { ...trip(cancelled), passengers: [{ name: "A", age: 30 }] });
    expect(a.status).toBe(409);
    expect(a.body.error).toMatchObject({ code: "SERVICE_NOT_BOOKABLE", details: { reason: "CANCELLED" } });
    const b = await book(user, { ...trip(gone), passengers: [{ name: "B", age: 30 }] });
    expect(b.status).toBe(409);
    expect(b.body.error).toMatchObject({ code: "SERVICE_NOT_BOOKABLE", details: { reason: "DEPARTED" } });
    // From B, which it has not reached yet, the same train can still be booked.
    expect((await book(user, { ...trip(gone, 1, 2), passengers: [{ name: "C", age: 30 }] })).status).toBe(201);
  });

  it("validates the request: passengers 1..6, seats for all or none, stations on the route", async () => {
    const net = await createNet(seated(8));
    const user = await apiUser();
    const cases: [unknown, string][] = [
      [{ ...trip(net), passengers: [] }, "passengers"],
      [{ ...trip(net), passengers: Array.from({ length: 7 }, () => ({ name: "X", age: 20 })) }, "passengers"],
      [{ ...trip(net), passengers: [{ name: "X", age: 20, seatId: net.seat("7", 1) }, { name: "Y", age: 20 }] }, "passengers"],
      [{ ...trip(net), passengers: [{ name: "X", age: 20, seatId: net.seat("7", 1) }, { name: "Y", age: 20, seatId: net.seat("7", 1) }] }, "passengers"],
      [{ ...trip(net), passengers: [{ name: " ", age: -1 }] }, "passengers.0.name"],
      [{ ...trip(net, 2, 0), passengers: [{ name: "X", age: 20 }] }, "to"],
    ];
    for (const [body, field] of cases) {
      const res = await book(user, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(res.body.error.details.fieldErrors)).toContain(field);
    }
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(0);
  });

  it("needs a signed-in caller", async () => {
    const net = await createNet(seated(4));
    const res = await callRoute(createBooking, { method: "POST", path: "/api/v1/bookings", body: { ...trip(net), passengers: [{ name: "X", age: 1 }] }, headers: { "idempotency-key": newKey() } });
    expect(res.status).toBe(401);
  });
});

describe("Idempotency-Key on POST /api/v1/bookings", () => {
  it("answers a repeat with the first answer and books once", async () => {
    const net = await createNet(seated(8));
    const user = await apiUser();
    const key = newKey();
    const body = { ...trip(net), passengers: [{ name: "Ala", age: 30 }] };
    const first = await book(user, body, key);
    const second = await book(user, { passengers: [{ age: 30, name: "Ala" }], ...trip(net) }, key); // same request, keys reordered
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses the same key for a different request with 422, and a missing key with 400", async () => {
    const net = await createNet(seated(8));
    const user = await apiUser();
    const key = newKey();
    expect((await book(user, { ...trip(net), passengers: [{ name: "Ala", age: 30 }] }, key)).status).toBe(201);
    const reused = await book(user, { ...trip(net), passengers: [{ name: "Ola", age: 31 }] }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const missing = await book(user, { ...trip(net), passengers: [{ name: "Ola", age: 31 }] }, null);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(1);
  });

  it("runs the work once when the same key arrives several times at once, even from several app instances", async () => {
    const net = await createNet(seated(8));
    const user = await apiUser();
    const key = newKey();
    const body = { ...trip(net), passengers: [{ name: "Ala", age: 30 }] };
    // Without this instance's queue the requests meet only in the database, as they would coming
    // through different app instances: the claim on the key row must keep all but one out.
    process.env.BOOKING_LOCAL_QUEUE = "off";
    const results = await Promise.all(Array.from({ length: 5 }, () => book(user, body, key))).finally(() => delete process.env.BOOKING_LOCAL_QUEUE);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.pnr)).size).toBe(1);
    expect(await db().booking.count({ where: { userId: user.id } })).toBe(1);
    expect(await db().idempotencyKey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keys are per user: two people may use the same key", async () => {
    const net = await createNet(seated(8));
    const [a, b] = [await apiUser(), await apiUser()];
    const key = newKey();
    const body = { ...trip(net), passengers: [{ name: "Ala", age: 30 }] };
    const [ra, rb] = [await book(a, body, key), await book(b, body, key)];
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(201);
    expect(ra.body.pnr).not.toBe(rb.body.pnr);
  });
});

describe("GET /api/v1/bookings", () => {
  it("lists only the caller's bookings, newest first, and hides others' by PNR", async () => {
    const net = await createNet(seated(8));
    const [me, stranger] = [await apiUser(), await apiUser()];
    const one = await book(me, { ...trip(net), passengers: [{ name: "One", age: 30 }] });
    const two = await book(me, { ...trip(net), passengers: [{ name: "Two", age: 30 }] });
    const theirs = await book(stranger, { ...trip(net), passengers: [{ name: "Other", age: 30 }] });

    const list = await callRoute(listBookings, { path: "/api/v1/bookings", headers: me.auth });
    expect(list.status).toBe(200);
    expect(list.body.bookings.map((b: { pnr: string }) => b.pnr)).toEqual([two.body.pnr, one.body.pnr]);

    const peek = await callRoute(getBooking, { path: `/api/v1/bookings/${theirs.body.pnr}`, params: { pnr: theirs.body.pnr }, headers: me.auth });
    expect(peek.status).toBe(404);
    expect(peek.body.error.code).toBe("NOT_FOUND");
  });
});
