// The app's contention counters (lib/inventory/transaction.ts), read from the server's log: started
// with BOOKING_CONTENTION_LOG=1, the booking path writes one JSON line per lock retry,
// serialization retry and give-up. Counting lines between two marks attributes them to the
// scenario that ran in between, with no endpoint added to the app.
import type { Server } from "./server";
import { percentile } from "./stats";

/** Turns at an inventory's in-process queue (a booking or payment transaction, retries included). */
export interface Turns {
  count: number;
  /** Sum of the time turns were held: the time some inventory was busy, serially. */
  heldTotalMs: number;
  heldP50: number;
  heldP95: number;
  /** Time spent queued behind other requests for the same inventory. */
  queuedP50: number;
  queuedP95: number;
}

export interface Contention {
  lockRetries: number;
  serializationRetries: number;
  gaveUp: number;
  /** Lines logged at level "error" (unhandled errors that became 500s). */
  errorLines: number;
  turns: Turns;
}

export type Mark = number;

export function mark(server: Server): Mark {
  return server.lines.length;
}

export function contentionSince(server: Server, from: Mark): Contention {
  const counts: Omit<Contention, "turns"> = { lockRetries: 0, serializationRetries: 0, gaveUp: 0, errorLines: 0 };
  const held: number[] = [];
  const queued: number[] = [];
  for (let i = from; i < server.lines.length; i++) {
    const line = server.lines[i]!;
    if (!line.startsWith("{")) continue;
    let entry: { level?: string; message?: string; kind?: string; heldMs?: number; queuedMs?: number };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.level === "error") counts.errorLines++;
    if (entry.message === "inventory turn") {
      held.push(entry.heldMs ?? 0);
      queued.push(entry.queuedMs ?? 0);
      continue;
    }
    if (entry.message !== "booking contention") continue;
    if (entry.kind === "lockRetries" || entry.kind === "serializationRetries" || entry.kind === "gaveUp") counts[entry.kind]++;
  }
  held.sort((a, b) => a - b);
  queued.sort((a, b) => a - b);
  const turns: Turns = {
    count: held.length,
    heldTotalMs: held.reduce((a, b) => a + b, 0),
    heldP50: percentile(held, 50),
    heldP95: percentile(held, 95),
    queuedP50: percentile(queued, 50),
    queuedP95: percentile(queued, 95),
  };
  return { ...counts, turns };
}

/** The first few error lines since the mark, for the report when something went wrong. */
export function errorsSince(server: Server, from: Mark, limit = 5): string[] {
  return server.lines.slice(from).filter((l) => l.includes('"level":"error"')).slice(0, limit).map((l) => l.slice(0, 400));
}
