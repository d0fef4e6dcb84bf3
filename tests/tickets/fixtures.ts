// A paid booking for the ticket tests: held and paid through the real routes, on a network of its
// own (A -> B -> C, one coach), so the ticket it yields is the one a passenger would see.
import { expect } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { ownBookingView } from "@/lib/booking/booking-view";
import { db } from "@/lib/db";
import type { BookingView } from "@/lib/schemas/booking";
import { apiUser, callRoute, daysAhead, ensureFare, newKey, type ApiUser } from "../booking/helpers";
import { createNet, type Net } from "../booking/network";

export const CLASS = "TKTCLASS";
export const FARE = { baseMinor: 1000, perKmMinor: 10, minMinor: 0 }; // 250 km: 3500 EUR minor

export async function ticketNet(seats = 8, days = 3): Promise<Net> {
  await ensureFare(CLASS, FARE, "EUR");
  return createNet({ departsAt: daysAhead(days), coaches: [{ label: "7", kind: "SEATED", classCode: CLASS, size: seats }] });
}

export async function paidBooking(net: Net, names: string[], user?: ApiUser): Promise<{ user: ApiUser; pnr: string; view: () => Promise<BookingView> }> {
  const owner = user ?? (await apiUser());
  const held = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId: net.serviceId, from: net.codes[0], to: net.codes[2], class: CLASS, passengers: names.map((name) => ({ name, age: 40 })) },
    headers: { ...owner.auth, "idempotency-key": newKey() },
  });
  expect(held.status, JSON.stringify(held.body)).toBe(201);
  const pnr = held.body.pnr as string;
  const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: "4242424242424242" }, headers: { ...owner.auth, "idempotency-key": newKey() } });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return { user: owner, pnr, view: () => ownBookingView(db(), owner.id, pnr) };
}
