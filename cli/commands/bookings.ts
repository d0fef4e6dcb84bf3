// book, pay, show, bookings, cancel (a booking or one passenger), exchange, ticket: the caller's own bookings over /bookings. Writes that
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
  together?: boolean;
}

const BERTHS = ["NONE", "LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER", "WINDOW", "AISLE"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CONCESSION = /^[A-Za-z0-9_]{2,30}$/;

/**
 * "Ala Nowak,34", "Ala Nowak,34,LOWER", "Ola Nowak,20,STUDENT" or "Ola Nowak,20,WINDOW,STUDENT": after
 * the age, a berth preference and/or a concession code (railbook concessions lists them); the server
 * says whether the concession applies.
 */
export function parsePassenger(text: string): { name: string; age: number; berthPreference?: string; concession?: string } {
  const parts = text.split(",").map((p) => p.trim());
  const [name, ageText, ...rest] = parts;
  if (parts.length < 2 || parts.length > 4 || !name || !ageText || !/^\d{1,3}$/.test(ageText)) {
    throw usage(`--passenger takes "Name,Age[,BERTH][,CONCESSION]" (e.g. "Ala Nowak,34,LOWER" or "Ola Nowak,20,STUDENT"), not "${text}".`);
  }
  let berth: string | undefined;
  let concession: string | undefined;
  for (const part of rest) {
    const upper = part.toUpperCase();
    if (BERTHS.includes(upper) && berth === undefined && concession === undefined) berth = upper;
    else if (CONCESSION.test(part) && concession === undefined && !BERTHS.includes(upper)) concession = upper;
    else throw usage(`"${part}" is neither a berth (${BERTHS.join(", ")}) nor a concession code: railbook concessions lists them.`);
  }
  return { name, age: Number(ageText), ...(berth ? { berthPreference: berth } : {}), ...(concession ? { concession } : {}) };
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
    ...(options.together ? { together: true } : {}),
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

/** Cancels the booking, or with `passenger` only that passenger (their place 1..6 on the booking); shows the refund and asks first. */
export async function cancel(ctx: Context, pnr: string, options: { yes?: boolean; passenger?: string }): Promise<void> {
  const one = options.passenger;
  if (one !== undefined && !/^[1-6]$/.test(one)) throw usage(`--passenger takes the passenger's number on the booking, 1 to 6 (railbook show ${pnr} lists them), not "${one}".`);
  const base = `/bookings/${encodeURIComponent(pnr)}${one ? `/passengers/${one}` : ""}/cancel`;
  const quote = (await ctx.api.request<RefundQuote & { name?: string; wholeBooking?: boolean }>("GET", base)).body;
  // One the server says cannot be cancelled is not asked about: the server answers with its reason.
  if (!options.yes && quote.cancellable) {
    const what = one ? `${quote.name} off ${pnr.toUpperCase()}${quote.wholeBooking ? " (the last one travelling: the whole booking)" : ""}` : pnr.toUpperCase();
    if (!ctx.json) console.log(`Cancelling ${what} gives back ${money(quote.refund)}.`);
    if (!(await askYesNo(ctx, one ? "Cancel this passenger?" : "Cancel this booking?", "--yes"))) {
      console.log("Nothing changed: the booking stands.");
      return;
    }
  }
  const answer = await ctx.api.request<{ booking: Booking; refund: Money; passenger?: { name: string }; wholeBooking?: boolean }>("POST", base);
  const { booking, refund, passenger, wholeBooking } = answer.body;
  show(ctx, answer, () =>
    passenger && !wholeBooking
      ? `${passenger.name} cancelled from ${booking.pnr}; refund ${money(refund)}. Get the new ticket: railbook ticket ${booking.pnr} --out ${booking.pnr}.pdf`
      : `Cancelled ${booking.pnr}; refund ${money(refund)}.`,
  );
}

export interface ExchangeOptions {
  service: string;
  from?: string;
  to?: string;
  class?: string;
  quota?: string;
  seat?: string[];
  card?: string;
  yes?: boolean;
}

interface ExchangeQuote {
  exchangeable: boolean;
  refusal: { code: string; message: string } | null;
  cardNeeded: boolean;
  price: { newFare: Money; fee: Money; credit: Money; difference: Money } | null;
}

/** Moves a paid booking to another train (and, if given, other stations or class); shows the price of the change and asks first. */
export async function exchange(ctx: Context, pnr: string, options: ExchangeOptions): Promise<void> {
  const current = (await ctx.api.request<Booking>("GET", `/bookings/${encodeURIComponent(pnr)}`)).body;
  const { from, to } = await resolveJourney(ctx.api, options.from ?? current.from, options.to ?? current.to);
  const target = { serviceId: options.service, from, to, class: (options.class ?? current.class).toUpperCase(), ...(options.quota ? { quota: options.quota } : {}) };
  const ids = options.seat?.length ? await seatIds(ctx, options.service, from, to, options.seat) : [];
  const quote = (await ctx.api.request<ExchangeQuote>("GET", `/bookings/${encodeURIComponent(pnr)}/exchange?${new URLSearchParams(target)}`)).body;
  if (quote.exchangeable && quote.price && !options.yes) {
    const d = quote.price.difference;
    if (!ctx.json) {
      console.log(`New fare ${money(quote.price.newFare)}, fee ${money(quote.price.fee)}, already paid ${money(quote.price.credit)}:`);
      console.log(d.amount > 0 ? `  ${money(d)} to pay${options.card ? "" : " (give --card NUMBER)"}` : d.amount < 0 ? `  ${money({ ...d, amount: -d.amount })} back to your card` : "  nothing to pay");
    }
    if (!(await askYesNo(ctx, "Change the booking?", "--yes"))) {
      console.log("Nothing changed: the booking stands.");
      return;
    }
  }
  // A refused quote is not asked about: the exchange itself answers with the server's reason.
  const body = { ...target, ...(ids.length ? { seatIds: ids } : {}), ...(options.card ? { cardNumber: options.card } : {}) };
  const answer = await ctx.api.request<{ booking: Booking; price: { difference: Money }; payment: { cardLast4: string } | null; refund: Money | null }>(
    "POST", `/bookings/${encodeURIComponent(pnr)}/exchange`, { body, idempotencyKey: randomUUID() },
  );
  const { booking, payment, refund, price } = answer.body;
  show(ctx, answer, () => {
    const settled = payment ? `Paid ${money(price.difference)} with the card ending ${payment.cardLast4}.` : refund ? `${money(refund)} is refunded to your card.` : "Nothing to pay.";
    return `Changed. ${settled}\n${bookingText(booking)}\nYour earlier ticket is void; get the new one: railbook ticket ${booking.pnr} --out ${booking.pnr}.pdf`;
  });
}

export async function ticket(ctx: Context, pnr: string, options: { out: string }): Promise<void> {
  const pdf = await ctx.api.bytes(`/bookings/${encodeURIComponent(pnr.toUpperCase())}/ticket.pdf`);
  const file = path.resolve(options.out);
  await writeFile(file, pdf);
  // The API's answer is the PDF itself; --json says where it went instead.
  if (ctx.json) process.stdout.write(`${JSON.stringify({ pnr: pnr.toUpperCase(), file, bytes: pdf.byteLength })}\n`);
  else console.log(`Saved the ticket for ${pnr.toUpperCase()} to ${file} (${pdf.byteLength} bytes).`);
}
