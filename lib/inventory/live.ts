// The live-allocation rule for lib/ (Prisma SQL fragments and the same rule in memory). The SQL
// text itself lives in lib/inventory/live-sql.ts, which bench/ and cluster/ import too.
import { Prisma } from "@/lib/generated/prisma/client";
import { liveAllocationText } from "@/lib/inventory/live-sql";

/** "now()": the transaction's start, so a hold ending mid-transaction still counts (the safe side). */
export const TX_NOW = Prisma.sql`now()`;

/**
 * SQL: the allocation `alias` is live at `at`. `at` must be a trusted expression (`now()`,
 * `clock_timestamp()`) or a bound parameter: parameters are numbered into the fragment.
 */
export function liveAllocation(alias: string, at: Prisma.Sql = TX_NOW): Prisma.Sql {
  const [before, after] = liveAllocationText(alias, "\u0000").split("\u0000");
  return Prisma.sql`${Prisma.raw(before!)}${at}${Prisma.raw(after!)}`;
}

/** The same rule in memory: released allocations are never read into memory, so only the expiry decides. */
export function isLiveAt(allocation: { expiresAt: Date | null }, now: Date): boolean {
  return allocation.expiresAt === null || allocation.expiresAt.getTime() > now.getTime();
}
