// The built-in answerer: no language model. It parses the question (lib/assistant/intent.ts),
// calls one tool (lib/assistant/tools.ts) and writes the answer from what the tool returned, in
// sentences fixed here. Where it cannot tell what was asked, it says so and what it can answer.
import "server-only";
import { formatMoney } from "@/lib/money";
import { longDateLabel, todayInZone } from "@/lib/time/zoned";
import type { AssistantLink, AssistantSource } from "@/lib/schemas/assistant";
import type { BookingView } from "@/lib/schemas/booking";
import { parseIntent, type Intent } from "@/lib/assistant/intent";
import { operatorTimeZone } from "@/lib/config";
import { bookingLinks, seatMapHref, searchHref } from "@/lib/assistant/links";
import { findTrains, myBooking, myBookings, policy, refundIfCancelledNow, seatStatus, vocabulary, type Asker } from "@/lib/assistant/tools";

export interface Reply {
  answer: string;
  sources: AssistantSource[];
  links: AssistantLink[];
}

const SIGN_IN = "Questions about bookings need you to be signed in: sign in, then ask again. Without signing in I can tell you about trains, seats and how our rules work.";
const CAPABILITIES =
  "I can tell you which trains run between two stations on a date (times, classes, seats left and fares), whether a given seat is free, " +
  "the status, seats, times and platform changes of your own booking by its reference (PNR), what you would get back if you cancelled it now, " +
  "your place on a waiting list, and how holds, payment, cancellation, refunds, the waiting list and chart time work.";

const time = (iso: string) => iso.slice(11, 16);
const reply = (answer: string, sources: AssistantSource[] = [], links: AssistantLink[] = []): Reply => ({ answer, sources, links });

function unknownBooking(pnr: string): Reply {
  return reply(`I cannot find a booking ${pnr} on your account. Check the reference on your e-ticket or in My bookings.`, [], [{ label: "My bookings", href: "/bookings" }]);
}

function seatsOf(b: BookingView): string {
  const seated = b.passengers.filter((p) => p.coach !== null && p.number !== null && p.status !== "WAITLISTED");
  if (seated.length === 0) return b.status === "WAITLISTED" ? "no seats yet" : "no seats";
  return seated.map((p) => `coach ${p.coach} seat ${p.number}${p.berth ? ` (${p.berth.toLowerCase().replace("_", " ")})` : ""}`).join(", ");
}

function describeBooking(b: BookingView): string {
  const status: Record<BookingView["status"], string> = {
    HELD: `held, not paid yet${b.holdExpiresAt ? ` (pay by ${new Date(b.holdExpiresAt).toISOString().slice(11, 16)} UTC)` : ""}`,
    CONFIRMED: "confirmed",
    WAITLISTED: b.waitlistPosition ? `on the waiting list, number ${b.waitlistPosition}` : "on the waiting list",
    CANCELLED: "cancelled",
    EXPIRED: "expired (the hold ran out before payment)",
  };
  return `Booking ${b.pnr} is ${status[b.status]}: ${b.train.number} ${b.train.name}, ${b.fromName} ${time(b.departure)} → ${b.toName} ${time(b.arrival)} on ${longDateLabel(b.departure.slice(0, 10))}, ${b.class.toLowerCase()} class, ${seatsOf(b)}.`;
}

