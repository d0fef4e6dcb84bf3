// One turn at an inventory for a batch of hold requests: ONE SERIALIZABLE transaction locks the
// inventory, reads the batch's context, serves the waiting list first, plans each request in
// arrival order on the in-memory picture (each sees the seats given to those before it), then
// writes every accepted hold and waiting-list place with their Idempotency-Keys in one statement
// and their events in another. A refusal (seat taken, sold out, quota) is that request's answer
// and never aborts the others. Decision 018.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { fareFor } from "@/lib/fares/fare";
import { pricePassengers } from "@/lib/booking/passenger-prices";
import type { CreateBookingInput } from "@/lib/schemas/booking";
import type { UserActor } from "@/lib/auth/actor";
import type { Preference } from "@/lib/inventory/choose-seats";
import { lockInventory, lockInventoryWith } from "@/lib/inventory/lock";
import { planHold } from "@/lib/inventory/plan-hold";
import { occupy, type Inventory, type InventoryState, type LockedInventory } from "@/lib/inventory/state";
import type { KeyRef } from "@/lib/idempotency/keys";
import { holdMinutes } from "@/lib/booking/clock";
import { journeyOf, notBookable } from "@/lib/booking/journey";
import { holdContextColumns, parseHoldContext, readHoldContext, type HoldContext, type HoldContextRow } from "@/lib/booking/hold-context";
import { quotaRefusal } from "@/lib/booking/quota-rules";
import { generatePnr } from "@/lib/booking/pnr";
import { recordOf } from "@/lib/booking/record";
import { toView } from "@/lib/booking/booking-view";
import { writeBookings, type ClaimedKey, type NewBooking } from "@/lib/booking/write-bookings";
import type { NewEvent } from "@/lib/booking/events";
import type { HoldOutcome } from "@/lib/booking/outcomes";
import { promoteWaitlist } from "@/lib/booking/waitlist/promote";
import { waitingCount, waitlistOpenFor } from "@/lib/booking/waitlist/queue";
import { holdLimitRefusal, holdLimits, readAllowances, type Allowance } from "@/lib/booking/hold-limits";

export interface HoldRequest {
  actor: UserActor;
  input: CreateBookingInput;
  ref: KeyRef;
  requestHash: string;
  /** The account's unpaid seats, read before the turn (lib/booking/hold-limits.ts); without it the turn counts them. */
  allowance?: Allowance;
}

export type HoldAnswer = HoldOutcome | { kind: "refused"; error: AppError };

export function chosenSeatIds(input: CreateBookingInput): string[] | null {
  const ids = input.passengers.map((p) => p.seatId);
  return ids.every((id): id is string => Boolean(id)) ? ids : null;
}

export function inventoryOf(input: CreateBookingInput): Inventory {
  return { serviceId: input.serviceId, classCode: input.class, quotaCode: input.quota ?? "GENERAL" };
}

/** What the batch decided and wrote, and the picture it decided on (this instance remembers it: lib/booking/known-taken.ts). */
export interface BatchResult {
  answers: HoldAnswer[];
  state: InventoryState;
  context: HoldContext;
}

/** The hold requests' share of a turn: the seats to lock (`onlyChosen`: just those the requests chose). */
export function seatsToLock(requests: HoldRequest[]): { seatIds?: string[] } {
  const chosen = requests.map((r) => chosenSeatIds(r.input));
  return chosen.every((c) => c !== null) ? { seatIds: [...new Set(chosen.flat() as string[])] } : {};
}

/**
 * Plans and writes a batch's holds on the inventory `locked` by the caller's transaction. `keys`:
 * other Idempotency-Keys the turn claims (its payments'), written in the same statement.
 */
export async function holdBatch(tx: Tx, inventory: Inventory, requests: HoldRequest[], locked?: LockedInventory, keys: ClaimedKey[] = []): Promise<BatchResult> {
  let context: HoldContext;
  const userIds = [...new Set(requests.map((r) => r.actor.userId))];
  if (locked) context = await readHoldContext(tx, inventory, userIds);
  else {
    const read = await lockInventoryWith<HoldContextRow>(tx, inventory, seatsToLock(requests), holdContextColumns(inventory, userIds));
    locked = read.locked;
    context = parseHoldContext(read.extra);
  }
  if (context.waitingEntries > 0) {
    // Seats freed by holds that lapsed unnoticed go to whoever waits for them before this batch.
    if (!locked.complete) locked = await lockInventory(tx, inventory);
    await promoteWaitlist(tx, inventory, locked);
  }
  const state: InventoryState = { ...locked, now: context.now };
  const plan = new Planner(tx, state, context, await allowancesOf(tx, requests, context, inventory.serviceId));
  const answers: HoldAnswer[] = [];
  for (const request of requests) answers.push(await plan.next(request));
  await writeBookings(tx, plan.bookings, [...plan.keys, ...keys], plan.events);
  return { answers, state, context };
}

/**
 * Each requesting account's unpaid seats as of this transaction: the count read before the turn
 * when no hold of the account committed since (its version is the one this turn read), else
 * counted here, for those accounts only (lib/booking/hold-limits.ts).
 */
async function allowancesOf(tx: Tx, requests: HoldRequest[], context: HoldContext, serviceId: string): Promise<Map<string, Allowance>> {
  const current = new Map<string, Allowance>();
  const stale = new Set<string>();
  for (const { actor, allowance } of requests) {
    if (allowance && allowance.version === context.holdsVersions[actor.userId]) current.set(actor.userId, allowance);
    else stale.add(actor.userId);
  }
  for (const id of stale) current.delete(id);
  if (stale.size > 0) for (const [id, allowance] of await readAllowances(tx, [...stale], serviceId)) current.set(id, allowance);
  return current;
}

