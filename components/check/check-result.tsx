// The answer a conductor acts on, large and unmistakable: green (valid, now checked), amber
// (valid, checked before: when and by whom), red (refused, and why), with the passengers and seats.
import type { CheckedTicket, TicketCheckView } from "@/lib/schemas/tickets";

export interface ShownResult {
  view: TicketCheckView;
  /** Judged on this device alone (no connection): sent to the server when it is back. */
  offline: boolean;
}

const TONE = {
  ACCEPTED: "bg-green-50 text-green-900 ring-green-600",
  ALREADY_CHECKED: "bg-amber-50 text-amber-900 ring-amber-500",
  REFUSED: "bg-red-50 text-red-900 ring-red-600",
} as const;

const HEADLINE = { ACCEPTED: "Valid ticket", ALREADY_CHECKED: "Already checked", REFUSED: "Refused" } as const;

function clock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", day: "numeric", month: "short" }).format(new Date(iso));
}

function Passengers({ ticket }: { ticket: CheckedTicket }) {
  return (
    <div className="space-y-1 text-slate-900">
      <p className="font-semibold">
        {ticket.train} · {ticket.date} · {ticket.fromName ?? ticket.from} → {ticket.toName ?? ticket.to} · <span className="font-mono">{ticket.pnr}</span>
      </p>
      <ul aria-label="Passengers and seats" className="divide-y divide-slate-200 rounded-md bg-white ring-1 ring-slate-200">
        {ticket.passengers.map((p, i) => (
          <li key={i} className="px-3 py-2" data-testid="checked-passenger">
            <div className="flex justify-between gap-3">
              <span>{p.name}</span>
              <span className="shrink-0 font-medium">{p.coach ? `Coach ${p.coach}, seat ${p.number}` : "No seat"}</span>
            </div>
            {p.concession ? (
              <p className="mt-1 text-sm text-amber-900">
                {p.concession.name}
                {p.concession.proof ? <>: ask for <strong>{p.concession.proof}</strong></> : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CheckResult({ result, timeZone }: { result: ShownResult; timeZone: string }) {
  const { view, offline } = result;
  return (
    <section aria-live="assertive" aria-label="Check result" className={`space-y-3 rounded-xl p-4 ring-2 ${TONE[view.outcome]}`}>
      <h2 className="text-2xl font-bold" data-testid="check-outcome">
        {HEADLINE[view.outcome]}
      </h2>
      <p className="text-lg">{view.message}</p>
      {view.firstCheck ? (
        <p className="font-semibold">
          First checked {clock(view.firstCheck.checkedAt, timeZone)} by {view.firstCheck.conductor ?? "a former conductor"}.
        </p>
      ) : null}
      {offline ? <p className="text-sm">Checked on this device without a connection: it is sent to RailBook when the connection is back.</p> : null}
      {view.ticket ? <Passengers ticket={view.ticket} /> : null}
    </section>
  );
}
