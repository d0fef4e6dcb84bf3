// Ask RailBook without a model (LLM_BASE_URL unset): every question kind and ordinary rephrasings,
// answered through POST /api/v1/assistant from live data on real PostgreSQL; the privacy rules;
// the input rules; the rate limit.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as assistant } from "@/app/api/v1/assistant/route";
import { db } from "@/lib/db";
import { LIMITS } from "@/lib/limits/limiter";
import { holdMinutes } from "@/lib/booking/clock";
import { chartHoursBefore } from "@/lib/booking/waitlist/queue";
import { PEER_HEADER } from "@/lib/net/client-address";
import { longDateLabel } from "@/lib/time/zoned";
import { apiUser, callRoute, type ApiUser } from "../booking/helpers";
import { askNetwork, book, localDate, type AskNet } from "./fixtures";

delete process.env.LLM_BASE_URL;

let net: AskNet;
let alice: ApiUser; // has seat 3 tomorrow, Świnoujście -> Zielona Góra
let bob: ApiUser;
let alicePnr: string;

function someAddress(): string {
  return `198.51.100.${randomInt(1, 255)}`;
}

async function ask(message: unknown, user?: ApiUser | null, extra: Record<string, unknown> = {}, address = someAddress()) {
  return callRoute(assistant, { method: "POST", path: "/api/v1/assistant", body: { message, ...extra }, headers: { [PEER_HEADER]: address, ...(user ? user.auth : {}) } });
}

async function answer(message: string, user?: ApiUser | null): Promise<{ answer: string; sources: { type: string; id: string }[]; links: { href: string }[] }> {
  const res = await ask(message, user);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.answeredBy).toBe("built-in");
  return res.body;
}

beforeAll(async () => {
  net = await askNetwork();
  [alice, bob] = await Promise.all([apiUser(), apiUser()]);
  alicePnr = await book(alice, net.services[1], { seats: [await net.seatId(net.services[1], 3)], passengers: ["Zofia Nowak"] });
});

