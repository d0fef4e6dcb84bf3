// What a cancellation means for the waiting list, run by the cancel core
// (lib/booking/cancel-booking.ts) in the cancelling transaction, after the seats are released:
// a waiting booking leaves its queue; a booking that held seats hands them to whoever waits for
// them, at once (lib/waitlist/promote.ts). Passenger cancels, operator cancels and chart-time
// cancels all pass through here, so none of them can leave a seat free while someone it could
// serve waits.
import "server-only";
import type { Tx } from "@/lib/db";
import { promoteWaitlist, type Promotion } from "@/lib/waitlist/promote";

export async function afterCancel(tx: Tx, booking: { id: string; status: string }, at: Date): Promise<Promotion[]> {
  if (booking.status === "WAITLISTED") {
    await tx.waitlistEntry.updateMany({ where: { bookingId: booking.id, status: "WAITING" }, data: { status: "CANCELLED", resolvedAt: at } });
    return [];
  }
  const inventory = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { serviceId: true, classCode: true, quotaCode: true } });
  return promoteWaitlist(tx, inventory);
}
