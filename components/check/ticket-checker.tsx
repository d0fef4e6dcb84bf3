"use client";
// Checking tickets on one service. A scanned code is verified here first, with the published keys
// this device keeps (components/check/offline-store.ts); online, the server then has the final
// word (the booking as it is now, the first check by anyone) and records the check. With no
// connection the local verdict stands, and an accepted check waits in a queue that is sent as soon
// as the browser is online again. A typed reference has no signature, so it needs the server.
import { useCallback, useEffect, useState } from "react";
import { REFUSAL_MESSAGES, verifyTicketToken, type TicketKeySet, type TicketPayload } from "@/lib/tickets/ticket-token";
import { ticketCheckResultSchema, type CheckedTicket, type TicketCheckView, type VerifyTicketInput } from "@/lib/schemas/tickets";
import { cachedKeySet, enqueueCheck, queuedChecks, refreshKeySet, syncQueuedChecks } from "@/components/check/offline-store";
import { CheckResult, type ShownResult } from "@/components/check/check-result";
import { QrScanner } from "@/components/check/qr-scanner";

interface ServiceChoice {
  id: string;
  trainNumber: string;
  serviceDate: string;
  label: string;
  timeZone: string;
}

function fromPayload(p: TicketPayload): CheckedTicket {
  return { pnr: p.p, train: p.t, date: p.d, from: p.f, to: p.o, fromName: null, toName: null, class: p.c, passengers: p.x.map(([name, coach, number]) => ({ name, coach, number })), source: "SIGNED" };
}

class Offline extends Error {}

async function askServer(body: VerifyTicketInput, key: string): Promise<TicketCheckView> {
  let res: Response;
  try {
    res = await fetch("/api/v1/tickets/verify", { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify(body) });
  } catch {
    throw new Offline();
  }
  const json = await res.json().catch(() => null);
  if (res.status >= 500 && res.status !== 503) throw new Error("The server could not check this ticket. Try again.");
  if (res.status === 503) throw new Offline();
  if (!res.ok) throw new Error(json?.error?.message ?? "This ticket could not be checked.");
  return ticketCheckResultSchema.parse(json);
}

export function TicketChecker({ service }: { service: ServiceChoice }) {
  const [keySet, setKeySet] = useState<TicketKeySet | null>(null);
  const [result, setResult] = useState<ShownResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState(0);
  const [typed, setTyped] = useState("");

  const sync = useCallback(async () => {
    setPending(await syncQueuedChecks());
    setKeySet(await refreshKeySet());
  }, []);

  useEffect(() => {
    // State from the browser's storage, read once the component runs in the browser: the server
    // render has no localStorage, so this cannot be initial state without a hydration mismatch.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setKeySet(cachedKeySet());
    setPending(queuedChecks().length);
    void sync();
    const online = () => void sync();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [sync]);

  async function checkCode(text: string) {
    setBusy(true);
    setError(null);
    const key = crypto.randomUUID();
    const checkedAt = new Date().toISOString();
    const body: VerifyTicketInput = { serviceId: service.id, ticket: text };
    const local = keySet ? await verifyTicketToken(text, keySet, { now: Date.now(), service }) : null;
    try {
      setResult({ view: await askServer(body, key), offline: false });
      setPending(await syncQueuedChecks());
    } catch (e) {
      if (!(e instanceof Offline)) {
        setError((e as Error).message);
      } else if (!local) {
        setError("No connection, and this device has not loaded RailBook's ticket keys yet: it cannot check tickets offline.");
      } else if (!local.ok) {
        setResult({ view: { outcome: "REFUSED", reason: local.reason, message: REFUSAL_MESSAGES[local.reason], ticket: local.ticket ? fromPayload(local.ticket) : null, check: null, firstCheck: null }, offline: true });
      } else {
        enqueueCheck({ key, body: { ...body, checkedAt }, pnr: local.ticket.p });
        setPending(queuedChecks().length);
        setResult({ view: { outcome: "ACCEPTED", reason: null, message: "Valid ticket: signature checked on this device.", ticket: fromPayload(local.ticket), check: null, firstCheck: null }, offline: true });
      }
    } finally {
      setBusy(false);
    }
  }

  async function checkTyped(event: React.FormEvent) {
    event.preventDefault();
    const value = typed.trim();
    if (!value) return setError("Type the booking reference, or paste the ticket code.");
    // A pasted code (RB1.…) is checked like a scanned one; anything else is a booking reference.
    if (value.startsWith("RB1.")) return checkCode(value);
    setBusy(true);
    setError(null);
    try {
      setResult({ view: await askServer({ serviceId: service.id, pnr: value.toUpperCase() }, crypto.randomUUID()), offline: false });
    } catch (e) {
      setError(e instanceof Offline ? "A typed booking reference can only be checked with a connection. Scan the code instead." : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Checking on <strong>{service.label}</strong>.{" "}
        {keySet ? "Ticket keys loaded: signatures verify without a connection." : "Loading ticket keys…"}
      </p>
      {pending > 0 ? (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-300">
          {pending} check{pending > 1 ? "s" : ""} made offline, waiting to be sent.
        </p>
      ) : null}
      <QrScanner onCode={(text) => void checkCode(text)} disabled={busy} />
      <form onSubmit={checkTyped} className="flex gap-2" aria-label="Check by typing">
        <label className="sr-only" htmlFor="typed-ticket">
          Booking reference
        </label>
        <input
          id="typed-ticket"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="Booking reference"
          autoCapitalize="characters"
          autoComplete="off"
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono uppercase"
        />
        <button type="submit" disabled={busy} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold disabled:opacity-60">
          Check
        </button>
      </form>
      {busy ? <p role="status">Checking…</p> : null}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-300">
          {error}
        </p>
      ) : null}
      {result ? <CheckResult result={result} timeZone={service.timeZone} /> : null}
    </div>
  );
}
