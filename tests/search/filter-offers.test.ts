import { describe, expect, it } from "vitest";
import { filterOffers, inTimeOfDay, localMinutes } from "@/lib/search/filter-offers";

const offer = (departure: string, classes: string[]) => ({ departure, classes: classes.map((c) => ({ class: c })) });

describe("search filters", () => {
  it("reads the boarding station's local clock from the offset-carrying time", () => {
    expect(localMinutes("2026-11-23T06:05:00+01:00")).toBe(365);
    expect(localMinutes("2026-07-01T23:59:00+03:00")).toBe(1439);
  });

  it("puts each departure in one part of the day, night wrapping midnight", () => {
    expect(inTimeOfDay("2026-11-23T05:00:00+01:00", "morning")).toBe(true);
    expect(inTimeOfDay("2026-11-23T11:59:00+01:00", "morning")).toBe(true);
    expect(inTimeOfDay("2026-11-23T12:00:00+01:00", "morning")).toBe(false);
    expect(inTimeOfDay("2026-11-23T12:00:00+01:00", "afternoon")).toBe(true);
    expect(inTimeOfDay("2026-11-23T21:59:00+01:00", "evening")).toBe(true);
    expect(inTimeOfDay("2026-11-23T22:18:00+01:00", "night")).toBe(true);
    expect(inTimeOfDay("2026-11-24T00:07:00+01:00", "night")).toBe(true);
    expect(inTimeOfDay("2026-11-24T04:59:00+01:00", "night")).toBe(true);
    expect(inTimeOfDay("2026-11-24T04:59:00+01:00", "morning")).toBe(false);
  });

  it("filters by class offered and time of day together", () => {
    const offers = [offer("2026-11-23T06:05:00+01:00", ["FIRST", "SECOND"]), offer("2026-11-23T13:47:00+01:00", ["SECOND"]), offer("2026-11-23T22:18:00+01:00", ["SECOND", "SLEEPER"])];
    expect(filterOffers(offers, {})).toHaveLength(3);
    expect(filterOffers(offers, { class: "SLEEPER" }).map((o) => o.departure)).toEqual(["2026-11-23T22:18:00+01:00"]);
    expect(filterOffers(offers, { class: "SECOND", time: "afternoon" }).map((o) => o.departure)).toEqual(["2026-11-23T13:47:00+01:00"]);
    expect(filterOffers(offers, { class: "FIRST", time: "night" })).toEqual([]);
  });
});
