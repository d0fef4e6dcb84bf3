// Requests in this app instance for the same inventory (service, class, quota) take turns here, and
// when an inventory's turn comes, every request queued for it by then is served together: one
// transaction, one lock, one commit for the whole batch (up to BOOKING_BATCH_MAX, default 64).
//
// Why: under SERIALIZABLE, decisions on one class cannot overlap (each reads the whole class's
// availability, so two that overlap form a read-write cycle and one is aborted), so they are serial
// by nature (decision 008). Serving them one transaction each makes 64 buyers wait for 63 commits;
// serving them as one batch makes them wait for one (decision 018).
//
// The queue is an optimisation, not the guarantee: correctness comes from the transaction (locks,
// SERIALIZABLE, retries), which other instances contend for just the same. With
// BOOKING_LOCAL_QUEUE=off every request is a batch of its own and meets the others only in the
// database, as if each came through its own instance; the tests run both ways.
import "server-only";
import { AppError } from "@/lib/errors";
import { outsideRequestDeadline } from "@/lib/db/connection-retry";
import { config } from "@/lib/config";

/** One request waiting for its inventory's turn. `serve` settles every ticket of its batch. */
export interface Ticket {
  /** Epoch ms after which the request is answered SERVICE_BUSY instead of being served. */
  deadline: number;
  /** Served in a batch of its own (work that runs its own transaction, e.g. the sweeper's promotion). */
  alone?: boolean;
  /** Tickets with the same `serve` can share a batch. */
  serve: (batch: Ticket[]) => Promise<void>;
  /** Answers the request with an error (never called once it has been answered). */
  fail: (error: unknown) => void;
}

interface Line {
  queue: { ticket: Ticket; timer: ReturnType<typeof setTimeout> }[];
  running: boolean;
}

const lines = new Map<string, Line>();

/** Running totals for this process: batches served and the requests in them (bench/ and tests read these). */
export const batching = { batches: 0, requests: 0, largest: 0 };


export function batchMax(): number {
  return config().BOOKING_BATCH_MAX;
}

function queueEnabled(): boolean {
  return config().BOOKING_LOCAL_QUEUE;
}

export function busy(reason: string): AppError {
  return new AppError("SERVICE_BUSY", undefined, { reason });
}

/** Whether requests for `key` are being served or queued in this instance right now (a rush is on). */
export function isBusy(key: string): boolean {
  const line = lines.get(key);
  return line !== undefined && (line.running || line.queue.length > 0);
}

/** How many requests for `key` wait for their turn in this instance (not counting a batch being served). */
export function queuedFor(key: string): number {
  return lines.get(key)?.queue.length ?? 0;
}

/** Requests waiting for a turn in this instance, over every inventory, and the inventories being served or waited for. */
export function queueDepth(): { waiting: number; lines: number } {
  let waiting = 0;
  for (const line of lines.values()) waiting += line.queue.length;
  return { waiting, lines: lines.size };
}

/** Queues `ticket` for the inventory `key`; it is served (or failed) later, by its own `serve`. */
export function takeTurn(key: string, ticket: Ticket): void {
  if (!queueEnabled()) {
    void serveBatch([ticket]);
    return;
  }
  let line = lines.get(key);
  if (!line) lines.set(key, (line = { queue: [], running: false }));
  const entry = {
    ticket,
    timer: setTimeout(() => {
      const i = line.queue.indexOf(entry);
      if (i < 0) return;
      line.queue.splice(i, 1);
      ticket.fail(busy("too many bookings for these seats at once"));
    }, Math.max(0, ticket.deadline - Date.now())),
  };
  line.queue.push(entry);
  // The line serves everyone queued on it, not just the request that opened it: it runs outside
  // that request's context (its connection-retry deadline, lib/db/connection-retry.ts).
  if (!line.running) outsideRequestDeadline(() => void run(key, line));
}

/** The next batch: the first ticket and those after it that share its `serve`, stopping at one that must run alone. */
function nextBatch(line: Line): Ticket[] {
  const first = line.queue.shift()!;
  clearTimeout(first.timer);
  const batch = [first.ticket];
  if (first.ticket.alone) return batch;
  const max = batchMax();
  while (batch.length < max && line.queue.length > 0) {
    const next = line.queue[0]!;
    if (next.ticket.alone || next.ticket.serve !== first.ticket.serve) break;
    line.queue.shift();
    clearTimeout(next.timer);
    batch.push(next.ticket);
  }
  return batch;
}

async function run(key: string, line: Line): Promise<void> {
  line.running = true;
  try {
    while (line.queue.length > 0) await serveBatch(nextBatch(line));
  } finally {
    line.running = false;
    // The last one out removes the line, so the map does not grow with every service ever booked.
    if (line.queue.length === 0 && lines.get(key) === line) lines.delete(key);
    else if (line.queue.length > 0) void run(key, line);
  }
}

async function serveBatch(batch: Ticket[]): Promise<void> {
  batching.batches++;
  batching.requests += batch.length;
  batching.largest = Math.max(batching.largest, batch.length);
  try {
    await batch[0]!.serve(batch);
  } catch (error) {
    // `serve` answers everyone it can; whoever it could not gets the error (fail() ignores the answered).
    for (const ticket of batch) ticket.fail(error);
  }
}
