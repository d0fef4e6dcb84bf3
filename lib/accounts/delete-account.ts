// Deleting one's own account (issue 16; docs/decisions/043-account-deletion.md).
// The operator must keep its bookings for accounting (what was sold, paid and refunded), so the
// User row stays, anonymised, and its bookings keep pointing at it: no name, no email, no way in.
// Everything else personal goes: passenger names become "Passenger N", card last digits are
// dropped, notices, API tokens, reset links and idempotency records (which keep request bodies)
// are deleted. Trips still ahead must be cancelled first (by the owner, under the refund rules):
// deleting an account must not silently give up, or refund, tickets someone may still travel on.
import "server-only";
import { AppError, validationError } from "@/lib/errors";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { assertNotThrottled, clearFailures, recordFailure } from "@/lib/auth/throttle";
import type { DeleteAccountInput } from "@/lib/schemas/auth";

/** A trip counts as still ahead until a day after its train left its origin (it may still be running). */
const TRIP_OVER_AFTER_MS = 24 * 3_600_000;

export const DELETED_NAME = "Deleted account";
export const deletedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

export type DeleteOutcome = { kind: "deleted" } | { kind: "refused"; pnrs: string[] };

/** Bookings that stop the account being deleted: unpaid holds, waiting-list places, paid trips not yet over. */
export async function bookingsInTheWay(userId: string, now: Date = new Date()): Promise<string[]> {
  const rows = await db().booking.findMany({
    where: {
      userId,
      OR: [
        { status: { in: ["HELD", "WAITLISTED"] } },
        { status: "CONFIRMED", service: { status: { not: "CANCELLED" }, departsAt: { gt: new Date(now.getTime() - TRIP_OVER_AFTER_MS) } } },
      ],
    },
    select: { pnr: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.pnr);
}

/**
 * Checks the password (wrong guesses count against the sign-in throttle, as a password change's
 * do), refuses while bookingsInTheWay has any, then anonymises in one transaction.
 * Staff accounts are refused: an operator takes their role away first (the last-admin guard,
 * docs/decisions/015, must stay whole).
 */
export async function deleteOwnAccount(userId: string, input: DeleteAccountInput, address: string | null, now: Date = new Date()): Promise<DeleteOutcome> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true, role: true, deletedAt: true } });
  if (user.deletedAt) throw new AppError("UNAUTHENTICATED");
  const subjects = { email: user.email, address };
  await assertNotThrottled(subjects);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(subjects);
    throw validationError({ password: ["That is not your password."] }, "Your password is not correct, so nothing was deleted.");
  }
  await clearFailures(subjects);
  if (user.role !== "PASSENGER") {
    throw new AppError("FORBIDDEN", "Staff accounts cannot delete themselves. Ask an operator to make this a passenger account first.");
  }

  return db().$transaction(async (tx) => {
    // The row lock orders this against a booking being made by the same account meanwhile.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const pnrs = await bookingsInTheWay(userId, now);
    if (pnrs.length > 0) return { kind: "refused", pnrs } as const;

    const bookingIds = (await tx.booking.findMany({ where: { userId }, select: { id: true } })).map((b) => b.id);
    await tx.$executeRaw`UPDATE "BookingPassenger" SET name = 'Passenger ' || position::text WHERE "bookingId" = ANY(${bookingIds}::text[])`;
    await tx.payment.updateMany({ where: { bookingId: { in: bookingIds } }, data: { cardLast4: null } });
    await tx.notification.deleteMany({ where: { userId } });
    await tx.apiToken.deleteMany({ where: { userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    await tx.idempotencyKey.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      // "!" is no Argon2 hash: verifyPassword is false for every password, and the session stamp
      // (derived from the hash) changes, so every session of the account ends now.
      data: { email: deletedEmail(userId), name: DELETED_NAME, passwordHash: "!deleted", deletedAt: now, sessionVersion: { increment: 1 } },
    });
    return { kind: "deleted" } as const;
  });
}
