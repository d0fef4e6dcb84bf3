// "Sit together" through the real booking route: seats chosen for a party keep it in one coach and
// consecutive rows, or, when asked, the request is refused rather than the party split.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { db } from "@/lib/db";
import { apiUser, callRoute, ensureFares, newKey, type ApiUser } from "./helpers";
import { createNet, type Net } from "./network";

beforeAll(ensureFares);

const hold = (user: ApiUser, net: Net, passengers: object[], extra: object = {}) =>
  callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: "SECOND", passengers, ...extra },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });

describe("sitting together", () => {
  it("refuses a split party when asked to sit together, and splits it only when not asked", async () => {
    // Three rows of a 2+2 saloon; everything but seat 1 (row 1) and seat 12 (row 3) is sold.
    const net = await createNet({ coaches: [{ label: "4", kind: "SEATED", classCode: "SECOND", size: 12 }] });
    const seller = await apiUser();
    const sold = await hold(seller, net, [2, 3, 4, 5, 6, 7].map((n) => ({ name: `S${n}`, age: 30, seatId: net.seat("4", n) })));
    expect(sold.status).toBe(201);
    expect((await hold(seller, net, [8, 9, 10, 11].map((n) => ({ name: `S${n}`, age: 30, seatId: net.seat("4", n) })))).status).toBe(201);

    const family = await apiUser();
    const party = [{ name: "Ala", age: 34 }, { name: "Olek", age: 8 }];
    const refused = await hold(family, net, party, { together: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "SOLD_OUT", details: { reason: "NOT_TOGETHER", available: 2 } });
    expect(await db().booking.count({ where: { userId: family.id } })).toBe(0);

    const split = await hold(family, net, party);
    expect(split.status).toBe(201);
    expect(split.body.passengers.map((p: { number: number }) => p.number).sort((a: number, b: number) => a - b)).toEqual([1, 12]);
  });
});