/** Plans the batch's requests one by one on the shared picture, collecting what to write. */
class Planner {
  readonly bookings: NewBooking[] = [];
  readonly keys: ClaimedKey[] = [];
  readonly events: NewEvent[] = [];
  private seatById;
  private waitingAhead: number | undefined;

  constructor(
    private readonly tx: Tx,
    private readonly state: InventoryState,
    private readonly context: HoldContext,
    /** Unpaid seats per account, with those this batch gives added as it goes. */
    private readonly unpaid: Map<string, Allowance>,
  ) {
    this.seatById = new Map(state.seats.map((s) => [s.id, s]));
  }

  async next(request: HoldRequest): Promise<HoldAnswer> {
    try {
      return await this.plan(request);
    } catch (error) {
      // Refusals found on the way (no such stations on this train...) are this request's answer.
      if (error instanceof AppError) return { kind: "refused", error };
      throw error;
    }
  }

  private async plan(request: HoldRequest): Promise<HoldAnswer> {
    const { input } = request;
    const { state, context } = this;
    const now = context.now;
    if (!context.service) return { kind: "refused", error: new AppError("NOT_FOUND", "We could not find that train service.") };
    const journey = journeyOf(context.service, context.stops, input.from, input.to);
    const refusal =
      notBookable(journey, now) ??
      quotaRefusal(context.quota, input.passengers) ??
      (state.complete && state.seats.length === 0
        ? validationError({ class: [`This train has no ${input.class} seats in the ${state.inventory.quotaCode} quota.`] }, "No such class on this train.")
        : null) ??
      (!context.fare ? validationError({ class: [`${input.class} tickets are not on sale.`] }, "This class is not on sale.") : null) ??
      holdLimitRefusal(this.unpaidOf(request.actor.userId), input.passengers.length, holdLimits());
    if (refusal) return { kind: "refused", error: refusal };
    const prices = pricePassengers(context.concessions, fareFor(context.fare!, journey.distanceKm), input.passengers);
    if (!prices.ok) return { kind: "refused", error: prices.error };

    const segment = { fromSeq: journey.from.seq, toSeq: journey.to.seq };
    const decision = planHold(state, {
      segment,
      preferences: input.passengers.map((p): Preference => p.berthPreference ?? "NONE"),
      chosenSeatIds: chosenSeatIds(input),
      joinWaitlist: input.joinWaitlist ?? false,
      waitlistOpen: waitlistOpenFor(journey, now),
      together: input.together ?? false,
    });
    if (decision.kind === "refused") return decision;

    const expiresAt = new Date(now.getTime() + holdMinutes() * 60_000);
    const seatIds = decision.kind === "seats" ? decision.seatIds : null;
    const booking: NewBooking = {
      id: randomUUID(),
      pnr: generatePnr(),
      status: seatIds ? "HELD" : "WAITLISTED",
      userId: request.actor.userId,
      serviceId: state.inventory.serviceId,
      fromStationId: journey.from.stationId,
      toStationId: journey.to.stationId,
      fromSeq: segment.fromSeq,
      toSeq: segment.toSeq,
      classCode: state.inventory.classCode,
      quotaCode: state.inventory.quotaCode,
      holdExpiresAt: expiresAt,
      currency: context.fare!.currency,
      createdAt: now,
      passengers: input.passengers.map((p, i) => ({
        id: randomUUID(), name: p.name, age: p.age, berthPreference: p.berthPreference ?? "NONE", seatId: seatIds?.[i] ?? null, ...prices.passengers[i]!,
      })),
      ...(seatIds ? {} : { waitlistEntryId: randomUUID() }),
    };
    let position: number | null = null;
    if (seatIds) {
      occupy(state, seatIds, segment, expiresAt);
      this.events.push({
        bookingId: booking.id,
        type: "HELD",
        actor: request.actor,
        data: { seatIds, holdExpiresAt: expiresAt.toISOString(), chosenByPassenger: Boolean(chosenSeatIds(input)) },
      });
    } else {
      position = (await this.liveWaiting()) + this.bookings.filter((b) => b.status === "WAITLISTED").length + 1;
      this.events.push({
        bookingId: booking.id,
        type: "WAITLISTED",
        actor: request.actor,
        data: { waitlistEntryId: booking.waitlistEntryId!, position, paymentDueAt: expiresAt.toISOString() },
      });
    }
    const view = toView(recordOf(booking, journey, this.seatById, position), now);
    const outcome: HoldOutcome = seatIds ? { kind: "held", booking: view } : { kind: "waitlisted", booking: view };
    this.bookings.push(booking);
    this.keys.push({ ...request.ref, requestHash: request.requestHash, outcome });
    const unpaid = this.unpaidOf(request.actor.userId);
    this.unpaid.set(request.actor.userId, { ...unpaid, onService: unpaid.onService + booking.passengers.length, total: unpaid.total + booking.passengers.length });
    return outcome;
  }

  private unpaidOf(userId: string): Allowance {
    return this.unpaid.get(userId) ?? { version: 0, onService: 0, total: 0 };
  }

  /** Live entries already waiting for the inventory, read once and only when someone in the batch joins. */
  private async liveWaiting(): Promise<number> {
    if (this.waitingAhead === undefined) {
      this.waitingAhead = this.context.waitingEntries > 0 ? await waitingCount(this.tx, this.state.inventory) : 0;
    }
    return this.waitingAhead;
  }
}

