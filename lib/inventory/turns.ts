// Requests in this app instance for the same inventory (service, class, quota) take turns here
// before they take the database's seat locks.
//
// Why: under SERIALIZABLE, bookings of one class cannot overlap (each reads the whole class's
// availability, so two that overlap form a read-write cycle and one is aborted), and a transaction
// that waited on a row lock wakes with a stale snapshot (lib/inventory/seats.ts). So contenders
// retry with NOWAIT; with hundreds of them in one process, the retries alone use up the CPU the
// lock holder needs. Queueing in memory costs nothing while waiting and leaves at most one
// contender per instance at the database.
//
// The queue is an optimisation, not the guarantee: correctness comes from the transaction (locks,
// SERIALIZABLE, retries), which other instances contend for just the same. Tests run both ways.
import "server-only";
import { AppError } from "@/lib/errors";

const tails = new Map<string, Promise<void>>();

export function inventoryKey(serviceId: string, classCode: string, quotaCode: string): string {
  return `${serviceId}/${classCode}/${quotaCode}`;
}

function queueEnabled(): boolean {
  return process.env.BOOKING_LOCAL_QUEUE !== "off";
}

/**
 * Runs `task` once every earlier task for `key` has settled. Gives up with SERVICE_BUSY if its turn
 * has not come within `maxWaitMs` (the task then never runs). `task` is told whether it had to
 * wait for another one (what it checked before queueing may have changed meanwhile).
 */
export async function inTurn<T>(key: string, maxWaitMs: number, task: (waited: boolean) => Promise<T>): Promise<T> {
  if (!queueEnabled()) return task(false);
  const ahead = tails.get(key);
  const previous = ahead ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), maxWaitMs)));
    const turn = await Promise.race([previous.then(() => "turn" as const), timedOut]);
    clearTimeout(timer);
    if (turn === "timeout") throw new AppError("SERVICE_BUSY", undefined, { reason: "too many bookings for these seats at once" });
    return await task(ahead !== undefined);
  } finally {
    release();
    // The last one out removes the key, so the map does not grow with every service ever booked.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
