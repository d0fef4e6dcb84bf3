// GET /api/v1/services/{serviceId}/seats: a drawable map whose availability follows the journey asked about.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as seats } from "@/app/api/v1/services/[serviceId]/seats/route";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { apiUser, callRoute, ensureFares, newKey } from "./helpers";
import { createNet } from "./network";

beforeAll(ensureFares);

describe("seat map", () => {
  it("draws every coach and seat, free or not for the requested segment", async () => {
    const net = await createNet({
      coaches: [
        { label: "7", kind: "SEATED", classCode: "SECOND", size: 8 },
        { label: "S1", kind: "SLEEPER", classCode: "SLEEPER", size: 1 },
      ],
    });
    const [a, b, c] = net.codes;
    const user = await apiUser();
    const held = await callRoute(createBooking, {
      method: "POST",
      path: "/api/v1/bookings",
      body: { serviceId: net.serviceId, from: a, to: b, class: "SECOND", passengers: [{ name: "Ala", age: 30, seatId: net.seat("7", 5) }] },
      headers: { ...user.auth, "idempotency-key": newKey() },
    });
    expect(held.status).toBe(201);

    const map = (from: string, to: string) =>
      callRoute(seats, { path: `/api/v1/services/${net.serviceId}/seats?from=${from}&to=${to}`, params: { serviceId: net.serviceId } });

    const whole = await map(a, c);
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ serviceId: net.serviceId, from: a, to: c });
    expect(whole.body.coaches.map((co: { coach: string; class: string; kind: string; rows: number; columns: number; seats: unknown[] }) => [co.coach, co.class, co.kind, co.rows, co.columns, co.seats.length])).toEqual([
      ["7", "SECOND", "SEATED", 2, 5, 8],
      ["S1", "SLEEPER", "SLEEPER", 2, 5, 8],
    ]);
    const [saloon, sleeper] = whole.body.coaches;
    expect(saloon.seats[4]).toEqual({ seatId: net.seat("7", 5), number: 5, berth: null, position: "WINDOW", row: 2, col: 1, bay: null, quota: "GENERAL", available: false });
    expect(saloon.seats.filter((s: { available: boolean }) => !s.available)).toHaveLength(1);
    expect(sleeper.seats[6]).toMatchObject({ number: 7, berth: "SIDE_LOWER", position: null, bay: 1, available: true });

    // Sold A->B only: free again from B.
    const later = await map(b, c);
    expect(later.body.coaches[0].seats[4].available).toBe(true);
  });

  it("answers 404 for an unknown service and 400 for stations the train does not serve in that order", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const [a, , c] = net.codes;
    const missing = await callRoute(seats, { path: `/api/v1/services/nope/seats?from=${a}&to=${c}`, params: { serviceId: "nope" } });
    expect(missing.status).toBe(404);
    const backwards = await callRoute(seats, { path: `/api/v1/services/${net.serviceId}/seats?from=${c}&to=${a}`, params: { serviceId: net.serviceId } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.fieldErrors.to).toBeDefined();
  });
});
