// Booking decisions read the database's clock, never the app server's: holds are compared with
// their expiry in SQL (lib/inventory/seats.ts), and several app instances with drifting clocks
// must agree with that comparison about whether a hold has run out.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { config } from "@/lib/config";

/** The transaction's start (`now()`): earlier than any moment inside it, so a hold judged live by it errs on the safe side. */
export async function transactionTime(tx: Db | Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ at: Date }[]>`SELECT now() AS at`;
  return row!.at;
}

/** The wall clock at this statement (`clock_timestamp()`): for checks made after waiting on a lock. */
export async function currentTime(tx: Db | Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ at: Date }[]>`SELECT clock_timestamp() AS at`;
  return row!.at;
}

export function holdMinutes(): number {
  return config().HOLD_MINUTES;
}
