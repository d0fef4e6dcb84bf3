// Which seats one hold request gets, planned on the locked picture of its inventory: pure, so a
// batch plans its requests one after another in memory (each sees the seats given to those before
// it) and a refusal is a value that never aborts the others. Throwing happens at the edge.
import { AppError } from "@/lib/errors";
import { choosePlaces, type Preference } from "@/lib/inventory/choose-seats";
import { freeSeats, isTaken, type InventoryState, type Segment } from "@/lib/inventory/state";

export interface SeatRequest {
  segment: Segment;
  /** One per passenger, in order. */
  preferences: Preference[];
  /** The passenger's own seats, in passenger order, or null to have seats chosen. */
  chosenSeatIds: string[] | null;
  /** The party asked to join the waiting list when too few seats are left. */
  joinWaitlist: boolean;
  /** The waiting list is open (lib/booking/waitlist/queue.ts). */
  waitlistOpen: boolean;
  /** Refuse seats chosen for the party that do not keep it together (lib/inventory/choose-seats.ts). */
  together?: boolean;
}

export type HoldDecision = { kind: "seats"; seatIds: string[] } | { kind: "waitlist" } | { kind: "refused"; error: AppError };

function refused(error: AppError): HoldDecision {
  return { kind: "refused", error };
}

export function planHold(state: InventoryState, request: SeatRequest): HoldDecision {
  const { segment, chosenSeatIds } = request;
  if (chosenSeatIds) {
    const here = new Set(state.seats.map((s) => s.id));
    const elsewhere = chosenSeatIds.filter((id) => !here.has(id));
    if (elsewhere.length > 0) {
      return refused(
        new AppError("SEAT_UNAVAILABLE", `${elsewhere.length === 1 ? "That seat is" : "Those seats are"} not on sale in this class on this train.`, {
          seatIds: elsewhere,
          reason: "NOT_IN_CLASS",
        }),
      );
    }
    const taken = chosenSeatIds.filter((id) => isTaken(state, id, segment));
    if (taken.length > 0) return refused(new AppError("SEAT_UNAVAILABLE", undefined, { seatIds: taken, reason: "TAKEN" }));
    return { kind: "seats", seatIds: chosenSeatIds };
  }
  if (!state.complete) throw new Error("automatic allocation needs the whole inventory locked");
  const free = freeSeats(state, segment);
  const places = choosePlaces(free, request.preferences);
  if (places && request.together && !places.together) {
    return refused(
      new AppError("SOLD_OUT", "No seats together are left for your party in this class. Book without “sit together”, choose seats on the seat map, or try another train.", {
        available: free.length,
        waitlistAvailable: false,
        reason: "NOT_TOGETHER",
      }),
    );
  }
  if (places) return { kind: "seats", seatIds: places.ids };
  if (request.joinWaitlist && request.waitlistOpen) return { kind: "waitlist" };
  return refused(soldOut(free.length, request.waitlistOpen));
}

/** `waitlistAvailable`: the same request with `joinWaitlist: true` would be put on the waiting list. */
export function soldOut(available: number, waitlistAvailable: boolean): AppError {
  return new AppError("SOLD_OUT", undefined, { available, waitlistAvailable });
}