async function answerIntent(intent: Intent, asker: Asker, now: Date): Promise<Reply> {
  switch (intent.kind) {
    case "who-holds":
      return reply("I cannot tell you who has booked or holds a seat: that is another passenger's private information. I can tell you whether a seat is free or taken.");
    case "action": {
      const what = { book: "book seats", pay: "take payments", cancel: "cancel bookings" }[intent.action];
      if (intent.action === "book") return reply(`I cannot ${what} for you, but the search page can: choose your train there, then your seats.`, [], [{ label: "Search for trains", href: "/" }]);
      if (!asker.userId) return reply(`I cannot ${what} for you. ${SIGN_IN}`, [], [{ label: "Sign in", href: "/signin" }]);
      if (!intent.pnr) return reply(`I cannot ${what} for you. Open the booking in My bookings and do it there.`, [], [{ label: "My bookings", href: "/bookings" }]);
      const found = await myBooking(asker, intent.pnr);
      if (found.value.kind !== "ok") return unknownBooking(intent.pnr);
      return reply(`I cannot ${what} for you. You can do it on the booking's page.`, found.sources, bookingLinks(found.value.booking));
    }
    case "refund": {
      if (!asker.userId) return reply(SIGN_IN, [], [{ label: "Sign in", href: "/signin" }]);
      if (!intent.pnr) return askWhichBooking(asker, "what you would get back if you cancelled it");
      const { value, sources } = await refundIfCancelledNow(asker, intent.pnr);
      if (value.kind !== "ok") return unknownBooking(intent.pnr);
      const q = value.quote;
      const refund = formatMoney(q.refund.amount, q.refund.currency);
      const links = [{ label: `Booking ${q.pnr}`, href: `/bookings/${q.pnr}` }];
      if (!q.cancellable) return reply(`Booking ${q.pnr} is ${q.status.toLowerCase()}, so there is nothing to cancel.`, sources, links);
      const why = {
        NOT_PAID: "It is not paid, so there is nothing to refund; cancelling would release the held seats.",
        SERVICE_CANCELLED: `The train was cancelled, so you would get everything back: ${refund}.`,
        WAITLISTED: `It has no seat yet, so you would get everything you paid back: ${refund}.`,
        NO_RULE: `It is too close to departure for a refund under our rules: you would get back ${refund}.`,
        PAID_FARE_RULE: `If you cancelled now you would get back ${refund}${q.rule ? ` (${q.rule.refundBasisPoints / 100}% of each fare, ${q.rule.minHoursBefore} hours or more before departure${q.rule.fee.amount > 0 ? `, less a ${formatMoney(q.rule.fee.amount, q.rule.fee.currency)} fee per passenger` : ""})` : ""}.`,
      }[q.reason];
      return reply(`${why} That is a quote: nothing has been cancelled. To cancel, use the button on the booking's page.`, sources, links);
    }
    case "waitlist": {
      if (!asker.userId) return reply(SIGN_IN, [], [{ label: "Sign in", href: "/signin" }]);
      const bookings = intent.pnr ? await myBooking(asker, intent.pnr) : null;
      if (bookings && bookings.value.kind !== "ok") return unknownBooking(intent.pnr!);
      const list = bookings && bookings.value.kind === "ok" ? { value: { kind: "ok" as const, bookings: [bookings.value.booking] }, sources: bookings.sources } : await myBookings(asker, 100);
      if (list.value.kind !== "ok") return reply(SIGN_IN);
      const waiting = list.value.bookings.filter((b) => b.status === "WAITLISTED");
      if (waiting.length === 0) {
        const b = intent.pnr ? list.value.bookings[0] : undefined;
        return reply(b ? `Booking ${b.pnr} is not on a waiting list: it is ${b.status.toLowerCase()}.` : "None of your bookings is on a waiting list.", b ? list.sources : [], b ? bookingLinks(b) : []);
      }
      const lines = waiting.map((b) => `${b.pnr} (${b.train.number}, ${b.fromName} → ${b.toName}, ${b.departure.slice(0, 10)}): ${b.waitlistPosition ? `number ${b.waitlistPosition} in the queue` : "waiting"}${b.holdExpiresAt ? `, not paid yet (only paid places get seats)` : ""}.`);
      return reply(`On the waiting list: ${lines.join(" ")}`, waiting.map((b) => ({ type: "booking" as const, id: b.pnr })), waiting.flatMap(bookingLinks));
    }
    case "booking": {
      if (!asker.userId) return reply(SIGN_IN, [], [{ label: "Sign in", href: "/signin" }]);
      if (!intent.pnr) return askWhichBooking(asker, "its status");
      const { value, sources } = await myBooking(asker, intent.pnr);
      if (value.kind !== "ok") return unknownBooking(intent.pnr);
      const u = value.updates;
      const extra: string[] = [];
      if (u?.status === "CANCELLED") extra.push("The train has been cancelled by the operator.");
      else if (u?.status === "DELAYED") extra.push(`The train is running about ${u.delayMinutes} minutes late.`);
      for (const p of u?.platforms ?? []) extra.push(`${p.station}: platform ${p.platform}.`);
      const platformNews = (u?.updates ?? []).filter((x) => x.kind === "PLATFORM").map((x) => x.text);
      if (platformNews.length > 0 && (u?.platforms.length ?? 0) === 0) extra.push(...platformNews);
      return reply([describeBooking(value.booking), ...extra].join(" "), sources, bookingLinks(value.booking));
    }
    case "seat":
      return answerSeat(intent, now);
    case "trains":
      return answerTrains(intent, now);
    case "policy": {
      const { value, sources } = await policy(intent.topic);
      return reply(value.lines.join(" "), sources);
    }
    case "help":
      return reply(`Hello! ${CAPABILITIES}`);
    case "unknown":
      return reply(`I could not tell what you are asking, so I will not guess. ${CAPABILITIES} For example: "Trains from Gdańsk to Kraków tomorrow", "Is seat 12 in coach 7 free on EIC 5300 on Friday?" or "How do refunds work?"`);
  }
}

async function askWhichBooking(asker: Asker, what: string): Promise<Reply> {
  const { value, sources } = await myBookings(asker);
  if (value.kind !== "ok" || value.bookings.length === 0) return reply(`You have no bookings yet, so I cannot tell you ${what}.`);
  const list = value.bookings.map((b) => `${b.pnr} (${b.train.number}, ${b.fromName} → ${b.toName}, ${b.departure.slice(0, 10)}, ${b.status.toLowerCase()})`).join("; ");
  return reply(`Which booking? Give me its reference (PNR) and I will tell you ${what}. Your latest: ${list}.`, sources, [{ label: "My bookings", href: "/bookings" }]);
}

