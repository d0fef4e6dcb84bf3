// Pieces the operations tests share: a train of their own, bookings made and paid through the real
// booking API (so holds, payments, allocations and events are exactly what passengers create), an
// admin actor, and a payment provider that counts the refunds it is asked for.
//
// Prices are in CHF with a class of their own: no other test file writes CHF fares or refund
// rules, so what these tests expect cannot be changed by files running alongside.
import { expect } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { POST as cancelOwn } from "@/app/api/v1/bookings/[pnr]/cancel/route";
import { db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/actor";
import { paymentProvider } from "@/lib/payments";
import type { PaymentProvider, RefundRequest } from "@/lib/payments/provider";
import { apiUser, callRoute, daysAhead, ensureFare, newKey, type ApiUser } from "../booking/helpers";
import { createNet, type Net } from "../booking/network";

export const OPS_CLASS = "OPSCLASS";
export const OPS_CURRENCY = "CHF";
/** 100 km costs 2000, 150 km 2500, the whole 250 km 3500. */
export const OPS_FARE = { baseMinor: 1000, perKmMinor: 10, minMinor: 0 };

export async function ensureOpsPricing(): Promise<void> {
  await ensureFare(OPS_CLASS, OPS_FARE, OPS_CURRENCY);
}

/** A -> B -> C with one coach of `seats` seats in the operations class. */
export async function opsNet(options: { seats?: number; departsAt?: Date } = {}): Promise<Net> {
  await ensureOpsPricing();
  return createNet({ departsAt: options.departsAt ?? daysAhead(5), coaches: [{ label: "5", kind: "SEATED", classCode: OPS_CLASS, size: options.seats ?? 12 }] });
}

export async function adminActor(): Promise<UserActor & { user: ApiUser }> {
  const user = await apiUser("ADMIN");
  return { userId: user.id, role: "ADMIN", user };
}

/** Holds seats from stop `from` to stop `to` (0, 1, 2 = A, B, C) and pays unless told not to. */
export async function book(user: ApiUser, net: Net, options: { from?: number; to?: number; passengers?: number; names?: string[]; pay?: boolean } = {}): Promise<string> {
  const from = options.from ?? 0;
  const to = options.to ?? 2;
  const held = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: {
      serviceId: net.serviceId,
      from: net.codes[from],
      to: net.codes[to],
      class: OPS_CLASS,
      passengers: Array.from({ length: options.names?.length ?? options.passengers ?? 1 }, (_, i) => ({ name: options.names?.[i] ?? `Pasażer ${i + 1}`, age: 30 + i })),
    },
    headers: { ...user.auth, "idempotency-key": newKey() },
  });
  expect(held.status, JSON.stringify(held.body)).toBe(201);
  const pnr = held.body.pnr as string;
  if (options.pay ?? true) {
    const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: "4242424242424242" }, headers: { ...user.auth, "idempotency-key": newKey() } });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  }
  return pnr;
}

export async function cancelAsPassenger(user: ApiUser, pnr: string): Promise<void> {
  const res = await callRoute(cancelOwn, { method: "POST", path: `/api/v1/bookings/${pnr}/cancel`, params: { pnr }, headers: user.auth });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Wraps the sandbox and records every refund request (a retried transaction may ask twice with one key). */
export function countingProvider(): PaymentProvider & { requests: RefundRequest[] } {
  const inner = paymentProvider();
  const requests: RefundRequest[] = [];
  return {
    name: inner.name,
    requests,
    charge: (request) => inner.charge(request),
    refund: async (request) => {
      requests.push(request);
      return inner.refund(request);
    },
  };
}

export async function bookingByPnr(pnr: string) {
  return db().booking.findUniqueOrThrow({ where: { pnr }, include: { refunds: true, passengers: true } });
}

/** Seats of the service still occupied by anyone (the live-allocation predicate of decision 001). */
export async function liveAllocations(serviceId: string): Promise<number> {
  return db().seatAllocation.count({ where: { serviceId, releasedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
}

/** Moves the service's departure into the past, as if the train had left. */
export async function departNow(serviceId: string): Promise<void> {
  await db().service.update({ where: { id: serviceId }, data: { departsAt: new Date(Date.now() - 60_000) } });
}
