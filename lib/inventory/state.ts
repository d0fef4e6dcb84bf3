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

export function freeSeats(state: InventoryState, segment: Segment): InventorySeat[] {
  return state.seats.filter((s) => !isTaken(state, s.id, segment));
}

/** Records seats as taken for `segment` in the picture (what was just decided in this transaction). */
export function occupy(state: InventoryState, seatIds: string[], segment: Segment, expiresAt: Date | null): void {
  for (const id of seatIds) state.occupied.set(id, [...(state.occupied.get(id) ?? []), { ...segment, expiresAt }]);
}
