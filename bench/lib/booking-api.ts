// What a simulated passenger sends: a booking and a payment, each with its own Idempotency-Key,
// exactly as docs and the OpenAPI document describe the API.
import { randomUUID } from "node:crypto";
import type { BenchUser } from "./accounts";
import type { Answer, HttpClient } from "./http";

export const TEST_CARD = "4242424242424242";

export interface BookingRequest {
  serviceId: string;
  from: string;
  to: string;
  class: string;
  passengers: { name: string; age: number; seatId?: string }[];
}

export function passengers(count: number, seatIds?: string[]): BookingRequest["passengers"] {
  return Array.from({ length: count }, (_, i) => ({ name: `Passenger ${i + 1}`, age: 20 + i, ...(seatIds ? { seatId: seatIds[i] } : {}) }));
}

export function book(http: HttpClient, user: BenchUser, body: BookingRequest): Promise<Answer> {
  return http.request("POST", "/api/v1/bookings", { body, headers: { authorization: user.authorization, "idempotency-key": randomUUID() } });
}

export function pay(http: HttpClient, user: BenchUser, pnr: string): Promise<Answer> {
  return http.request("POST", `/api/v1/bookings/${pnr}/payment`, {
    body: { cardNumber: TEST_CARD },
    headers: { authorization: user.authorization, "idempotency-key": randomUUID() },
  });
}

export function pnrOf(answer: Answer): string {
  return (answer.body as { pnr: string }).pnr;
}

/** A small seeded generator (mulberry32): the same run asks for the same parties and segments. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A random journey along the route: two stops, the first before the second. */
export function randomSegment(route: string[], random: () => number): { from: string; to: string } {
  const a = Math.floor(random() * (route.length - 1));
  const b = a + 1 + Math.floor(random() * (route.length - 1 - a));
  return { from: route[a]!, to: route[b]! };
}
