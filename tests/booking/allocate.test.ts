// Automatic seat choice, without a database: parties together, preferences honoured where they can be.
import { describe, expect, it } from "vitest";
import { choosePlaces, chooseSeats, type FreeSeat } from "@/lib/inventory/choose-seats";
import { aisleSides, type InventorySeat } from "@/lib/inventory/state";

/** A 2+2 saloon: numbers 1..n row by row, window-aisle | aisle-window. */
function saloon(coachPosition: number, n: number, taken: number[] = []): FreeSeat[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${coachPosition}/${i + 1}`,
    coachPosition,
    number: i + 1,
    row: Math.floor(i / 4) + 1,
    bay: null,
    berth: null,
    position: i % 4 === 0 || i % 4 === 3 ? "WINDOW" : "AISLE",
  })).filter((s) => !taken.includes(s.number));
}

/** Sleeper bays of 8: LOWER, MIDDLE, UPPER on each side, then SIDE_LOWER, SIDE_UPPER. */
function sleeper(coachPosition: number, bays: number, taken: number[] = []): FreeSeat[] {
  const kinds = ["LOWER", "MIDDLE", "UPPER", "LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER"];
  return Array.from({ length: bays * 8 }, (_, i) => ({
    id: `${coachPosition}/${i + 1}`,
    coachPosition,
    number: i + 1,
    row: Math.floor(i / 8) * 2 + 1,
    bay: Math.floor(i / 8) + 1,
    berth: kinds[i % 8]!,
    position: null,
  })).filter((s) => !taken.includes(s.number));
}

/** A 2+1 first-class saloon as the coach layouts draw it: seat 3r-2 alone by the window (column 1), 3r-1 and 3r as a pair (columns 3, 4). */
function firstClass(coachPosition: number, rows: number, taken: number[] = []): FreeSeat[] {
  const seats: InventorySeat[] = Array.from({ length: rows * 3 }, (_, i) => ({
    id: `${coachPosition}/${i + 1}`,
    coachPosition,
    coachLabel: String(coachPosition),
    number: i + 1,
    row: Math.floor(i / 3) + 1,
    col: [1, 3, 4][i % 3]!,
    bay: null,
    berth: null,
    position: i % 3 === 1 ? "AISLE" : "WINDOW",
  }));
  const sides = aisleSides(seats);
  return seats.filter((s) => !taken.includes(s.number)).map((s) => ({ ...s, side: sides.get(s.id) }));
}

describe("seating a party together", () => {
  it("finds the aisle from the layout: the single seat on one side, the pair on the other", () => {
    expect(firstClass(1, 1).map((s) => [s.number, s.side])).toEqual([[1, 0], [2, 1], [3, 1]]);
  });

  it("puts two passengers in 2+1 first class side by side, not across the aisle", () => {
    expect(chooseSeats(firstClass(1, 4), ["NONE", "NONE"])).toEqual(["1/2", "1/3"]);
    // The pair of row 1 is half taken: the pair of row 2, rather than seat 1 across from seat 3.
    expect(chooseSeats(firstClass(1, 4, [2]), ["NONE", "NONE"])).toEqual(["1/5", "1/6"]);
  });

  it("keeps four on the pair side, two rows one behind the other, rather than spread over the aisle", () => {
    const seats = chooseSeats(firstClass(1, 4), ["NONE", "NONE", "NONE", "NONE"]);
    expect(seats?.sort()).toEqual(["1/2", "1/3", "1/5", "1/6"]);
  });

  it("still gives explicit preferences first: two who asked for windows get both windows of a row", () => {
    expect(chooseSeats(firstClass(1, 2), ["WINDOW", "WINDOW"])?.sort()).toEqual(["1/1", "1/3"]);
  });

  it("says whether the party is together: one coach, consecutive rows", () => {
    expect(choosePlaces(firstClass(1, 4), ["NONE", "NONE"])).toEqual({ ids: ["1/2", "1/3"], together: true });
    // Only seats 1 and 12 are left: in one coach, but rows apart.
    const apart = firstClass(1, 4, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(choosePlaces(apart, ["NONE", "NONE"])).toEqual({ ids: ["1/1", "1/12"], together: false });
  });
});

describe("chooseSeats", () => {
  it("gives a lone passenger the first free seat, front of the train first", () => {
    expect(chooseSeats([...saloon(2, 8), ...saloon(1, 8, [1])], ["NONE"])).toEqual(["1/2"]);
  });

  it("gives a window seat to a passenger who asks for one, even further back", () => {
    expect(chooseSeats(saloon(1, 12, [1, 4, 5, 8]), ["WINDOW"])).toEqual(["1/9"]);
    expect(chooseSeats(saloon(1, 12, [1]), ["AISLE"])).toEqual(["1/2"]);
  });

  it("seats a party of four in one row rather than across two", () => {
    // Row 1 has two seats left, row 2 is empty.
    expect(chooseSeats(saloon(1, 12, [1, 2]), ["NONE", "NONE", "NONE", "NONE"])).toEqual(["1/5", "1/6", "1/7", "1/8"]);
  });

  it("gives two window lovers the two windows of one row", () => {
    expect(chooseSeats(saloon(1, 8), ["WINDOW", "WINDOW"])?.sort()).toEqual(["1/1", "1/4"]);
  });

  it("keeps a party in one coach even at the cost of its preferences", () => {
    // Coach 1 has windows free but only two seats; coach 2 has three aisle seats together.
    const free = [...saloon(1, 8, [2, 3, 5, 6, 7, 8]), ...saloon(2, 4, [1])];
    expect(chooseSeats(free, ["WINDOW", "WINDOW", "WINDOW"])).toEqual(["2/4", "2/2", "2/3"]);
  });

  it("matches berth preferences inside one bay", () => {
    const seats = chooseSeats(sleeper(1, 3), ["UPPER", "LOWER", "SIDE_LOWER", "LOWER"]);
    expect(seats).toEqual(["1/3", "1/1", "1/7", "1/4"]);
  });

  it("prefers a bay that fits the whole party over one where it would split", () => {
    // Bay 1 has 3 berths left; a party of 5 goes to bay 2 entirely.
    const seats = chooseSeats(sleeper(1, 3, [1, 2, 3, 4, 5]), ["NONE", "NONE", "NONE", "NONE", "NONE"]);
    expect(seats).toEqual(["1/9", "1/10", "1/11", "1/12", "1/13"]);
  });

  it("uses neighbouring bays when no bay can take the party", () => {
    const taken = [1, 2, 3, 4, 9, 10, 11, 12, 13, 17, 18, 19, 20, 21, 22];
    const seats = chooseSeats(sleeper(1, 3, taken), Array(6).fill("NONE"))!;
    const bays = seats.map((id) => Math.ceil(Number(id.split("/")[1]) / 8));
    expect(Math.max(...bays) - Math.min(...bays)).toBe(1);
    expect(new Set(seats).size).toBe(6);
  });

  it("splits a party across coaches only when no coach can take it, using as few as possible", () => {
    const free = [...saloon(1, 4, [1, 2]), ...saloon(2, 4, [1]), ...saloon(3, 4, [1, 2, 3])];
    const seats = chooseSeats(free, ["NONE", "NONE", "NONE", "NONE", "NONE"])!;
    expect(seats).toHaveLength(5);
    expect(new Set(seats.map((id) => id.split("/")[0]))).toEqual(new Set(["1", "2"]));
  });

  it("answers null when fewer seats are free than passengers", () => {
    expect(chooseSeats(saloon(1, 4, [1, 2]), ["NONE", "NONE", "NONE"])).toBeNull();
    expect(chooseSeats([], ["NONE"])).toBeNull();
  });
});
