// Shared pieces for the booking tests: signed-in API callers, route calls with path parameters,
// fares, and a network departing in the future.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { uniqueSuffix } from "../helpers/factories";
import { createMiniNetwork } from "../helpers/network-fixture";

export const SECOND_FARE = { baseMinor: 1500, perKmMinor: 28, minMinor: 2500 };

/**
 * Reference rows several test files need at once. INSERT ... ON CONFLICT DO NOTHING, because an
 * upsert (read, then insert) run by two files at the same moment fails on the unique key.
 */
export async function ensureClass(code: string, sortOrder = 5): Promise<void> {
  await db().travelClass.createMany({ data: [{ code, name: code, sortOrder }], skipDuplicates: true });
}

export async function ensureQuota(code: string): Promise<void> {
  await db().quota.createMany({ data: [{ code, name: code }], skipDuplicates: true });
}

/**
 * A fare for a class (the seed brings real ones). Two files racing here may both add one; they are
 * identical, so whichever the booking picks prices the same.
 */
export async function ensureFare(classCode: string, fare: { baseMinor: number; perKmMinor: number; minMinor: number }, currency = "PLN"): Promise<void> {
  await ensureClass(classCode);
  if (!(await db().fareRate.findFirst({ where: { classCode, validTo: null } }))) {
    await db().fareRate.create({ data: { classCode, ...fare, currency, validFrom: new Date("2020-01-01") } });
  }
}

/** The SECOND class fare the tests price with. Safe to call from every file. */
export async function ensureFares(): Promise<void> {
  await ensureFare("SECOND", SECOND_FARE);
}

export interface ApiUser {
  id: string;
  role: Role;
  auth: Record<string, string>;
}

/**
 * A user with a live API token, as a client that called POST /auth/token would have. No password
 * (these users never sign in with one), which keeps hundreds of them cheap for the rush tests.
 */
export async function apiUser(role: Role = "PASSENGER"): Promise<ApiUser> {
  const user = await db().user.create({ data: { email: `booker-${uniqueSuffix()}-${randomUUID()}@example.test`, name: "Booking Tester", passwordHash: "!", role } });
  const token = randomBytes(32).toString("base64url");
  await db().apiToken.create({
    data: { userId: user.id, tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { id: user.id, role, auth: { authorization: `Bearer ${token}` } };
}

export function daysAhead(days: number, hourUtc = 8): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

/** A -> B -> C (100 km, then 150 km) with one coach of `seats` seats, departing `days` from now. */
export async function futureNetwork(seats: number, days = 5) {
  const departsAt = daysAhead(days);
  return createMiniNetwork({ departsAt, serviceDate: departsAt.toISOString().slice(0, 10), seats });
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface Called<T> {
  status: number;
  headers: Headers;
  body: T;
}

export async function callRoute<T = any, P = Record<string, string>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  handler: Handler<P>,
  options: { method?: string; path: string; params?: P; body?: unknown; headers?: Record<string, string> },
): Promise<Called<T>> {
  const headers: Record<string, string> = { ...(options.body !== undefined ? { "content-type": "application/json" } : {}), ...options.headers };
  const request = new Request(`http://localhost${options.path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

export function newKey(): string {
  return randomUUID();
}

/** Moves a hold's end into the past, as if its minutes had run out. */
export async function lapseHold(pnr: string): Promise<void> {
  const past = new Date(Date.now() - 1000);
  const booking = await db().booking.update({ where: { pnr }, data: { holdExpiresAt: past } });
  await db().seatAllocation.updateMany({ where: { passenger: { bookingId: booking.id } }, data: { expiresAt: past } });
}

export async function eventsOf(pnr: string) {
  return db().bookingEvent.findMany({ where: { booking: { pnr } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
