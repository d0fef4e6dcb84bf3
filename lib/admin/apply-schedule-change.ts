// One entry point for the three schedule changes, for POST /api/v1/admin/schedule-changes: the
// request names its kind, and the answer has the same shape whichever it was.
import "server-only";
import type { UserActor } from "@/lib/auth/actor";
import type { PaymentProvider } from "@/lib/payments/provider";
import type { ScheduleChangeInput } from "@/lib/schemas/admin-ops";
import type { ScheduleChangeResultView } from "@/lib/schemas/admin-ops-views";
import { changePlatform, delayService } from "@/lib/admin/schedule-changes";
import { cancelService } from "@/lib/admin/schedule-cancellation";

export interface AppliedScheduleChange {
  /** False when nothing new was recorded (a cancellation sent again only finished its bookings). */
  created: boolean;
  result: ScheduleChangeResultView;
}

export async function applyScheduleChange(admin: UserActor, input: ScheduleChangeInput, provider: PaymentProvider): Promise<AppliedScheduleChange> {
  switch (input.kind) {
    case "DELAY":
      return { created: true, result: await delayService(admin, input) };
    case "PLATFORM":
      return { created: true, result: await changePlatform(admin, input) };
    case "CANCELLATION": {
      const done = await cancelService(admin, input, provider);
      return {
        created: !done.alreadyCancelled,
        result: {
          scheduleChangeId: done.scheduleChangeId,
          kind: "CANCELLATION",
          affectedBookings: done.cancelledBookings,
          service: { status: "CANCELLED", delayMinutes: done.delayMinutes },
          cancellation: { alreadyCancelled: done.alreadyCancelled, refunded: done.refunded.map((r) => ({ amount: r.amountMinor, currency: r.currency })), batches: done.batches, complete: done.complete },
        },
      };
    }
  }
}
