// Seat layouts built from templates. Pure and Prisma-free (type-only imports of the generated
// enums), so the admin "new coach type" form and the seat-map component can both import them.
//
// Grid convention: `row` 1..rows runs along the coach, `col` 1..columns across it; both are
// 1-based so they map straight onto CSS grid lines. Aisles and corridors are columns that hold no
// seat, so a drawing needs nothing but the cells. Seats are numbered 1..N in the order a passenger
// walking down the coach meets them.
import type { BerthKind, SeatPosition } from "@/lib/generated/prisma/enums";

export interface LayoutSeat {
  number: number;
  row: number;
  col: number;
  berth: BerthKind | null;
  position: SeatPosition | null;
  /** The bay or compartment (1-based) a berth belongs to; null for seats. */
  bay: number | null;
}

export interface CoachLayout {
  rows: number;
  columns: number;
  seats: LayoutSeat[];
}

/** Limits that keep a layout drawable and a coach physically plausible. */
export const LAYOUT_LIMITS = {
  seatedRows: { min: 1, max: 30 },
  sleeperBays: { min: 1, max: 12 },
} as const;

function requireInt(name: string, value: number, { min, max }: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

/** A seat row from a pattern of columns: null marks the aisle. */
function seatedLayout(rows: number, pattern: (SeatPosition | null)[]): CoachLayout {
  requireInt("rows", rows, LAYOUT_LIMITS.seatedRows);
  const seats: LayoutSeat[] = [];
  for (let row = 1; row <= rows; row++) {
    pattern.forEach((position, index) => {
      if (position === null) return;
      seats.push({ number: seats.length + 1, row, col: index + 1, berth: null, position, bay: null });
    });
  }
  return { rows, columns: pattern.length, seats };
}

/** Open saloon, two seats each side of the aisle (standard second class): 4 seats a row. */
export function seated2plus2({ rows }: { rows: number }): CoachLayout {
  return seatedLayout(rows, ["WINDOW", "AISLE", null, "AISLE", "WINDOW"]);
}

/**
 * Open saloon, one seat on one side and two on the other (first class): 3 seats a row. The single
 * seat is both window and aisle; it is marked WINDOW because that is what passengers ask for.
 */
export function seated2plus1({ rows }: { rows: number }): CoachLayout {
  return seatedLayout(rows, ["WINDOW", null, "AISLE", "WINDOW"]);
}

/**
 * Sleeper bays.
 * - berthsPerSide 3: Indian-style open bays. Each bay has two facing sides of LOWER/MIDDLE/UPPER
 *   (berths 1-6) and, across the aisle, SIDE_LOWER and SIDE_UPPER (7-8): 8 berths a bay.
 *   Grid: each facing side is a row with the three levels in columns 1-3; column 4 is the aisle;
 *   the side berths sit in column 5, one per row.
 * - berthsPerSide 2: European 4-berth compartments, LOWER/UPPER on each side, no side berths.
 *   Grid: columns 1-2 are the levels, column 3 is the side corridor.
 * Levels are drawn side by side because a top-down map cannot stack them; `berth` says which is which.
 */
export function sleeperBays({ bays, berthsPerSide }: { bays: number; berthsPerSide: 3 | 2 }): CoachLayout {
  requireInt("bays", bays, LAYOUT_LIMITS.sleeperBays);
  if (berthsPerSide !== 3 && berthsPerSide !== 2) {
    throw new RangeError(`berthsPerSide must be 3 or 2, got ${String(berthsPerSide)}`);
  }
  const levels: BerthKind[] = berthsPerSide === 3 ? ["LOWER", "MIDDLE", "UPPER"] : ["LOWER", "UPPER"];
  const seats: LayoutSeat[] = [];
  const add = (row: number, col: number, berth: BerthKind, bay: number) =>
    seats.push({ number: seats.length + 1, row, col, berth, position: null, bay });

  for (let bay = 1; bay <= bays; bay++) {
    const firstRow = (bay - 1) * 2 + 1;
    for (const side of [0, 1]) {
      levels.forEach((berth, index) => add(firstRow + side, index + 1, berth, bay));
    }
    if (berthsPerSide === 3) {
      add(firstRow, 5, "SIDE_LOWER", bay);
      add(firstRow + 1, 5, "SIDE_UPPER", bay);
    }
  }
  return { rows: bays * 2, columns: berthsPerSide === 3 ? 5 : 3, seats };
}

/**
 * Problems with a layout (empty when it is sound): numbers must be 1..N without gaps, cells inside
 * the grid and never shared, and every entry either a seat (position) or a berth, not both.
 * Used for layouts edited by hand in the admin, where the builders' guarantees do not hold.
 */
export function layoutProblems(layout: CoachLayout): string[] {
  const problems: string[] = [];
  const numbers = new Set<number>();
  const cells = new Set<string>();
  for (const seat of layout.seats) {
    if (numbers.has(seat.number)) problems.push(`seat number ${seat.number} is used twice`);
    numbers.add(seat.number);
    const cell = `${seat.row}:${seat.col}`;
    if (cells.has(cell)) problems.push(`two seats share row ${seat.row}, column ${seat.col}`);
    cells.add(cell);
    if (seat.row < 1 || seat.row > layout.rows || seat.col < 1 || seat.col > layout.columns) {
      problems.push(`seat ${seat.number} lies outside the ${layout.rows} x ${layout.columns} grid`);
    }
    if ((seat.berth === null) === (seat.position === null)) {
      problems.push(`seat ${seat.number} must be either a seat with a position or a berth`);
    }
  }
  for (let n = 1; n <= layout.seats.length; n++) {
    if (!numbers.has(n)) problems.push(`seat numbers must run 1..${layout.seats.length}; ${n} is missing`);
  }
  return problems;
}
