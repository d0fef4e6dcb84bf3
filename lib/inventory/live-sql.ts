// The one definition of a live seat allocation, as SQL text. A seat is taken for a segment while
// one of its allocations overlaps it and is live: not released, and either paid (no expiry) or a
// hold that has not run out at `at` (decision 001). Prisma-free and dependency-free, so bench/ and
// cluster/ (plain pg) use the very same text as lib/ (lib/inventory/live.ts wraps it for Prisma).

/** `alias` is a "SeatAllocation" row alias; `at` an SQL expression for the moment judged (default the transaction's start). */
export function liveAllocationText(alias: string, at = "now()"): string {
  return `${alias}."releasedAt" IS NULL AND (${alias}."expiresAt" IS NULL OR ${alias}."expiresAt" > ${at})`;
}

/** Two stop ranges [fromSeq, toSeq) share a stretch of track. */
export function overlapText(alias: string, fromSeq: string, toSeq: string): string {
  return `${alias}."fromSeq" < ${toSeq} AND ${alias}."toSeq" > ${fromSeq}`;
}
