// What this instance saw of an inventory at its last batch's commit, kept for a moment so that,
// while a rush is on (requests for the inventory are being served or queued here right now), a
// request this instance already knows must be refused (a chosen seat taken for that segment, too
// few seats left) is answered without a database round trip: in a rush for a few seats, most
// answers are such refusals. A lone request never uses it. It only ever refuses, and only on what was surely live then (a hold
// about to run out does not count); seats are chosen and taken under the locks, and the
// authoritative check stays in the transaction. A refusal stores nothing, so a client that tries
// again a moment later is served afresh. BOOKING_PICTURE_MS (default 1000) is how long a picture
// is trusted; 0 turns this off.
import "server-only";
import type { AppError } from "@/lib/errors";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import { AppError as Refusal } from "@/lib/errors";
import { inventoryKey, overlaps, type InventoryState, type Segment } from "@/lib/inventory/state";
import { soldOut } from "@/lib/inventory/plan-hold";
import { isBusy } from "@/lib/inventory/turns";
import { journeyOf } from "@/lib/booking/journey";
import type { HoldContext } from "@/lib/booking/hold-context";
import { chosenSeatIds, inventoryOf } from "@/lib/booking/hold-batch";
import { waitlistOpenFor } from "@/lib/booking/waitlist/queue";
import { config } from "@/lib/config";

interface Picture {
  seenAt: number;
  state: InventoryState;
  context: HoldContext;
}

const pictures = new Map<string, Picture>();
const MAX_PICTURES = 10_000;
/** A hold ending this soon is not counted as taken: the app's clock and the database's may differ a little. */
const EXPIRY_MARGIN_MS = 2_000;

function pictureMs(): number {
  return config().BOOKING_PICTURE_MS;
}

/** Remembers the picture a batch decided on (with its own holds marked), as of its commit. */
export function rememberPicture(state: InventoryState, context: HoldContext): void {
  if (pictureMs() === 0) return;
  const key = inventoryKey(state.inventory);
  if (!pictures.has(key) && pictures.size >= MAX_PICTURES) pictures.clear();
  pictures.set(key, { seenAt: Date.now(), state, context });
}

function surelyTaken(state: InventoryState, seatId: string, segment: Segment, now: number): boolean {
  return (state.occupied.get(seatId) ?? []).some((o) => overlaps(o, segment) && (o.expiresAt === null || o.expiresAt.getTime() > now + EXPIRY_MARGIN_MS));
}

/**
 * A refusal this instance can give without the database, or null (then the request takes its
 * turn). Only from a picture taken before `notAfter` (when the request's key was looked up), so a
 * hold of this very request's key, committed since, cannot be mistaken for someone else's.
 */
export function knownRefusal(input: CreateBookingInput, notAfter: number): AppError | null {
  const key = inventoryKey(inventoryOf(input));
  if (!isBusy(key)) return null;
  const picture = pictures.get(key);
  const now = Date.now();
  if (!picture || picture.seenAt >= notAfter || now - picture.seenAt > pictureMs() || !picture.context.service) return null;
  const { state, context } = picture;
  let segment: Segment;
  let waitlistOpen: boolean;
  try {
    const journey = journeyOf(context.service!, context.stops, input.from, input.to);
    segment = { fromSeq: journey.from.seq, toSeq: journey.to.seq };
    waitlistOpen = waitlistOpenFor(journey, new Date(now));
  } catch {
    return null; // the batch gives the exact refusal
  }
  const chosen = chosenSeatIds(input);
  if (chosen) {
    const seen = new Set(state.seats.map((s) => s.id));
    if (!chosen.every((id) => seen.has(id))) return null;
    const taken = chosen.filter((id) => surelyTaken(state, id, segment, now));
    return taken.length > 0 ? new Refusal("SEAT_UNAVAILABLE", undefined, { seatIds: taken, reason: "TAKEN" }) : null;
  }
  if (!state.complete || state.seats.length === 0) return null;
  if (input.joinWaitlist && waitlistOpen) return null;
  const free = state.seats.filter((s) => !surelyTaken(state, s.id, segment, now)).length;
  return free < input.passengers.length ? soldOut(free, waitlistOpen) : null;
}
