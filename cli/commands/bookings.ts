// book, pay, show, bookings, cancel, ticket: the caller's own bookings over /bookings. Writes that
// create something carry a fresh Idempotency-Key, as the API asks.
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { show, type Context } from "../context";
import { usage } from "../errors";
import { askYesNo } from "../prompts";
import { resolveJourney } from "../stations";
import { bookingLine, bookingText, money, type Booking, type Money } from "../format";
import { fetchSeatMap } from "./travel";

export interface BookOptions {
  from: string;
  to: string;
  class: string;
  passenger: string[];
  seat?: string[];
  quota?: string;
  wait?: boolean;
}

const BERTHS = ["NONE", "LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER", "WINDOW", "AISLE"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Ala Nowak,34" or "Ala Nowak,34,LOWER". */
export function parsePassenger(text: string): { name: string; age: number; berthPreference?: string } {
  const parts = text.split(",").map((p) => p.trim());
  const [name, ageText, berth] = parts;
  if (parts.length < 2 || parts.length > 3 || !name || !ageText || !/^\d{1,3}$/.test(ageText)) {
    throw usage(`--passenger takes "Name,Age[,BERTH]" (e.g. "Ala Nowak,34,LOWER"), not "${text}".`);
  }
  if (berth !== undefined && !BERTHS.includes(berth.toUpperCase())) throw usage(`Berth "${berth}" is not one of ${BERTHS.join(", ")}.`);
  return { name, age: Number(ageText), ...(berth ? { berthPreference: berth.toUpperCase() } : {}) };
}

/** Seat ids as the API takes them; "COACH/NUMBER" (what `railbook seats` shows) is looked up on the seat map. */
async function seatIds(ctx: Context, serviceId: string, from: string, to: string, seats: string[]): Promise<string[]> {
  if (seats.every((s) => UUID.test(s))) return seats;
  const { map } = await fetchSeatMap(ctx, serviceId, from, to);
  return seats.map((s) => {
    if (UUID.test(s)) return s;
    const match = /^([^/]+)\/(\d+)$/.exec(s.trim());
    const seat = match && map.coaches.find((c) => c.coach === match[1])?.seats.find((x) => x.number === Number(match[2]));
    if (!seat) throw usage(`No seat "${s}" on this train: use COACH/NUMBER from railbook seats, or a seat id.`);
    return seat.seatId;
  });
}

export async function book(ctx: Context, serviceId: string, options: BookOptions): Promise<Booking> {
  const passengers = options.passenger.map(parsePassenger);
  if (passengers.length < 1 || passengers.length > 6) throw usage("Give 1 to 6 passengers with --passenger.");
  const seats = options.seat ?? [];
  if (seats.length > 0 && seats.length !== passengers.length) throw usage(`Give one --seat per passenger (${passengers.length}), in passenger order, or none.`);
  const { from, to } = await resolveJourney(ctx.api, options.from, options.to);
  const ids = seats.length ? await seatIds(ctx, serviceId, from, to, seats) : [];
  const body = {
    serviceId,
    from,
    to,
    class: options.class,
    ...(options.quota ? { quota: options.quota } : {}),
    ...(options.wait ? { joinWaitlist: true } : {}),
    passengers: passengers.map((p, i) => ({ ...p, ...(ids[i] ? { seatId: ids[i] } : {}) })),
  };
  const answer = await ctx.api.request<Booking>("POST", "/bookings", { body, idempotencyKey: randomUUID() });
  const b = answer.body;
  show(ctx, answer, () => `${bookingText(b)}\n${b.status === "HELD" ? `Pay with: railbook pay ${b.pnr} --card NUMBER` : "You will be told when seats come free; pay then."}`);
  return b;
}

export async function pay(ctx: Context, pnr: string, options: { card: string }): Promise<void> {
  const answer = await ctx.api.request<{ booking: Booking; payment: { amount: number; currency: string; cardLast4: string } }>(
    "POST", `/bookings/${encodeURIComponent(pnr)}/payment`, { body: { cardNumber: options.card }, idempotencyKey: randomUUID() },
  );
  const { booking, payment } = answer.body;
  show(ctx, answer, () => `Paid ${money(payment)} with the card ending ${payment.cardLast4}.\n${bookingText(booking)}\nTicket: railbook ticket ${booking.pnr} --out ${booking.pnr}.pdf`);
}

export async function showBooking(ctx: Context, pnr: string): Promise<Booking> {
  const answer = await ctx.api.request<Booking>("GET", `/bookings/${encodeURIComponent(pnr)}`);
  show(ctx, answer, () => bookingText(answer.body));
  return answer.body;
}

export async function listBookings(ctx: Context): Promise<Booking[]> {
  const answer = await ctx.api.request<{ bookings: Booking[] }>("GET", "/bookings");
  show(ctx, answer, () => (answer.body.bookings.length ? answer.body.bookings.map(bookingLine).join("\n") : "No bookings yet. Find a train with: railbook search FROM TO"));
  return answer.body.bookings;
}

interface RefundQuote {
  cancellable: boolean;
  status: string;
  refund: Money;
  reason: string;
}

export async function cancel(ctx: Context, pnr: string, options: { yes?: boolean }): Promise<void> {
  const quote = (await ctx.api.request<RefundQuote>("GET", `/bookings/${encodeURIComponent(pnr)}/cancel`)).body;
  // One the server says cannot be cancelled is not asked about: the server answers with its reason.
  if (!options.yes && quote.cancellable) {
    if (!ctx.json) console.log(`Cancelling ${pnr.toUpperCase()} gives back ${money(quote.refund)}.`);
    if (!(await askYesNo(ctx, "Cancel this booking?", "--yes"))) {
      console.log("Nothing changed: the booking stands.");
      return;
    }
  }
  const answer = await ctx.api.request<{ booking: Booking; refund: Money }>("POST", `/bookings/${encodeURIComponent(pnr)}/cancel`);
  show(ctx, answer, () => `Cancelled ${answer.body.booking.pnr}; refund ${money(answer.body.refund)}.`);
}

export async function ticket(ctx: Context, pnr: string, options: { out: string }): Promise<void> {
  const pdf = await ctx.api.bytes(`/bookings/${encodeURIComponent(pnr.toUpperCase())}/ticket.pdf`);
  const file = path.resolve(options.out);
  await writeFile(file, pdf);
  // The API's answer is the PDF itself; --json says where it went instead.
  if (ctx.json) process.stdout.write(`${JSON.stringify({ pnr: pnr.toUpperCase(), file, bytes: pdf.byteLength })}\n`);
  else console.log(`Saved the ticket for ${pnr.toUpperCase()} to ${file} (${pdf.byteLength} bytes).`);
}
