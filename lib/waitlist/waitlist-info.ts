// GET /api/v1/services/{serviceId}/waitlist: what joining the waiting list would mean right now,
// for the booking form's "Join the waiting list (position N)". Public and unlocked, like the seat
// map: a picture of a moment; the booking transaction decides for real.
import "server-only";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import type { WaitlistInfo, WaitlistQuery } from "@/lib/schemas/booking";
import { resolveJourney } from "@/lib/booking/journey";
import { countSeats } from "@/lib/booking/inventory";
import { waitingCount } from "@/lib/waitlist/queue";
import { waitlistOpenFor } from "@/lib/waitlist/rules";

export async function waitlistInfo(serviceId: string, query: WaitlistQuery): Promise<WaitlistInfo> {
  const journey = await resolveJourney(db(), serviceId, query.from, query.to);
  const inventory = { serviceId, classCode: query.class, quotaCode: query.quota ?? "GENERAL" };
  const segment = { fromSeq: journey.from.seq, toSeq: journey.to.seq };
  const [waiting, seats] = await Promise.all([waitingCount(db(), inventory), countSeats(db(), inventory, segment)]);
  if (seats.total === 0) {
    throw validationError({ class: [`This train has no ${inventory.classCode} seats in the ${inventory.quotaCode} quota.`] }, "No such class on this train.");
  }
  return { waiting, available: seats.free, open: waitlistOpenFor(journey, new Date()) };
}
