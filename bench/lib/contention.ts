// The app's contention counters (lib/booking/booking-tx.ts), read from the server's log: started
// with BOOKING_CONTENTION_LOG=1, the booking path writes one JSON line per lock retry,
// serialization retry and give-up. Counting lines between two marks attributes them to the
// scenario that ran in between, with no endpoint added to the app.
import type { Server } from "./server";

export interface Contention {
  lockRetries: number;
  serializationRetries: number;
  gaveUp: number;
  /** Lines logged at level "error" (unhandled errors that became 500s). */
  errorLines: number;
}

export type Mark = number;

export function mark(server: Server): Mark {
  return server.lines.length;
}

export function contentionSince(server: Server, from: Mark): Contention {
  const counts: Contention = { lockRetries: 0, serializationRetries: 0, gaveUp: 0, errorLines: 0 };
  for (let i = from; i < server.lines.length; i++) {
    const line = server.lines[i]!;
    if (!line.startsWith("{")) continue;
    let entry: { level?: string; message?: string; kind?: string };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.level === "error") counts.errorLines++;
    if (entry.message !== "booking contention") continue;
    if (entry.kind === "lockRetries" || entry.kind === "serializationRetries" || entry.kind === "gaveUp") counts[entry.kind]++;
  }
  return counts;
}

/** The first few error lines since the mark, for the report when something went wrong. */
export function errorsSince(server: Server, from: Mark, limit = 5): string[] {
  return server.lines.slice(from).filter((l) => l.includes('"level":"error"')).slice(0, limit).map((l) => l.slice(0, 400));
}
