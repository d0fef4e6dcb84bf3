// The built-in answerer's slot parsing, on its own: dates, stations, train numbers, seats, PNRs.
import { describe, expect, it } from "vitest";
import { parseDate } from "@/lib/assistant/dates";
import { findStations, journeyOf } from "@/lib/assistant/station-names";
import { findCoachAndSeat, findPnr, findTrainNumber, parseIntent } from "@/lib/assistant/intent";
import { STATIONS } from "@/prisma/seed";

// Thursday 3 December 2026, 23:30 in Warsaw (22:30 UTC): "today" is still the 3rd there.
const NOW = new Date("2026-12-03T22:30:00Z");
const stations = STATIONS.map((s) => ({ code: s.code, name: s.name, city: s.city }));

describe("dates", () => {
  it.each([
    ["on 2026-12-24", "2026-12-24"],
    ["today", "2026-12-03"],
    ["tomorrow morning", "2026-12-04"],
    ["the day after tomorrow", "2026-12-05"],
    ["jutro", "2026-12-04"],
    ["on Friday", "2026-12-04"],
    ["on thursday", "2026-12-03"],
    ["next thursday", "2026-12-10"],
    ["monday", "2026-12-07"],
    ["24 December", "2026-12-24"],
    ["jan 2", "2027-01-02"],
    ["on 6.01", "2027-01-06"],
  ])("%s -> %s", (text, date) => {
    expect(parseDate(text, NOW)?.date).toBe(date);
  });

  it("finds no date where there is none, and refuses impossible ones", () => {
    expect(parseDate("is seat 12 in coach 7 free", NOW)).toBeNull();
    expect(parseDate("on 2026-02-30", NOW)).toBeNull();
  });
});

describe("stations", () => {
  const codes = (text: string) => findStations(text, stations).map((m) => m.station.code);
  it("matches names with or without Polish letters, cities, aliases and codes in capitals", () => {
    expect(codes("from Gdańsk Wrzeszcz to Łódź")).toEqual(["GDW", "LDF"]);
    expect(codes("gdansk to krakow")).toEqual(["GDG", "KRK"]);
    expect(codes("Warsaw to Cracow")).toEqual(["WCE", "KRK"]);
    expect(codes("warsaw east to lwow")).toEqual(["WWS", "LVV"]);
    expect(codes("POZ to WRO")).toEqual(["POZ", "WRO"]);
    expect(codes("z Gdańska do Krakowa")).toEqual(["GDG", "KRK"]);
    // "poz" and "to" in lower case are words, not codes.
    expect(codes("i want to go to the sea")).toEqual([]);
  });

  it("tells the departure from the arrival", () => {
    expect(journeyOf("to Kraków from Gdańsk", stations)).toMatchObject({ from: { code: "GDG" }, to: { code: "KRK" } });
    expect(journeyOf("between Poznań and Toruń", stations)).toMatchObject({ from: { code: "POZ" }, to: { code: "TOR" } });
  });
});

describe("train numbers, seats and PNRs", () => {
  const trains = ["EIC 5300", "TLK 53170", "EIC 530"];
  it("finds them as people type them", () => {
    expect(findTrainNumber("is EIC 5300 late", trains)).toBe("EIC 5300");
    expect(findTrainNumber("on eic5300?", trains)).toBe("EIC 5300");
    expect(findTrainNumber("tlk-53170", trains)).toBe("TLK 53170");
    expect(findTrainNumber("EIC 530 tomorrow", trains)).toBe("EIC 530");
    expect(findTrainNumber("EIC 53001", trains)).toBeNull();
    expect(findCoachAndSeat("seat 12 in coach 7")).toEqual({ coach: "7", seat: 12 });
    expect(findCoachAndSeat("car no. 3, place 41")).toEqual({ coach: "3", seat: 41 });
    expect(findCoachAndSeat("7/12")).toEqual({ coach: "7", seat: 12 });
    expect(findPnr("booking HEN5A5E5QA please")).toBe("HEN5A5E5QA");
    expect(findPnr("hen5a5e5qa")).toBe("HEN5A5E5QA");
    expect(findPnr("departures")).toBeNull(); // ten PNR letters, but a word
  });

  it("puts privacy before everything", () => {
    const context = { stations, trainNumbers: trains, now: NOW };
    expect(parseIntent("who booked seat 12 in coach 7 on EIC 5300?", context).kind).toBe("who-holds");
    expect(parseIntent("kto siedzi na miejscu 12?", context).kind).toBe("who-holds");
    expect(parseIntent("who can join the waiting list?", context)).toEqual({ kind: "policy", topic: "waitlist" });
    expect(parseIntent("Is seat 12 in coach 7 free on EIC 5300 tomorrow?", context)).toMatchObject({ kind: "seat", trainNumber: "EIC 5300", coach: "7", seat: 12, date: { date: "2026-12-04" } });
    expect(parseIntent("how do refunds work", context)).toEqual({ kind: "policy", topic: "refunds" });
    expect(parseIntent("cancel HEN5A5E5QA", context)).toMatchObject({ kind: "action", action: "cancel", pnr: "HEN5A5E5QA" });
  });
});
