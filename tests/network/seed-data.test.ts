// The seed's timetables are hand-written data: these checks keep them physically sensible.
import { describe, expect, it } from "vitest";
import { buildFromTemplate } from "@/lib/network/coach-templates";
import { COACH_TYPES, STATIONS, TRAINS } from "@/prisma/seed";

const station = (code: string) => STATIONS.find((s) => s.code === code);
const seatsOf = (coachType: string) => {
  const type = COACH_TYPES.find((c) => c.code === coachType)!;
  return { classCode: type.classCode, count: buildFromTemplate(type.template, type.size).seats.length };
};

describe("seed network data", () => {
  it("has the required stations, unique codes, and real IANA zones including two foreign ones", () => {
    expect(STATIONS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(STATIONS.map((s) => s.code)).size).toBe(STATIONS.length);
    const names = STATIONS.map((s) => s.name);
    for (const name of ["Gdańsk Główny", "Gdańsk Wrzeszcz", "Poznań Główny", "Warszawa Centralna", "Kraków Główny", "Vilnius", "Lviv"]) {
      expect(names).toContain(name);
    }
    expect(STATIONS.find((s) => s.name === "Vilnius")?.timeZone).toBe("Europe/Vilnius");
    expect(STATIONS.find((s) => s.name === "Lviv")?.timeZone).toBe("Europe/Kyiv");
    for (const s of STATIONS) expect(() => new Intl.DateTimeFormat("en", { timeZone: s.timeZone })).not.toThrow();
    for (const s of STATIONS) expect(s.code).toMatch(/^[A-Z]{3,4}$/);
  });

  it("gives every train a sane route: ordered times, growing distances, known stations, once each", () => {
    expect(TRAINS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(TRAINS.map((t) => t.number)).size).toBe(TRAINS.length);
    for (const train of TRAINS) {
      const { stops } = train;
      expect(stops.length, train.number).toBeGreaterThanOrEqual(2);
      expect(new Set(stops.map((s) => s.station)).size, train.number).toBe(stops.length);
      expect(stops[0]).toMatchObject({ arrivalOffsetMinutes: null, departureOffsetMinutes: 0, distanceKm: 0 });
      expect(stops.at(-1)!.departureOffsetMinutes, train.number).toBeNull();
      for (const [i, stop] of stops.entries()) {
        expect(station(stop.station), `${train.number} ${stop.station}`).toBeDefined();
        if (i === 0) continue;
        const prev = stops[i - 1]!;
        expect(stop.distanceKm, `${train.number} km at ${stop.station}`).toBeGreaterThan(prev.distanceKm);
        expect(stop.arrivalOffsetMinutes!, `${train.number} arrival at ${stop.station}`).toBeGreaterThan(prev.departureOffsetMinutes!);
        if (stop.departureOffsetMinutes !== null) expect(stop.departureOffsetMinutes).toBeGreaterThanOrEqual(stop.arrivalOffsetMinutes!);
        // Faster than 200 km/h between calls would not be believable on these lines.
        const kmh = ((stop.distanceKm - prev.distanceKm) * 60) / (stop.arrivalOffsetMinutes! - prev.departureOffsetMinutes!);
        expect(kmh, `${train.number} speed to ${stop.station}`).toBeLessThan(200);
      }
    }
  });

  it("runs every route both ways, and the trunk routes more than once a day each way", () => {
    const ends = (t: (typeof TRAINS)[number]) => [t.stops[0]!.station, t.stops.at(-1)!.station] as const;
    for (const train of TRAINS) {
      const [from, to] = ends(train);
      expect(TRAINS.some((t) => ends(t)[0] === to && ends(t)[1] === from), `${train.number} ${from} -> ${to} has a return`).toBe(true);
    }
    const calls = (t: (typeof TRAINS)[number], a: string, b: string) => {
      const i = t.stops.findIndex((s) => s.station === a);
      const j = t.stops.findIndex((s) => s.station === b);
      return i >= 0 && j > i;
    };
    for (const [a, b] of [["GDG", "WCE"], ["WCE", "KRK"], ["POZ", "WCE"], ["WCE", "KAT"]] as const) {
      expect(TRAINS.filter((t) => calls(t, a, b)).length, `${a} -> ${b}`).toBeGreaterThanOrEqual(2);
      expect(TRAINS.filter((t) => calls(t, b, a)).length, `${b} -> ${a}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("builds compositions from known coach types, with unique labels and pools that fit their class", () => {
    for (const train of TRAINS) {
      expect(new Set(train.coaches.map((c) => c.label)).size, train.number).toBe(train.coaches.length);
      const perClass = new Map<string, number>();
      for (const coach of train.coaches) {
        const { classCode, count } = seatsOf(coach.coachType);
        perClass.set(classCode, (perClass.get(classCode) ?? 0) + count);
      }
      for (const quota of train.quotas) {
        const pooled = train.quotas.filter((q) => q.classCode === quota.classCode).reduce((n, q) => n + q.seatCount, 0);
        expect(pooled, `${train.number} ${quota.classCode} pools`).toBeLessThan(perClass.get(quota.classCode) ?? 0);
      }
    }
  });

  it("keeps the corridor times believable: Gdańsk - Warszawa about 2 h 40-3 h, Warszawa - Kraków about 2 h 20 by EIC", () => {
    const eic = TRAINS.filter((t) => t.number.startsWith("EIC") && t.stops.some((s) => s.station === "GDG") && t.stops.some((s) => s.station === "KRK"));
    expect(eic.length).toBeGreaterThanOrEqual(2);
    for (const train of eic) {
      const at = (code: string) => train.stops.find((s) => s.station === code)!;
      const forward = at("GDG").distanceKm < at("KRK").distanceKm;
      const [gdg, wce, krk] = [at("GDG"), at("WCE"), at("KRK")];
      const gdgWce = forward ? wce.arrivalOffsetMinutes! - gdg.departureOffsetMinutes! : gdg.arrivalOffsetMinutes! - wce.departureOffsetMinutes!;
      const wceKrk = forward ? krk.arrivalOffsetMinutes! - wce.departureOffsetMinutes! : wce.arrivalOffsetMinutes! - krk.departureOffsetMinutes!;
      expect(gdgWce, train.number).toBeGreaterThanOrEqual(160);
      expect(gdgWce, train.number).toBeLessThanOrEqual(180);
      expect(wceKrk, train.number).toBeGreaterThanOrEqual(130);
      expect(wceKrk, train.number).toBeLessThanOrEqual(150);
    }
  });
});
