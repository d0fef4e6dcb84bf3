// What the conductor's device keeps for a weak connection (localStorage): the last published key
// set, so signatures verify with no network, and the checks made offline, sent when it is back.
import { ticketKeySetSchema, type TicketKeySet } from "@/lib/tickets/ticket-token";
import type { VerifyTicketInput } from "@/lib/schemas/tickets";

const KEYS = "railbook.check.keys";
const QUEUE = "railbook.check.queue";

export interface QueuedCheck {
  /** The Idempotency-Key: names the check, so sending it twice records it once. */
  key: string;
  body: VerifyTicketInput;
  pnr: string;
}

export function cachedKeySet(): TicketKeySet | null {
  try {
    const parsed = ticketKeySetSchema.safeParse(JSON.parse(localStorage.getItem(KEYS) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function refreshKeySet(): Promise<TicketKeySet | null> {
  try {
    const res = await fetch("/.well-known/railbook-ticket-keys", { cache: "no-store" });
    if (!res.ok) return cachedKeySet();
    const parsed = ticketKeySetSchema.safeParse(await res.json());
    if (!parsed.success) return cachedKeySet();
    localStorage.setItem(KEYS, JSON.stringify(parsed.data));
    return parsed.data;
  } catch {
    return cachedKeySet();
  }
}

export function queuedChecks(): QueuedCheck[] {
  try {
    const value = JSON.parse(localStorage.getItem(QUEUE) ?? "[]");
    return Array.isArray(value) ? (value as QueuedCheck[]) : [];
  } catch {
    return [];
  }
}

function saveQueue(queue: QueuedCheck[]): void {
  localStorage.setItem(QUEUE, JSON.stringify(queue));
}

export function enqueueCheck(check: QueuedCheck): void {
  saveQueue([...queuedChecks().filter((c) => c.key !== check.key), check]);
}

/** Sends every queued check; each one the server answered leaves the queue. Returns how many are left. */
export async function syncQueuedChecks(): Promise<number> {
  for (const check of queuedChecks()) {
    let res: Response;
    try {
      res = await fetch("/api/v1/tickets/verify", { method: "POST", headers: { "content-type": "application/json", "idempotency-key": check.key }, body: JSON.stringify(check.body) });
    } catch {
      break; // still offline: try again later
    }
    // 2xx: recorded (or refused, now that the server knows more); 4xx: it will never be accepted.
    if (res.status < 500) saveQueue(queuedChecks().filter((c) => c.key !== check.key));
    else break;
  }
  return queuedChecks().length;
}
