// How many live streams this instance keeps open, in all and per client address. A stream holds a
// socket and a listener subscription for up to ten minutes, so without a cap one client could
// open thousands and starve everyone else. Counted per process: each instance protects itself,
// and an address spread over instances behind a balancer gets LIVE_STREAMS_PER_ADDRESS on each.
import "server-only";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";


export function streamLimits() {
  return {
    /** A browser opens one per tab (seat map or results page) plus the personal one. */
    perAddress: config().LIVE_STREAMS_PER_ADDRESS,
    perInstance: config().LIVE_STREAMS_MAX,
    /** A stream that has carried no event for this long is closed; the browser reconnects if it still cares. */
    idleMs: config().LIVE_STREAM_IDLE_MS,
  };
}

const open = { total: 0, byAddress: new Map<string, number>() };

/** Takes a slot for a new stream or refuses; the returned function gives it back (once). */
export function reserveStream(address: string | null): () => void {
  const limits = streamLimits();
  const key = address ?? "unknown";
  if (open.total >= limits.perInstance) {
    throw new AppError("SERVICE_BUSY", "Live updates are busy right now; the page refreshes on its own.", { retryAfterSeconds: 30 });
  }
  const mine = open.byAddress.get(key) ?? 0;
  if (mine >= limits.perAddress) {
    throw new AppError("RATE_LIMITED", "Too many live connections from your network. Close some RailBook tabs and try again.", { retryAfterSeconds: 30 });
  }
  open.total++;
  open.byAddress.set(key, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    open.total--;
    const left = (open.byAddress.get(key) ?? 1) - 1;
    if (left > 0) open.byAddress.set(key, left);
    else open.byAddress.delete(key);
  };
}

/** Open streams now, for tests and logs. */
export function openStreamCounts(address?: string | null): { total: number; forAddress: number } {
  return { total: open.total, forAddress: address === undefined ? 0 : (open.byAddress.get(address ?? "unknown") ?? 0) };
}
