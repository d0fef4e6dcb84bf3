// The waiting-list tests' story pieces: a train of their own (class WLCLASS priced in SEK, which no
// other test file writes fares or refund rules for), passengers who book, join the waiting list,
// pay and cancel through the real route handlers, and the two cron routes.
import { expect } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { GET as getBooking } from "@/app/api/v1/bookings/[pnr]/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { POST as cancel } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { POST as sweep } from "@/app/api/cron/expire-holds/route";
import { POST as prepareCharts } from "@/app/api/cron/prepare-charts/route";
import { db } from "@/lib/db";
import { apiUser, callRoute, daysAhead, ensureFare, newKey, type ApiUser, type Called } from "../booking/helpers";
import { createNet, type Net } from "../booking/network";

export const WL_CLASS = "WLCLASS";
export const WL_CURRENCY = "SEK";
/** The whole 250 km A -> C costs 3500; A -> B (100 km) 2000; B -> C (150 km) 2500. */
export const WL_FARE = { baseMinor: 1000, perKmMinor: 10, minMinor: 0 };
export const CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";

/** Services the current test created: the invariants are checked on them after each test. */
export const touched = new Set<string>();

export async function ensureWaitlistPricing(): Promise<void> {
  await ensureFare(WL_CLASS, WL_FARE, WL_CURRENCY);
}

/** A -> B -> C with one coach of `seats` seats of WLCLASS. */
export async function wlNet(options: { seats?: number; departsAt?: Date } = {}): Promise<Net> {
  await ensureWaitlistPricing();
  const net = await createNet({ departsAt: options.departsAt ?? daysAhead(5), coaches: [{ label: "W", kind: "SEATED", classCode: WL_CLASS, size: options.seats ?? 4 }] });
  touched.add(net.serviceId);
  return net;
}

export interface Trip {
  from?: number; // stop index: 0, 1, 2 = A, B, C
  to?: number;
  passengers?: number;
  seats?: number[]; // seat numbers in coach W, one per passenger
  joinWaitlist?: boolean;
}

export function bookingBody(net: Net, trip: Trip = {}) {
  const n = trip.seats?.length ?? trip.passengers ?? 1;
  return {
    serviceId: net.serviceId,
    from: net.codes[trip.from ?? 0],
    to: net.codes[trip.to ?? 2],
    class: WL_CLASS,
    passengers: Array.from({ length: n }, (_, i) => ({ name: `Pasażer ${i + 1}`, age: 30 + i, ...(trip.seats ? { seatId: net.seat("W", trip.seats[i]!) } : {}) })),
    ...(trip.joinWaitlist ? { joinWaitlist: true } : {}),
  };
}

export function post(user: ApiUser, net: Net, trip: Trip = {}): Promise<Called<any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return callRoute(createBooking, { method: "POST", path: "/api/v1/bookings", body: bookingBody(net, trip), headers: { ...user.auth, "idempotency-key": newKey() } });
}

export function payFor(user: ApiUser, pnr: string, card = CARD) {
  return callRoute(pay, { method: "POST", path: `/api/v1/bookings/${pnr}/payment`, params: { pnr }, body: { cardNumber: card }, headers: { ...user.auth, "idempotency-key": newKey() } });
}

export function cancelOf(user: ApiUser, pnr: string) {
  return callRoute(cancel, { method: "POST", path: `/api/v1/bookings/${pnr}/cancel`, params: { pnr }, headers: user.auth });
}

export function view(user: ApiUser, pnr: string) {
  return callRoute(getBooking, { path: `/api/v1/bookings/${pnr}`, params: { pnr }, headers: user.auth });
}

/** Cancels, and fails the test unless the cancellation went through. */
export async function cancelled(user: ApiUser, pnr: string) {
  const res = await cancelOf(user, pnr);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
}

/** A paid, confirmed booking (fails the test otherwise). */
export async function confirmed(net: Net, trip: Trip = {}, user?: ApiUser): Promise<{ user: ApiUser; pnr: string }> {
  const who = user ?? (await apiUser());
  const held = await post(who, net, trip);
  expect(held.status, JSON.stringify(held.body)).toBe(201);
  expect(held.body.status).toBe("HELD");
  const paid = await payFor(who, held.body.pnr);
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return { user: who, pnr: held.body.pnr };
}

/** A waiting-list place, paid unless told not to. */
export async function waiting(net: Net, trip: Trip = {}, options: { pay?: boolean } = {}): Promise<{ user: ApiUser; pnr: string; position: number }> {
  const user = await apiUser();
  const joined = await post(user, net, { ...trip, joinWaitlist: true });
  expect(joined.status, JSON.stringify(joined.body)).toBe(201);
  expect(joined.body.status).toBe("WAITLISTED");
  if (options.pay ?? true) {
    const paid = await payFor(user, joined.body.pnr);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  }
  return { user, pnr: joined.body.pnr, position: joined.body.waitlistPosition };
}

async function cronCall(handler: typeof sweep, path: string) {
  const admin = await apiUser("ADMIN");
  const res = await callRoute(handler, { method: "POST", path, headers: admin.auth });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export const runSweep = () => cronCall(sweep, "/api/cron/expire-holds");
export const runCharts = () => cronCall(prepareCharts, "/api/cron/prepare-charts");

export async function statusOf(pnr: string) {
  const b = await db().booking.findUniqueOrThrow({ where: { pnr }, include: { waitlist: true, passengers: { include: { allocations: { where: { releasedAt: null } } } } } });
  return { status: b.status, entry: b.waitlist?.status ?? null, seats: b.passengers.flatMap((p) => p.allocations.map((a) => a.serviceSeatId)) };
}

/** The seat numbers (coach W) a booking holds now. */
export async function seatNumbers(pnr: string): Promise<number[]> {
  const rows = await db().seatAllocation.findMany({ where: { releasedAt: null, passenger: { booking: { pnr } } }, include: { seat: true } });
  return rows.map((r) => r.seat.number).sort((a, b) => a - b);
}
