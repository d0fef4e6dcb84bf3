// The seat map in two parts (layout once, availability live), each with an ETag and a 304 for an
// unchanged answer, and Cache-Control that lets a CDN share anonymous answers but not signed-in ones.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as seats } from "@/app/api/v1/services/[serviceId]/seats/route";
import { GET as layout } from "@/app/api/v1/services/[serviceId]/layout/route";
import { GET as availability } from "@/app/api/v1/services/[serviceId]/availability/route";
import { GET as search } from "@/app/api/v1/search/route";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { withAvailability } from "@/lib/schemas/booking";
import { dateInZone } from "@/lib/time/zoned";
import { apiUser, callRoute, ensureFares, newKey } from "./helpers";
import { createNet } from "./network";

beforeAll(ensureFares);

const ANONYMOUS = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;

describe("seat map in two parts", () => {
  it("layout plus availability is the full seat map, and availability follows the journey", async () => {
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
    const params = { serviceId: net.serviceId };
    const drawing = await callRoute(layout, { path: `/api/v1/services/${net.serviceId}/layout`, params });
    expect(drawing.status).toBe(200);
    expect(drawing.body.coaches[0].seats[4]).toEqual({ seatId: net.seat("7", 5), number: 5, berth: null, position: "WINDOW", row: 2, col: 1, bay: null, quota: "GENERAL" });

    const taken = await callRoute(availability, { path: `/api/v1/services/${net.serviceId}/availability?from=${a}&to=${c}`, params });
    expect(taken.body).toEqual({ serviceId: net.serviceId, from: a, to: c, taken: [{ coach: 1, seats: [5] }] });
    const whole = await callRoute(seats, { path: `/api/v1/services/${net.serviceId}/seats?from=${a}&to=${c}`, params });
    expect(withAvailability(drawing.body, taken.body)).toEqual(whole.body);

    // Sold A->B only: nothing is taken from B.
    const later = await callRoute(availability, { path: `/api/v1/services/${net.serviceId}/availability?from=${b}&to=${c}`, params });
    expect(later.body.taken).toEqual([]);
  });

  it("answers 404 for an unknown service's layout and 400 for a journey the train does not make", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const [a, , c] = net.codes;
    const missing = await callRoute(layout, { path: "/api/v1/services/nope/layout", params: { serviceId: "nope" } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    const backwards = await callRoute(availability, { path: `/api/v1/services/${net.serviceId}/availability?from=${c}&to=${a}`, params: { serviceId: net.serviceId } });
    expect(backwards.status).toBe(400);
  });

  it("answers 304 to If-None-Match while nothing changed, and a new ETag once a seat is sold", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 8 }] });
    const [a, , c] = net.codes;
    const params = { serviceId: net.serviceId };
    const path = `/api/v1/services/${net.serviceId}/availability?from=${a}&to=${c}`;
    const first = await callRoute(availability, { path, params });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);

    const again = await callRoute(availability, { path, params, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
    // A list of tags, one of them ours (and its strong form), matches too.
    expect((await callRoute(availability, { path, params, headers: { "if-none-match": `"other", ${etag.slice(2)}` } })).status).toBe(304);

    const user = await apiUser();
    const held = await callRoute(createBooking, {
      method: "POST",
      path: "/api/v1/bookings",
      body: { serviceId: net.serviceId, from: a, to: c, class: "SECOND", passengers: [{ name: "Ola", age: 30 }] },
      headers: { ...user.auth, "idempotency-key": newKey() },
    });
    expect(held.status).toBe(201);
    const changed = await callRoute(availability, { path, params, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(changed.body.taken).toHaveLength(1);

    const drawing = await callRoute(layout, { path: `/api/v1/services/${net.serviceId}/layout`, params });
    // Selling a seat does not change the layout.
    const stillSame = await callRoute(layout, { path: `/api/v1/services/${net.serviceId}/layout`, params, headers: { "if-none-match": drawing.headers.get("etag")! } });
    expect(stillSame.status).toBe(304);
  });

  it("lets a shared cache keep anonymous answers briefly, and keeps signed-in answers private", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const [a, , c] = net.codes;
    const params = { serviceId: net.serviceId };
    const user = await apiUser();
    const reads: { handler: typeof seats; path: string }[] = [
      { handler: availability, path: `/api/v1/services/${net.serviceId}/availability?from=${a}&to=${c}` },
      { handler: seats, path: `/api/v1/services/${net.serviceId}/seats?from=${a}&to=${c}` },
      { handler: layout, path: `/api/v1/services/${net.serviceId}/layout` },
      { handler: search as unknown as typeof seats, path: `/api/v1/search?from=${a}&to=${c}&date=${dateInZone(net.departsAt, "Europe/Warsaw")}` },
    ];
    for (const { handler, path } of reads) {
      const anonymous = await callRoute(handler, { path, params });
      expect(anonymous.status, path).toBe(200);
      expect(anonymous.headers.get("cache-control"), path).toMatch(ANONYMOUS);
      const signedIn = await callRoute(handler, { path, params, headers: user.auth });
      expect(signedIn.headers.get("cache-control"), path).toBe("private, no-cache");
    }
    // Availability stays live behind a CDN: at most 2 s old in all.
    const live = (await callRoute(availability, { path: reads[0]!.path, params })).headers.get("cache-control")!;
    const [, sMaxAge, swr] = /s-maxage=(\d+), stale-while-revalidate=(\d+)/.exec(live)!.map(Number);
    expect(sMaxAge! + swr!).toBeLessThanOrEqual(2);
  });

  it("keeps a 500-seat train's map small: availability a few bytes per sold seat, the layout cacheable", async () => {
    const net = await createNet({ coaches: Array.from({ length: 8 }, (_, i) => ({ label: String(i + 1), kind: "SEATED" as const, classCode: "SECOND", size: 64 })) });
    const [a, , c] = net.codes;
    const params = { serviceId: net.serviceId };
    const drawing = await callRoute(layout, { path: `/api/v1/services/${net.serviceId}/layout`, params });
    const seatCount = drawing.body.coaches.reduce((n: number, co: { seats: unknown[] }) => n + co.seats.length, 0);
    expect(seatCount).toBeGreaterThanOrEqual(500);
    const layoutBytes = gzipSync(JSON.stringify(drawing.body)).length;
    const emptyTrain = await callRoute(availability, { path: `/api/v1/services/${net.serviceId}/availability?from=${a}&to=${c}`, params });
    const full = await callRoute(seats, { path: `/api/v1/services/${net.serviceId}/seats?from=${a}&to=${c}`, params });
    expect(JSON.stringify(emptyTrain.body).length).toBeLessThan(200);
    // What a page pays the first time (both parts, gzipped as `next start` sends them) is within 20 KB.
    expect(layoutBytes + gzipSync(JSON.stringify(emptyTrain.body)).length).toBeLessThan(20_000);
    expect(JSON.stringify(full.body).length).toBeGreaterThan(JSON.stringify(drawing.body).length);
  });
});
