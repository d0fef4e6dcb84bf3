import { describe, expect, it } from "vitest";
import { layoutProblems, seated2plus1, seated2plus2, sleeperBays, type CoachLayout } from "@/lib/network/coach-layouts";
import { COACH_TEMPLATES, buildFromTemplate } from "@/lib/network/coach-templates";

function countBy<T>(items: T[], key: (item: T) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = String(key(item));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

function occupiedColumns(layout: CoachLayout): Set<number> {
  return new Set(layout.seats.map((s) => s.col));
}

describe("seated layouts", () => {
  it("2+2: four seats a row, window and aisle on each side, an empty aisle column", () => {
    const layout = seated2plus2({ rows: 16 });
    expect(layout.seats).toHaveLength(64);
    expect(layout).toMatchObject({ rows: 16, columns: 5 });
    expect(layoutProblems(layout)).toEqual([]);
    expect(countBy(layout.seats, (s) => s.position)).toEqual({ WINDOW: 32, AISLE: 32 });
    expect([...occupiedColumns(layout)].sort()).toEqual([1, 2, 4, 5]);
    expect(layout.seats.every((s) => s.berth === null && s.bay === null)).toBe(true);
    // Walking down the coach: row 1 holds seats 1-4, window seats at both ends.
    expect(layout.seats.slice(0, 4).map((s) => [s.number, s.row, s.col, s.position])).toEqual([
      [1, 1, 1, "WINDOW"], [2, 1, 2, "AISLE"], [3, 1, 4, "AISLE"], [4, 1, 5, "WINDOW"],
    ]);
  });

  it("2+1: three seats a row with the aisle after the single seat", () => {
    const layout = seated2plus1({ rows: 14 });
    expect(layout.seats).toHaveLength(42);
    expect(layout).toMatchObject({ rows: 14, columns: 4 });
    expect(layoutProblems(layout)).toEqual([]);
    expect(countBy(layout.seats, (s) => s.position)).toEqual({ WINDOW: 28, AISLE: 14 });
    expect([...occupiedColumns(layout)].sort()).toEqual([1, 3, 4]);
  });

  it("rejects sizes that are not whole numbers in range", () => {
    expect(() => seated2plus2({ rows: 0 })).toThrow(RangeError);
    expect(() => seated2plus2({ rows: 2.5 })).toThrow(RangeError);
    expect(() => seated2plus1({ rows: 31 })).toThrow(RangeError);
  });
});

describe("sleeper layouts", () => {
  it("6-berth bays: 8 berths a bay, two of each main level and one of each side berth", () => {
    const layout = sleeperBays({ bays: 9, berthsPerSide: 3 });
    expect(layout.seats).toHaveLength(72);
    expect(layout).toMatchObject({ rows: 18, columns: 5 });
    expect(layoutProblems(layout)).toEqual([]);
    for (let bay = 1; bay <= 9; bay++) {
      const berths = layout.seats.filter((s) => s.bay === bay);
      expect(countBy(berths, (s) => s.berth)).toEqual({ LOWER: 2, MIDDLE: 2, UPPER: 2, SIDE_LOWER: 1, SIDE_UPPER: 1 });
      // Berths of a bay are numbered together, Indian style: 1-6 in the bay, 7-8 on the side.
      expect(berths.map((s) => s.number)).toEqual(Array.from({ length: 8 }, (_, i) => (bay - 1) * 8 + i + 1));
    }
    expect(layout.seats.slice(0, 8).map((s) => s.berth)).toEqual(["LOWER", "MIDDLE", "UPPER", "LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER"]);
    expect(layout.seats.every((s) => s.position === null)).toBe(true);
    expect(occupiedColumns(layout).has(4)).toBe(false); // the aisle
  });

  it("4-berth compartments: lower and upper on each side, no side berths", () => {
    const layout = sleeperBays({ bays: 9, berthsPerSide: 2 });
    expect(layout.seats).toHaveLength(36);
    expect(layout).toMatchObject({ rows: 18, columns: 3 });
    expect(layoutProblems(layout)).toEqual([]);
    for (let bay = 1; bay <= 9; bay++) {
      expect(countBy(layout.seats.filter((s) => s.bay === bay), (s) => s.berth)).toEqual({ LOWER: 2, UPPER: 2 });
    }
    expect(occupiedColumns(layout).has(3)).toBe(false); // the corridor
  });

  it("rejects an unknown berth count or bay count", () => {
    expect(() => sleeperBays({ bays: 9, berthsPerSide: 4 as 3 })).toThrow(RangeError);
    expect(() => sleeperBays({ bays: 0, berthsPerSide: 3 })).toThrow(RangeError);
  });
});

describe("layoutProblems", () => {
  it("reports duplicate numbers, shared cells, gaps, out-of-grid seats and seat/berth confusion", () => {
    const layout: CoachLayout = {
      rows: 2,
      columns: 2,
      seats: [
        { number: 1, row: 1, col: 1, berth: null, position: "WINDOW", bay: null },
        { number: 1, row: 1, col: 1, berth: null, position: "AISLE", bay: null },
        { number: 4, row: 3, col: 1, berth: "LOWER", position: "WINDOW", bay: 1 },
      ],
    };
    const problems = layoutProblems(layout).join("\n");
    expect(problems).toContain("seat number 1 is used twice");
    expect(problems).toContain("two seats share row 1, column 1");
    expect(problems).toContain("seat 4 lies outside");
    expect(problems).toContain("seat 4 must be either");
    expect(problems).toContain("2 is missing");
  });
});

describe("coach templates", () => {
  it("every template builds a sound layout whose capacity matches what the form shows", () => {
    for (const template of COACH_TEMPLATES) {
      for (const size of [template.size.min, template.size.default, template.size.max]) {
        const layout = buildFromTemplate(template.key, size);
        expect(layoutProblems(layout)).toEqual([]);
        expect(layout.seats).toHaveLength(template.seatsPerUnit * size);
        const isSleeper = layout.seats.every((s) => s.berth !== null);
        expect(isSleeper).toBe(template.kind === "SLEEPER");
      }
    }
  });

  it("refuses an unknown template", () => {
    expect(() => buildFromTemplate("DOUBLE_DECKER", 10)).toThrow(/unknown coach template/);
  });
});
