import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/current-user";
import { operationsOverview } from "@/lib/admin/overview";
import { nextDaysLoad } from "@/lib/admin/next-days-load";
import { operatorTime } from "@/components/admin/ops/operator-time";
import { NextDaysPanel } from "@/components/admin/ops/next-days-panel";

export const metadata: Metadata = { title: "Operations" };

const number = new Intl.NumberFormat("en-GB");

export default async function AdminHomePage() {
  await requireAdmin("/admin");
  const [o, load] = await Promise.all([operationsOverview(), nextDaysLoad()]);

  const tiles = [
    { label: "Stations", value: o.stations },
    { label: "Active trains", value: o.activeTrains },
    { label: "Services in the next 7 days", value: o.servicesNext7Days },
    { label: "Accounts", value: o.users, note: `${o.admins} operator${o.admins === 1 ? "" : "s"}` },
    { label: "Bookings", value: o.bookings.total, note: `${o.bookings.confirmed} confirmed · ${o.bookings.held} held · ${o.bookings.cancelled} cancelled` },
  ];

  return (
    <>
      <header>
        <h1 className="text-2xl font-bold text-slate-900">Operations</h1>
        <p className="mt-1 text-slate-600">The network and bookings at a glance.</p>
      </header>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((t) => (
          <div key={t.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm font-medium text-slate-600">{t.label}</dt>
            <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{number.format(t.value)}</dd>
            {t.note ? <dd className="mt-1 text-sm text-slate-600">{t.note}</dd> : null}
          </div>
        ))}
      </dl>
      <NextDaysPanel load={load} />
      <p className="text-sm text-slate-500">
        As of <time dateTime={o.generatedAt}>{operatorTime(o.generatedAt)}</time> (Warsaw time)
      </p>
    </>
  );
}
