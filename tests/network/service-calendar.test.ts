import { describe, expect, it } from "vitest";
import { addDaysIso, datesBetween, departureInstant, isIsoDate, isoWeekday } from "@/lib/services/service-calendar";
import { dateInZone } from "@/lib/time/zoned";
import { rideMinutes, stopTimes } from "@/lib/services/stop-times";

describe("departureInstant", () => {
  it("keeps 23:30 on the Warsaw clock across the October change (last Sunday, 2026-10-25)", () => {
    expect(departureInstant("2026-10-24", 23 * 60 + 30, "Europe/Warsaw").toISOString()).toBe("2026-10-24T21:30:00.000Z");
    expect(departureInstant("2026-10-25", 23 * 60 + 30, "Europe/Warsaw").toISOString()).toBe("2026-10-25T22:30:00.000Z");
  });

  it("keeps 23:30 across the March change (2027-03-28)", () => {
    expect(departureInstant("2027-03-27", 23 * 60 + 30, "Europe/Warsaw").toISOString()).toBe("2027-03-27T22:30:00.000Z");
    expect(departureInstant("2027-03-28", 23 * 60 + 30, "Europe/Warsaw").toISOString()).toBe("2027-03-28T21:30:00.000Z");
  });

  it("uses the origin's own zone: Vilnius is UTC+2 in winter, UTC+3 in summer", () => {
    expect(departureInstant("2026-12-01", 7 * 60, "Europe/Vilnius").toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect(departureInstant("2027-07-01", 7 * 60, "Europe/Vilnius").toISOString()).toBe("2027-07-01T04:00:00.000Z");
  });

  it("runs minutes past midnight into the next day's wall clock, even across a year end", () => {
    expect(departureInstant("2026-12-31", 24 * 60 + 10, "Europe/Warsaw").toISOString()).toBe("2026-12-31T23:10:00.000Z");
    // Across the October change: 00:30 on the 25th is still summer time (UTC+2).
    expect(departureInstant("2026-10-24", 24 * 60 + 30, "Europe/Warsaw").toISOString()).toBe("2026-10-24T22:30:00.000Z");
  });

  it("moves a time in the spring-forward gap forward by the gap", () => {
    expect(departureInstant("2027-03-28", 2 * 60 + 30, "Europe/Warsaw").toISOString()).toBe("2027-03-28T01:30:00.000Z");
  });

  it("rejects impossible dates and minutes", () => {
    expect(() => departureInstant("2026-02-30", 0, "Europe/Warsaw")).toThrow(RangeError);
    expect(() => departureInstant("2026-02-01", -1, "Europe/Warsaw")).toThrow(RangeError);
    expect(() => departureInstant("2026-02-01", 2880, "Europe/Warsaw")).toThrow(RangeError);
  });
});

describe("calendar dates", () => {
  it("counts, steps and names weekdays of plain dates", () => {
    expect(datesBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(datesBetween("2027-01-02", "2027-01-01")).toEqual([]);
    expect(addDaysIso("2028-02-28", 1)).toBe("2028-02-29");
    expect(isoWeekday("2026-11-23")).toBe(1); // a Monday
    expect(isoWeekday("2026-11-22")).toBe(7); // a Sunday
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
  });

});

describe("stopTimes", () => {
  const departsAt = new Date("2026-11-23T20:55:00Z"); // 21:55 in Kraków
  it("is the origin departure plus the stop's offsets, with no arrival at the origin", () => {
    expect(stopTimes(departsAt, { arrivalOffsetMinutes: null, departureOffsetMinutes: 0 })).toEqual({ arrival: null, departure: departsAt });
    const lviv = stopTimes(departsAt, { arrivalOffsetMinutes: 395, departureOffsetMinutes: null });
    expect(lviv).toEqual({ arrival: new Date("2026-11-24T03:30:00Z"), departure: null });
    expect(dateInZone(lviv.arrival!, "Europe/Kyiv")).toBe("2026-11-24");
  });

  it("adds the service's delay to both times", () => {
    const times = stopTimes(departsAt, { arrivalOffsetMinutes: 130, departureOffsetMinutes: 135 }, 25);
    expect(times.arrival!.toISOString()).toBe("2026-11-23T23:30:00.000Z");
    expect(times.departure!.toISOString()).toBe("2026-11-23T23:35:00.000Z");
  });

  it("measures the ride between two calls", () => {
    expect(rideMinutes({ arrivalOffsetMinutes: null, departureOffsetMinutes: 0 }, { arrivalOffsetMinutes: 140, departureOffsetMinutes: null })).toBe(140);
    expect(() => rideMinutes({ arrivalOffsetMinutes: 10, departureOffsetMinutes: null }, { arrivalOffsetMinutes: 20, departureOffsetMinutes: null })).toThrow();
  });
});
