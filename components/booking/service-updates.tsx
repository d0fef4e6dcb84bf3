// "Service updates" on a passenger's booking page: the train's current state when it is not simply
// on time (cancelled, delayed, a new platform), and everything the operator changed and refunded,
// newest first. Renders nothing for a booking nothing has happened to. Server component.
import { db } from "@/lib/db";
import { serviceUpdatesFor } from "@/lib/booking/service-updates";

const KIND_STYLE = { CANCELLED: "text-red-800", DELAY: "text-amber-900", ON_TIME: "text-emerald-800", PLATFORM: "text-sky-900", REFUND: "text-emerald-800", RETIMED: "text-amber-900" } as const;

export async function ServiceUpdates({ pnr, userId }: { pnr: string; userId: string }) {
  const info = await serviceUpdatesFor(db(), userId, pnr);
  if (!info || (info.updates.length === 0 && info.status === "SCHEDULED" && info.platforms.length === 0)) return null;
  const when = new Intl.DateTimeFormat("en-GB", { timeZone: info.timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

  return (
    <section aria-labelledby="service-updates-title" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5 print:shadow-none">
      <h2 id="service-updates-title" className="text-lg font-semibold text-brand-900">Service updates</h2>
      {info.status === "CANCELLED" ? (
        <p className="mt-2 rounded-md bg-red-50 px-3 py-2 font-medium text-red-900">This train is cancelled.</p>
      ) : info.status === "DELAYED" ? (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 font-medium text-amber-900">{`Running about ${info.delayMinutes} minutes late.`}</p>
      ) : null}
      {info.platforms.length > 0 ? (
        <ul className="mt-2 text-sm text-slate-800">
          {info.platforms.map((p) => (
            <li key={p.station}>{`${p.station}: platform ${p.platform}`}</li>
          ))}
        </ul>
      ) : null}
      {info.updates.length > 0 ? (
        <ol className="mt-3 space-y-2 text-sm">
          {info.updates.map((u, i) => (
            <li key={i} data-update={u.kind} className="flex flex-wrap gap-x-3">
              <time dateTime={u.at.toISOString()} className="shrink-0 tabular-nums text-slate-500">
                {when.format(u.at)}
              </time>
              <span className={KIND_STYLE[u.kind]}>{u.text}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
