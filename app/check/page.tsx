import type { Metadata } from "next";
import { requireConductor } from "@/lib/auth/current-user";
import { servicesOn } from "@/lib/tickets/conductor-services";
import { todayInZone } from "@/lib/time/zoned";
import { TicketChecker } from "@/components/check/ticket-checker";
import { operatorTimeZone } from "@/lib/config";

// The conductor's page: choose the train you are on, then scan tickets (or type a reference).
// Built for a phone held in one hand; the checking itself runs in the browser (components/check).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check tickets" };

type Search = Promise<{ date?: string | string[]; service?: string | string[] }>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CheckPage({ searchParams }: { searchParams: Search }) {
  await requireConductor("/check");
  const params = await searchParams;
  const raw = one(params.date);
  const date = raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : todayInZone(operatorTimeZone());
  const services = await servicesOn(date);
  const chosen = services.find((s) => s.id === one(params.service)) ?? null;

  return (
    <div className="mx-auto max-w-md space-y-5">
      <h1 className="text-2xl font-bold text-brand-900">Check tickets</h1>
      <form method="get" action="/check" className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Your train">
        <div className="grid grid-cols-1 gap-3">
          <label className="block text-sm font-medium text-slate-800">
            Date
            <input type="date" name="date" defaultValue={date} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <label className="block text-sm font-medium text-slate-800">
            Train you are on
            <select name="service" defaultValue={chosen?.id ?? ""} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2">
              <option value="">{services.length === 0 ? "No trains run on this date" : "Choose a train"}</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="submit" className="w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Show trains and choose
        </button>
      </form>
      {chosen ? (
        <TicketChecker key={chosen.id} service={{ id: chosen.id, trainNumber: chosen.trainNumber, serviceDate: date, label: chosen.label, timeZone: chosen.timeZone }} />
      ) : (
        <p className="text-slate-700">Choose the date and your train to start checking.</p>
      )}
    </div>
  );
}
