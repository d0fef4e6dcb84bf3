import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { trainPickerQuerySchema } from "@/lib/schemas/admin-pricing";
import { trainChoices } from "@/lib/admin/network/services";
import { classAndQuotaNames } from "@/lib/admin/network/service-detail";
import { comingServices, poolQuotas, servicePools, trainClassSeats, trainQuotas } from "@/lib/admin/network/quotas";
import { EmptyState, PageHeader, TableScroll, card, flatParams, td, th, type SearchParams } from "@/components/admin/admin-ui";
import { MoveSeatsForm, QuotaRuleForm, TrainQuotaForm } from "@/components/admin/quota-forms";

export const metadata: Metadata = { title: "Quota pools" };

const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 sm:w-80";

export default async function QuotasPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin/pricing/quotas");
  const query = trainPickerQuerySchema.parse(flatParams(await searchParams));
  const [trains, quotas, names] = await Promise.all([trainChoices(), poolQuotas(), classAndQuotaNames()]);
  const train = trains.find((t) => t.id === query.train);
  const [classes, pools, services] = train
    ? await Promise.all([trainClassSeats(train.id), trainQuotas(train.id), comingServices(train.id)])
    : [[], [], []];
  const service = services.find((s) => s.id === query.service);
  const servicePoolRows = service ? await servicePools(service.id) : [];
  const classOptions = classes.map((c) => ({ value: c.classCode, label: `${c.className} (${c.seats} seats)` }));
  const quotaOptions = quotas.map((q) => ({ value: q.code, label: q.name }));

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/pricing" className="text-sm text-brand-700 underline">← Fares & rules</Link>
      </p>
      <PageHeader title="Quota pools" description="Seats kept for a quota (seniors, ladies, ...) so General passengers cannot buy them." />
      <section aria-labelledby="quota-rules-heading" className={`${card} space-y-4`}>
        <h2 id="quota-rules-heading" className="text-lg font-semibold">Who each quota admits</h2>
        {quotas.length === 0 ? (
          <p className="text-slate-700">There are no quotas besides General.</p>
        ) : (
          <>
            <ul className="list-inside list-disc text-slate-800">
              {quotas.map((q) => (
                <li key={q.code}>{`${q.name}: ${q.minAge === null ? "anyone" : `every traveller aged ${q.minAge} or over`}`}</li>
              ))}
            </ul>
            <QuotaRuleForm quotas={quotaOptions} />
          </>
        )}
      </section>
      <form action="/admin/pricing/quotas" className="flex flex-wrap items-end gap-3">
        <div className="text-sm font-medium text-slate-800">
          <label htmlFor="pick-train">Train</label>
          <select id="pick-train" name="train" defaultValue={train?.id ?? ""} className={select}>
            <option value="">Choose a train</option>
            {trains.map((t) => (
              <option key={t.id} value={t.id}>{`${t.number} ${t.name}`}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">Open</button>
      </form>

      {!train ? (
        <EmptyState title="Choose a train to see and change its pools." />
      ) : classes.length === 0 ? (
        <EmptyState title={`${train.number} has no coaches yet.`}>
          <Link href={`/admin/trains/${train.id}`} className="text-brand-700 underline">Add coaches to the train</Link>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="train-pools-heading" className={`${card} space-y-4`}>
            <h2 id="train-pools-heading" className="text-lg font-semibold">Pools on {train.number} (services generated from now on)</h2>
            {pools.length === 0 ? (
              <p className="text-slate-700">No pools: every seat is General.</p>
            ) : (
              <TableScroll label="Pools on the train">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <thead className="bg-slate-50">
                    <tr>
                      <th scope="col" className={th}>Class</th>
                      <th scope="col" className={th}>Quota</th>
                      <th scope="col" className={`${th} text-right`}>Seats</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {pools.map((p) => (
                      <tr key={p.id}>
                        <td className={td}>{names.classNames[p.classCode] ?? p.classCode}</td>
                        <td className={td}>{names.quotaNames[p.quotaCode] ?? p.quotaCode}</td>
                        <td className={`${td} text-right tabular-nums`}>{p.seatCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <TrainQuotaForm trainId={train.id} classes={classOptions} quotas={quotaOptions} />
          </section>

          <section aria-labelledby="service-pools-heading" className={`${card} space-y-4`}>
            <h2 id="service-pools-heading" className="text-lg font-semibold">Pools on one service</h2>
            <form action="/admin/pricing/quotas" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="train" value={train.id} />
              <div className="text-sm font-medium text-slate-800">
                <label htmlFor="pick-service">Service date</label>
                <select id="pick-service" name="service" defaultValue={service?.id ?? ""} className={select}>
                  <option value="">Choose a date</option>
                  {services.map((s) => (
                    <option key={s.id} value={s.id}>{`${s.serviceDate}${s.status === "CANCELLED" ? " (cancelled)" : ""}`}</option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">Open</button>
            </form>
            {services.length === 0 ? <p className="text-slate-700">No coming services: generate some first.</p> : null}
            {service ? (
              <>
                <TableScroll label="Seats by pool on the service">
                  <table className="min-w-full divide-y divide-slate-200 text-sm">
                    <thead className="bg-slate-50">
                      <tr>
                        <th scope="col" className={th}>Class</th>
                        <th scope="col" className={th}>Pool</th>
                        <th scope="col" className={`${th} text-right`}>Seats</th>
                        <th scope="col" className={`${th} text-right`}>Free to move</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {servicePoolRows.map((p) => (
                        <tr key={`${p.classCode}-${p.quotaCode}`}>
                          <td className={td}>{names.classNames[p.classCode] ?? p.classCode}</td>
                          <td className={td}>{names.quotaNames[p.quotaCode] ?? p.quotaCode}</td>
                          <td className={`${td} text-right tabular-nums`}>{p.seats}</td>
                          <td className={`${td} text-right tabular-nums`}>{p.movable}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <MoveSeatsForm serviceId={service.id} classes={classOptions} quotas={quotaOptions} />
              </>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