describe("trains between stations on a date", () => {
  it("lists times, classes, seats left and fares, with or without Polish letters", async () => {
    for (const question of [
      "Which trains go from Swinoujscie to Zielona Gora tomorrow?",
      `trains Świnoujście → Zielona Góra Główna on ${localDate(1)}`,
      "Is there a connection between świnoujście and zielona góra tomorrow?",
      "SWQ to ZGQ tomorrow",
    ]) {
      const res = await answer(question);
      expect(res.answer, question).toContain(net.trainNumber);
      expect(res.answer).toContain("Zielona Góra Główna");
      expect(res.answer).toContain("10:00 → 11:58");
      // Seat 3 is Alice's for this journey: 7 of 8 left, at 1000 + 10 * 200 = 3000 (CZK 30.00).
      expect(res.answer).toMatch(/ASKCLASS 7 left from CZK\s?30\.00/);
      expect(res.sources).toContainEqual({ type: "service", id: net.services[1] });
      expect(res.sources).toContainEqual({ type: "station", id: "SWQ" });
      expect(res.links.map((l) => l.href)).toContain(`/services/${net.services[1]}?from=SWQ&to=ZGQ`);
    }
  });

  it("reads a weekday as the coming one, and says when nothing runs", async () => {
    const weekday = new Date(`${localDate(3)}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
    const res = await answer(`What trains run from Swinoujscie to Czestochowa on ${weekday}?`);
    expect(res.answer).toContain(longDateLabel(localDate(3)));
    expect(res.answer).toContain(net.trainNumber);
    expect(res.answer).toMatch(/CZK\s?55\.00/);

    const none = await answer(`Trains from Świnoujście to Zielona Góra on ${localDate(2)}`);
    expect(none.answer).toContain("No trains from Świnoujście to Zielona Góra Główna");
    expect(none.sources.some((s) => s.type === "service")).toBe(false);
  });

  it("asks for the missing station instead of guessing", async () => {
    const res = await answer("trains to Zielona Góra tomorrow");
    expect(res.answer).toContain("I need both stations");
    expect(res.answer).toContain("Zielona Góra Główna");
  });
});

describe("whether a seat is free", () => {
  it("says taken or free for the journey asked about, and never whose it is", async () => {
    const taken = await answer(`Is seat 3 in coach 7 free on ${net.trainNumber} tomorrow from Świnoujście to Zielona Góra?`, bob);
    expect(taken.answer).toContain("Seat 3 in coach 7");
    expect(taken.answer).toContain("is taken");
    expect(taken.answer).not.toContain("Zofia");
    expect(taken.answer).not.toContain(alicePnr);
    expect(taken.sources).toContainEqual({ type: "seat", id: await net.seatId(net.services[1], 3) });
    expect(taken.sources.some((s) => s.type === "booking")).toBe(false);

    const free = await answer(`coach 7 seat 4 on ${net.trainNumber.replace(" ", "")} ${localDate(1)}, Swinoujscie to Zielona Gora: available?`);
    expect(free.answer).toContain("is free");
    // The same seat is free after Alice gets off: segments, not whole trains.
    const later = await answer(`is seat 3 coach 7 on ${net.trainNumber} tomorrow from Zielona Góra to Częstochowa free`);
    expect(later.answer).toContain("is free");
  });

  it("names what it needs or what does not exist", async () => {
    expect((await answer("Is seat 12 free tomorrow?")).answer).toContain("the train number");
    expect((await answer(`Is seat 40 in coach 7 on ${net.trainNumber} tomorrow free?`)).answer).toContain("has no seat 40 in coach 7");
    expect((await answer(`Is seat 3 in coach 7 on ${net.trainNumber} on ${localDate(2)} free?`)).answer).toContain("does not run");
  });
});

describe("the asker's own booking", () => {
  it("gives status, seats, times and platform changes for the owner", async () => {
    const serviceStation = await db().station.findUniqueOrThrow({ where: { code: "SWQ" } });
    await db().servicePlatform.upsert({
      where: { serviceId_stationId: { serviceId: net.services[1], stationId: serviceStation.id } },
      create: { serviceId: net.services[1], stationId: serviceStation.id, platform: "4" },
      update: { platform: "4" },
    });
    for (const question of [`What is the status of booking ${alicePnr}?`, `${alicePnr.toLowerCase()} platform?`, `tell me about my booking ${alicePnr}`]) {
      const res = await answer(question, alice);
      expect(res.answer, question).toContain(`Booking ${alicePnr} is confirmed`);
      expect(res.answer).toContain("coach 7 seat 3");
      expect(res.answer).toContain("Świnoujście 10:00 → Zielona Góra Główna 11:58");
      expect(res.answer).toContain("Świnoujście: platform 4");
      expect(res.sources).toContainEqual({ type: "booking", id: alicePnr });
      expect(res.links.map((l) => l.href)).toContain(`/bookings/${alicePnr}`);
    }
  });

  it("treats another person's PNR exactly like one that does not exist", async () => {
    const theirs = await answer(`What is the status of booking ${alicePnr}?`, bob);
    const none = await answer("What is the status of booking ZZZZZZZZZZ?", bob);
    expect(theirs.answer).toBe(none.answer.replace("ZZZZZZZZZZ", alicePnr));
    expect(theirs.answer).toContain("cannot find");
    expect(theirs.answer).not.toContain("Zofia");
    expect(theirs.sources).toEqual([]);
    // Nor through the refund or the waiting list.
    expect((await answer(`how much would I get back if I cancel ${alicePnr} now?`, bob)).answer).toContain("cannot find");
    expect((await answer(`what is my position on the waiting list for ${alicePnr}`, bob)).answer).toContain("cannot find");
  });

  it("asks which booking when no PNR is given, listing the asker's own", async () => {
    const res = await answer("What's the status of my booking?", alice);
    expect(res.answer).toContain("Which booking?");
    expect(res.answer).toContain(alicePnr);
    const bobs = await answer("What's the status of my booking?", bob);
    expect(bobs.answer).not.toContain(alicePnr);
  });
});

describe("the refund if cancelled now", () => {
  it("quotes the refund rules' amount without cancelling", async () => {
    const pnr = await book(alice, net.services[3], { from: "ZGQ", to: "CZQ", passengers: ["Zofia Nowak"] });
    // 250 km: 1000 + 10 * 250 = 3500; 48 h or more ahead: floor(3500 * 0.8) - 300 = 2500.
    for (const question of [`What would I get back if I cancelled ${pnr} now?`, `refund for ${pnr} if I cancel?`, `If I cancel booking ${pnr} how much money back?`]) {
      const res = await answer(question, alice);
      expect(res.answer, question).toMatch(/get back CZK\s?25\.00 \(80% of each fare, 48 hours or more before departure, less a CZK\s?3\.00 fee per passenger\)/);
      expect(res.answer).toContain("nothing has been cancelled");
      expect(res.links.map((l) => l.href)).toContain(`/bookings/${pnr}`);
    }
    expect((await db().booking.findUniqueOrThrow({ where: { pnr } })).status).toBe("CONFIRMED");
  });
});

describe("the waiting list", () => {
  it("gives the asker's own position", async () => {
    const [x, y, carol, dave] = await Promise.all([apiUser(), apiUser(), apiUser(), apiUser()]);
    await book(x, net.services[3], { passengers: ["A", "B", "C", "D", "E", "F"] });
    await book(y, net.services[3], { passengers: ["G", "H"] });
    await book(carol, net.services[3], { joinWaitlist: true, pay: false });
    const davePnr = await book(dave, net.services[3], { joinWaitlist: true, pay: false });

    for (const question of ["Where am I on the waiting list?", `what is my waitlist position for ${davePnr}`, "how many people are ahead of me in the queue?"]) {
      const res = await answer(question, dave);
      expect(res.answer, question).toContain(`${davePnr} (${net.trainNumber}`);
      expect(res.answer).toContain("number 2 in the queue");
      expect(res.answer).toContain("not paid yet");
    }
    expect((await answer("Where am I on the waiting list?", alice)).answer).toBe("None of your bookings is on a waiting list.");
  });
});

describe("how the rules work", () => {
  it("explains each from the settings and rules the app applies", async () => {
    expect((await answer("How long are seats held?")).answer).toContain(`holds them for ${holdMinutes()} minutes`);
    expect((await answer("how does payment work")).answer).toContain(`within the ${holdMinutes()} minutes`);
    expect((await answer("How do I cancel my booking?", alice)).answer).toContain("cancel a held, confirmed or waiting-list booking yourself on its booking page");
    const refunds = await answer("How do refunds work?");
    // The CZK rules this file wrote, read back as the cancellation applies them.
    expect(refunds.answer).toMatch(/48 hours or more before departure: 80% of each fare back, less a CZK\s?3\.00 fee per passenger \(CZK\)\./);
    expect(refunds.answer).toContain("From 12 hours up to 48 hours before departure: 40% of each fare back (CZK).");
    expect(refunds.answer).toContain("Less than 12 hours before departure: nothing back (CZK).");
    expect(refunds.sources).toEqual([{ type: "policy", id: "refunds" }]);
    expect((await answer("what is the waiting list?")).answer).toContain(`${chartHoursBefore()} hours before it leaves its first station`);
    expect((await answer("When is the chart prepared?")).answer).toContain(`prepared ${chartHoursBefore()} hours before`);
  });

  it("follows the settings when they change, as the booking engine does", async () => {
    const saved = { hold: process.env.HOLD_MINUTES, chart: process.env.CHART_HOURS_BEFORE };
    try {
      process.env.HOLD_MINUTES = "17";
      process.env.CHART_HOURS_BEFORE = "6";
      expect(holdMinutes()).toBe(17);
      expect((await answer("how long is a hold?")).answer).toContain("holds them for 17 minutes");
      expect((await answer("When is the chart prepared?")).answer).toContain("prepared 6 hours before");
    } finally {
      for (const [key, value] of [["HOLD_MINUTES", saved.hold], ["CHART_HOURS_BEFORE", saved.chart]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

describe("privacy, signing in and acting", () => {
  it("never says who holds a seat", async () => {
    for (const question of [`Who reserved seat 3 in coach 7 on ${net.trainNumber} tomorrow?`, "whose seat is 3 in coach 7?", "What is the name of the passenger in seat 3?"]) {
      const res = await answer(question, bob);
      expect(res.answer, question).toContain("I cannot tell you who has booked or holds a seat");
      expect(res.answer).not.toContain("Zofia");
      expect(res.sources).toEqual([]);
    }
  });

  it("signed out, answers public questions only and says booking questions need signing in", async () => {
    for (const question of [`What is the status of booking ${alicePnr}?`, "Where am I on the waiting list?", `refund for ${alicePnr} if I cancel now?`]) {
      const res = await answer(question, null);
      expect(res.answer, question).toContain("need you to be signed in");
      expect(res.answer).not.toContain("Zofia");
      expect(res.sources).toEqual([]);
    }
    expect((await answer("Which trains go from Swinoujscie to Zielona Gora tomorrow?", null)).answer).toContain(net.trainNumber);
  });

  it("never books, pays or cancels: it links to the page that does", async () => {
    const res = await answer(`Cancel my booking ${alicePnr}`, alice);
    expect(res.answer).toContain("I cannot cancel bookings for you");
    expect(res.links.map((l) => l.href)).toContain(`/bookings/${alicePnr}`);
    expect((await db().booking.findUniqueOrThrow({ where: { pnr: alicePnr } })).status).toBe("CONFIRMED");
    const booking = await answer(`Book me a seat on ${net.trainNumber} tomorrow`, alice);
    expect(booking.answer).toContain("I cannot book seats for you");
    expect(booking.links).toEqual([{ label: "Search for trains", href: "/" }]);
  });

  it("says plainly what it cannot answer", async () => {
    const res = await answer("What's the weather like in Paris?");
    expect(res.answer).toContain("I could not tell what you are asking");
    expect(res.sources).toEqual([]);
  });
});

describe("the contract", () => {
  it("keeps a given conversationId and makes one otherwise", async () => {
    const first = await ask("hello");
    expect(first.body.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await ask("hello", null, { conversationId: first.body.conversationId })).body.conversationId).toBe(first.body.conversationId);
  });

  it("refuses bad input with 400 VALIDATION_FAILED", async () => {
    for (const [message, extra] of [["", {}], ["   ", {}], ["x".repeat(2001), {}], [42, {}], ["hi\u202e", {}], ["hi", { conversationId: "../../etc" }]] as const) {
      const res = await ask(message, null, extra);
      expect(res.status, JSON.stringify(message).slice(0, 20)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect((await ask("x".repeat(2000))).status).toBe(200);
  });

  it("answers 429 RATE_LIMITED past the limit, per address signed out and per account signed in", async () => {
    const address = someAddress().replace("198.51.100", "203.0.113");
    for (let i = 0; i < LIMITS.assistant.points; i++) expect((await ask("hello", null, {}, address)).status).toBe(200);
    const limited = await ask("hello", null, {}, address);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address, and a signed-in asker from the same address, have limits of their own.
    expect((await ask("hello", null)).status).toBe(200);
    const carol = await apiUser();
    expect((await ask("hello", carol, {}, address)).status).toBe(200);
  });
});
