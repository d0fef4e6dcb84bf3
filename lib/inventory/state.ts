// The picture of one inventory (a service's seats of one class and quota) that every decision on
// it is planned on: its seats, locked, and the live allocations on them with their stop ranges.
// Planners (lib/inventory/plan-hold.ts, plan-promotions.ts) read it and return decisions; the
// transaction that holds the locks marks what it decides with occupy(), so the next request in the
// same batch sees the seats just given away.
import type { FreeSeat } from "@/lib/inventory/choose-seats";

export interface Inventory {
  serviceId: string;
  classCode: string;
  quotaCode: string;
}

export function inventoryKey(inventory: Inventory): string {
  return `${inventory.serviceId}/${inventory.classCode}/${inventory.quotaCode}`;
}

/** The stop range [fromSeq, toSeq) a journey occupies (decision 001). */
export interface Segment {
  fromSeq: number;
  toSeq: number;
}

export const overlaps = (a: Segment, b: Segment): boolean => a.fromSeq < b.toSeq && a.toSeq > b.fromSeq;

export interface InventorySeat extends FreeSeat {
  coachLabel: string;
  col: number;
}

export interface Occupancy extends Segment {
  /** Null once paid; a hold's end otherwise. */
  expiresAt: Date | null;
}

/** What lockInventory() read (lib/inventory/lock.ts). */
export interface LockedInventory {
  inventory: Inventory;
  /** The transaction's start (`now()`), read with the seats; null when no seat matched. */
  txNow: Date | null;
  /** Every seat of the inventory, or only the seats a batch of chosen-seat requests asked for. */
  seats: InventorySeat[];
  /** Whether `seats` is the whole inventory (automatic allocation needs it). */
  complete: boolean;
  /** Live allocations by seat id. */
  occupied: Map<string, Occupancy[]>;
}

export interface InventoryState extends LockedInventory {
  /** The transaction's start (`now()`): what every hold expiry is compared with. */
  now: Date;
}

export function isTaken(state: InventoryState, seatId: string, segment: Segment): boolean {
  return (state.occupied.get(seatId) ?? []).some((o) => overlaps(o, segment));
}

/** Free for the whole segment, each with its side of the aisle (so a party can be seated side by side). */
export function freeSeats(state: InventoryState, segment: Segment): InventorySeat[] {
  const sides = aisleSides(state.seats);
  return state.seats.filter((s) => !isTaken(state, s.id, segment)).map((s) => ({ ...s, side: sides.get(s.id) ?? 0 }));
}

/**
 * Each seat's side of the aisle in its coach: the aisle is a grid column no seat of the coach
 * stands in (a 2+1 saloon has seats in columns 1, 2 and 4), and a seat's side is how many aisles
 * lie to its left. A sleeper's bay is one compartment: everyone in it is on one side.
 */
export function aisleSides(seats: InventorySeat[]): Map<string, number> {
  const columns = new Map<number, Set<number>>();
  for (const seat of seats) {
    if (seat.bay !== null) continue;
    const used = columns.get(seat.coachPosition) ?? new Set<number>();
    used.add(seat.col);
    columns.set(seat.coachPosition, used);
  }
  const sides = new Map<string, number>();
  for (const seat of seats) {
    const used = columns.get(seat.coachPosition);
    if (!used || seat.bay !== null) {
      sides.set(seat.id, 0);
      continue;
    }
    let aisles = 0;
    for (let c = Math.min(...used); c < seat.col; c++) if (!used.has(c)) aisles++;
    sides.set(seat.id, aisles);
  }
  return sides;
}

/** Records seats as taken for `segment` in the picture (what was just decided in this transaction). */
export function occupy(state: InventoryState, seatIds: string[], segment: Segment, expiresAt: Date | null): void {
  for (const id of seatIds) state.occupied.set(id, [...(state.occupied.get(id) ?? []), { ...segment, expiresAt }]);
}