async function answerSeat(intent: Extract<Intent, { kind: "seat" }>, now: Date): Promise<Reply> {
  const missing: string[] = [];
  if (!intent.trainNumber) missing.push("the train number (for example EIC 5300)");
  if (intent.seat === null) missing.push("the seat number");
  if (missing.length > 0) return reply(`To check a seat I need ${missing.join(" and ")}, the date, and ideally your stations and the coach.`);
  const date = intent.date?.date ?? todayInZone(operatorTimeZone(), now);
  const { value, sources } = await seatStatus({ trainNumber: intent.trainNumber!, date, coach: intent.coach, seat: intent.seat!, from: intent.from, to: intent.to });
  switch (value.kind) {
    case "no-service":
      return reply(`${value.trainNumber} does not run${intent.from && intent.to ? ` from ${intent.from.name} to ${intent.to.name}` : ""} on ${longDateLabel(date)} (or has already left).`, [], [searchLink(intent, date)].filter((l) => l !== null));
    case "no-seat":
      return reply(`${value.trainNumber} has no seat ${value.seat}${value.coach ? ` in coach ${value.coach}` : ""}. Its coaches are ${value.coaches.join(", ")}.`, sources);
    case "which-coach":
      return reply(`${value.trainNumber} has a seat ${value.seat} in coaches ${value.coaches.join(", ")}. Which coach?`, sources);
    case "seat": {
      const journey = intent.from && intent.to ? `from ${intent.from.name} to ${intent.to.name}` : "for the train's whole run";
      const verdict = value.free ? "is free" : "is taken";
      return reply(
        `Seat ${value.seat} in coach ${value.coach} (${value.seatClass.toLowerCase()} class) on ${value.trainNumber} on ${longDateLabel(date)} ${verdict} ${journey}, as of now. Seats are only yours once held; choose it on the seat map.`,
        sources,
        [{ label: `Seat map of ${value.trainNumber}`, href: seatMapHref(value.serviceId, value.from, value.to) }],
      );
    }
  }
}

function searchLink(intent: { from?: { code: string }; to?: { code: string } }, date: string): AssistantLink | null {
  return intent.from && intent.to ? { label: "Search these trains", href: searchHref(intent.from.code, intent.to.code, date) } : null;
}

async function answerTrains(intent: Extract<Intent, { kind: "trains" }>, now: Date): Promise<Reply> {
  if (!intent.from || !intent.to) {
    const named = intent.from ?? intent.to;
    return reply(`To list trains I need both stations${named ? ` (I understood ${named.name})` : ""}, for example "from Gdańsk to Kraków tomorrow".`, named ? [{ type: "station", id: named.code }] : []);
  }
  if (intent.from.code === intent.to.code) return reply(`${intent.from.name} is both the start and the end of that journey. Which two stations do you mean?`);
  const date = intent.date?.date ?? todayInZone(operatorTimeZone(), now);
  const { value, sources } = await findTrains(intent.from, intent.to, date);
  const services = intent.trainNumber ? value.services.filter((s) => s.trainNumber === intent.trainNumber) : value.services;
  const on = `on ${longDateLabel(date)}${intent.date ? "" : " (today)"}`;
  const search = { label: `All trains ${value.from.name} → ${value.to.name}`, href: searchHref(value.from.code, value.to.code, date) };
  if (services.length === 0) {
    return reply(`No ${intent.trainNumber ? `${intent.trainNumber} ` : ""}train${intent.trainNumber ? "" : "s"} from ${value.from.name} to ${value.to.name} ${on} that can still be booked.`, sources.filter((s) => s.type === "station"), [search]);
  }
  const lines = services.slice(0, 8).map((s) => {
    const classes = s.classes.map((c) => `${c.className} ${c.available} left from ${formatMoney(c.fare.amount, c.fare.currency)}`).join(", ");
    const state = s.status === "CANCELLED" ? " CANCELLED" : s.delayMinutes > 0 ? ` (running ${s.delayMinutes} min late)` : "";
    return `${s.trainNumber} ${s.trainName}: ${time(s.departure)} → ${time(s.arrival)}${state}${s.platform ? `, platform ${s.platform}` : ""}; ${classes || "no seats on sale"}.`;
  });
  const more = services.length > 8 ? ` And ${services.length - 8} more.` : "";
  const links = [...services.slice(0, 8).map((s) => ({ label: `${s.trainNumber} ${time(s.departure)} seats`, href: seatMapHref(s.serviceId, value.from.code, value.to.code) })), search];
  const shown = new Set(services.slice(0, 8).map((s) => s.serviceId));
  return reply(`Trains from ${value.from.name} to ${value.to.name} ${on} (local times): ${lines.join(" ")}${more}`, sources.filter((s) => s.type !== "service" || shown.has(s.id)), links);
}

/** Answers `message` for `asker` without a model. */
export async function builtInAnswer(message: string, asker: Asker, now = new Date()): Promise<Reply> {
  const words = await vocabulary();
  return answerIntent(parseIntent(message, { ...words, now }), asker, now);
}
