// Who on the waiting list gets which seats: pure, on the locked picture of the inventory. Entries
// are scanned in queue order (createdAt, id); each gets `partySize` seats free for its whole
// segment, chosen by the same allocator as a new booking, or is passed over while a later entry
// that fits is served. One freed seat can serve several short segments, and one cancelled party
// several waiting bookings, so the scan goes on to the end of the queue (decision 012).
import { chooseSeats, type Preference } from "@/lib/inventory/choose-seats";
import { freeSeats, occupy, type InventoryState, type Segment } from "@/lib/inventory/state";

export interface WaitingEntry extends Segment {
  id: string;
  partySize: number;
  preferences: Preference[];
}

/** Plans in order and marks each promotion's seats in `state`, so what is planned next sees them taken. */
export function planPromotions<E extends WaitingEntry>(state: InventoryState, entries: E[]): { entry: E; seatIds: string[] }[] {
  const plan: { entry: E; seatIds: string[] }[] = [];
  for (const entry of entries) {
    const free = freeSeats(state, entry);
    if (free.length < entry.partySize) continue;
    const seatIds = chooseSeats(free, entry.preferences);
    if (!seatIds) continue;
    occupy(state, seatIds, entry, null);
    plan.push({ entry, seatIds });
  }
  return plan;
}
