// The assistant's tools over the domain: the same lib/ reads the pages use, each scoped to the
// person asking. Both answerers (built-in and model) call only these, and answer only from what
// they return. What a tool returns is safe to show the asker: a taken seat is just "taken" (no
// booking, no name), another person's PNR is indistinguishable from one that does not exist, and
// booking tools answer nothing signed out.
import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listStations } from "@/lib/stations/list-stations";
import { searchServices, type SearchResult } from "@/lib/search/search-services";
import { seatMap } from "@/lib/booking/seat-map";
import { listOwnBookings, ownBookingView } from "@/lib/booking/booking-view";
import { refundQuoteFor } from "@/lib/booking/cancel-booking";
import { serviceUpdatesFor, type ServiceUpdates } from "@/lib/booking/service-updates";
import type { BookingView, RefundQuoteView } from "@/lib/schemas/booking";
import type { StationOption } from "@/lib/schemas/search";
import type { AssistantSource } from "@/lib/schemas/assistant";
import { policyFacts, type PolicyFacts } from "@/lib/assistant/policy";
import type { PolicyTopic } from "@/lib/assistant/policy-topics";

export interface Asker {
  userId: string | null;
}

export interface Sourced<T> {
  value: T;
  sources: AssistantSource[];
}

export type Signed<T> = { kind: "signed-out" } | { kind: "unknown-booking"; pnr: string } | ({ kind: "ok" } & T);

const source = (type: AssistantSource["type"], id: string): AssistantSource => ({ type, id });
const notFound = (error: unknown) => isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED");

/** Stations and train numbers the parser matches against (a few dozen rows each). */
export async function vocabulary(): Promise<{ stations: StationOption[]; trainNumbers: string[] }> {
  const [stations, trains] = await Promise.all([listStations(), db().train.findMany({ select: { number: true } })]);
  return { stations, trainNumbers: trains.map((t) => t.number) };
}

export async function findTrains(from: StationOption, to: StationOption, date: string): Promise<Sourced<SearchResult>> {
  const result = await searchServices({ from: from.code, to: to.code, date, passengers: 1 });
  return { value: result, sources: [source("station", from.code), source("station", to.code), ...result.services.map((s) => source("service", s.serviceId))] };
}

export type SeatAnswer =
  | { kind: "no-service"; trainNumber: string; date: string }
  | { kind: "no-seat"; trainNumber: string; coach: string | null; seat: number; coaches: string[] }
  | { kind: "which-coach"; trainNumber: string; seat: number; coaches: string[] }
  | { kind: "seat"; serviceId: string; trainNumber: string; date: string; from: string; to: string; coach: string; seat: number; seatClass: string; free: boolean };

interface ServiceRef {
  serviceId: string;
  from: string;
  to: string;
}

/** The service of a train on a date: boarding there when stations are given (search's own rule), else its whole run. */
async function serviceOf(trainNumber: string, date: string, from?: StationOption, to?: StationOption): Promise<ServiceRef | null> {
  if (from && to) {
    try {
      const found = (await searchServices({ from: from.code, to: to.code, date, passengers: 1 })).services.find((s) => s.trainNumber === trainNumber);
      if (found) return { serviceId: found.serviceId, from: from.code, to: to.code };
    } catch (error) {
      if (!notFound(error)) throw error;
    }
    return null;
  }
  const service = await db().service.findFirst({
    where: { train: { number: trainNumber }, serviceDate: new Date(`${date}T00:00:00Z`) },
    select: { id: true, train: { select: { stops: { orderBy: { sequence: "asc" }, select: { station: { select: { code: true } } } } } } },
  });
  const stops = service?.train.stops ?? [];
  if (!service || stops.length < 2) return null;
  return { serviceId: service.id, from: stops[0]!.station.code, to: stops.at(-1)!.station.code };
}

/** Whether one seat is free for a journey: free or taken, and nothing about whoever has it. */
export async function seatStatus(input: { trainNumber: string; date: string; coach: string | null; seat: number; from?: StationOption; to?: StationOption }): Promise<Sourced<SeatAnswer>> {
  const ref = await serviceOf(input.trainNumber, input.date, input.from, input.to);
  if (!ref) return { value: { kind: "no-service", trainNumber: input.trainNumber, date: input.date }, sources: [] };
  const map = await seatMap(ref.serviceId, { from: ref.from, to: ref.to });
  const coaches = map.coaches.map((c) => c.coach);
  const matches = map.coaches
    .filter((c) => input.coach === null || c.coach.toUpperCase() === input.coach.toUpperCase())
    .flatMap((c) => c.seats.filter((s) => s.number === input.seat).map((s) => ({ coach: c, seat: s })));
  const services = [source("service", ref.serviceId)];
  if (matches.length === 0) return { value: { kind: "no-seat", trainNumber: input.trainNumber, coach: input.coach, seat: input.seat, coaches }, sources: services };
  if (matches.length > 1) return { value: { kind: "which-coach", trainNumber: input.trainNumber, seat: input.seat, coaches: matches.map((m) => m.coach.coach) }, sources: services };
  const { coach, seat } = matches[0]!;
  return {
    value: { kind: "seat", serviceId: ref.serviceId, trainNumber: input.trainNumber, date: input.date, from: ref.from, to: ref.to, coach: coach.coach, seat: seat.number, seatClass: coach.class, free: seat.available },
    sources: [...services, source("seat", seat.seatId)],
  };
}

export interface BookingFacts {
  booking: BookingView;
  updates: ServiceUpdates | null;
}

/** The asker's own booking with what changed about its train; anyone else's PNR is unknown. */
export async function myBooking(asker: Asker, pnr: string): Promise<Sourced<Signed<BookingFacts>>> {
  if (!asker.userId) return { value: { kind: "signed-out" }, sources: [] };
  try {
    const [booking, updates] = await Promise.all([ownBookingView(db(), asker.userId, pnr), serviceUpdatesFor(db(), asker.userId, pnr)]);
    return { value: { kind: "ok", booking, updates }, sources: [source("booking", booking.pnr), source("service", booking.serviceId)] };
  } catch (error) {
    if (notFound(error)) return { value: { kind: "unknown-booking", pnr }, sources: [] };
    throw error;
  }
}

/** What cancelling the asker's booking now would refund, by the rules cancelling applies; cancels nothing. */
export async function refundIfCancelledNow(asker: Asker, pnr: string): Promise<Sourced<Signed<{ quote: RefundQuoteView }>>> {
  if (!asker.userId) return { value: { kind: "signed-out" }, sources: [] };
  try {
    const quote = await refundQuoteFor(db(), asker.userId, pnr);
    return { value: { kind: "ok", quote }, sources: [source("booking", quote.pnr), source("policy", "refunds")] };
  } catch (error) {
    if (notFound(error)) return { value: { kind: "unknown-booking", pnr }, sources: [] };
    throw error;
  }
}

/** The asker's recent bookings (newest first), for "my booking" without a PNR and "where am I on the waiting list". */
export async function myBookings(asker: Asker, limit = 5): Promise<Sourced<Signed<{ bookings: BookingView[] }>>> {
  if (!asker.userId) return { value: { kind: "signed-out" }, sources: [] };
  const bookings = await listOwnBookings(db(), asker.userId, { limit });
  return { value: { kind: "ok", bookings }, sources: bookings.map((b) => source("booking", b.pnr)) };
}

export async function policy(topic: PolicyTopic): Promise<Sourced<PolicyFacts>> {
  return { value: await policyFacts(topic), sources: [source("policy", topic)] };
}
