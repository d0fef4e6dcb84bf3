import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { formatMoney } from "@/lib/money";
import { basisPointsToPercent, minorToInput } from "@/lib/schemas/admin-pricing";
import { fareOverview } from "@/lib/admin/network/fares";
import { refundRuleOverview } from "@/lib/admin/network/refund-rules";
import { exchangeRuleOverview } from "@/lib/admin/network/exchange-rules";
import { concessionOverview } from "@/lib/admin/network/concessions";
import { ConcessionsSection } from "@/components/admin/concessions-section";
import { EmptyState, PageHeader, TableScroll, card, td, th } from "@/components/admin/admin-ui";
import { FareRateForm } from "@/components/admin/fare-rate-form";
import { RefundRulesForm } from "@/components/admin/refund-rules-form";

export const metadata: Metadata = { title: "Fares & rules" };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "now");

export default async function PricingPage() {
  await requireAdmin("/admin/pricing");
  const [fares, refunds, exchanges, concessions] = await Promise.all([fareOverview(), refundRuleOverview(), exchangeRuleOverview(), concessionOverview()]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Fares & rules"
        description="Prices per class, concession discounts, refund rules and exchange rules. A change applies from the moment it is saved; earlier versions stay in the history and bookings keep what they were charged."
        action={
          <Link href="/admin/pricing/quotas" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            Quota pools
          </Link>
        }
      />
      <section aria-labelledby="fares-heading" className="space-y-4">
        <h2 id="fares-heading" className="text-xl font-semibold">Fares</h2>
        <p className="text-sm text-slate-600">A journey costs the base fare plus the price per km, and never less than the minimum.</p>
        {fares.length === 0 ? <EmptyState title="There are no travel classes yet." /> : null}
        {fares.map((f) => (
          <section key={f.classCode} aria-labelledby={`fare-${f.classCode}`} className={`${card} space-y-4`}>
            <h3 id={`fare-${f.classCode}`} className="text-lg font-semibold">{f.className}</h3>
            <p className="text-sm text-slate-700">
              {f.current
                ? `In force since ${when(f.current.validFrom)}: 300 km costs ${formatMoney(Math.max(f.current.minMinor, f.current.baseMinor + 300 * f.current.perKmMinor), f.current.currency)}.`
                : "Not on sale: no fare is in force for this class."}
            </p>
            <FareRateForm classCode={f.classCode} className={f.className} current={f.current} />
            {f.history.length > 0 ? (
              <TableScroll label={`${f.className} fare history`}>
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">Earlier fares</caption>
                  <thead className="bg-slate-50">
                    <tr>
                      <th scope="col" className={th}>From</th>
                      <th scope="col" className={th}>Until</th>
                      <th scope="col" className={`${th} text-right`}>Base</th>
                      <th scope="col" className={`${th} text-right`}>Per km</th>
                      <th scope="col" className={`${th} text-right`}>Minimum</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {f.history.map((r) => (
                      <tr key={r.id}>
                        <td className={td}>{when(r.validFrom)}</td>
                        <td className={td}>{when(r.validTo)}</td>
                        <td className={`${td} text-right tabular-nums`}>{formatMoney(r.baseMinor, r.currency)}</td>
                        <td className={`${td} text-right tabular-nums`}>{formatMoney(r.perKmMinor, r.currency)}</td>
                        <td className={`${td} text-right tabular-nums`}>{formatMoney(r.minMinor, r.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
          </section>
        ))}
      </section>

      <ConcessionsSection concessions={concessions} />

      <section aria-labelledby="refunds-heading" className={`${card} space-y-4`}>
        <h2 id="refunds-heading" className="text-xl font-semibold">Refund rules ({refunds.currency})</h2>
        <p className="text-sm text-slate-600">
          A cancellation gets the rule with the largest threshold it meets: that share of each fare back, less the fee per passenger. No rule met, no refund.
        </p>
        <RefundRulesForm
          currency={refunds.currency}
          initial={refunds.current.map((r) => ({ minHoursBefore: String(r.minHoursBefore), refundPercent: basisPointsToPercent(r.refundBasisPoints), fee: minorToInput(r.feeMinor) }))}
        />
        {refunds.history.length > 0 ? (
          <TableScroll label="Refund rule history">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Earlier refund rules</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Hours before</th>
                  <th scope="col" className={`${th} text-right`}>Refunded</th>
                  <th scope="col" className={`${th} text-right`}>Fee</th>
                  <th scope="col" className={th}>From</th>
                  <th scope="col" className={th}>Until</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {refunds.history.map((r) => (
                  <tr key={r.id}>
                    <td className={`${td} tabular-nums`}>{r.minHoursBefore}</td>
                    <td className={`${td} text-right tabular-nums`}>{basisPointsToPercent(r.refundBasisPoints)} %</td>
                    <td className={`${td} text-right tabular-nums`}>{formatMoney(r.feeMinor, r.currency)}</td>
                    <td className={td}>{when(r.validFrom)}</td>
                    <td className={td}>{when(r.validTo)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>

      <section aria-labelledby="exchanges-heading" className={`${card} space-y-4`}>
        <h2 id="exchanges-heading" className="text-xl font-semibold">Exchange rules ({exchanges.currency})</h2>
        <p className="text-sm text-slate-600">
          A passenger changing a paid booking to another train, date or class pays the rule&apos;s fee per passenger besides the fare difference: the rule with the largest threshold the
          time left meets. No rule met, no change (they can still cancel under the refund rules). A train you cancelled changes free.
        </p>
        <RefundRulesForm
          kind="exchange"
          currency={exchanges.currency}
          initial={exchanges.current.map((r) => ({ minHoursBefore: String(r.minHoursBefore), refundPercent: "", fee: minorToInput(r.feeMinor) }))}
        />
        {exchanges.history.length > 0 ? (
          <TableScroll label="Exchange rule history">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Earlier exchange rules</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Hours before</th>
                  <th scope="col" className={`${th} text-right`}>Fee</th>
                  <th scope="col" className={th}>From</th>
                  <th scope="col" className={th}>Until</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {exchanges.history.map((r) => (
                  <tr key={r.id}>
                    <td className={`${td} tabular-nums`}>{r.minHoursBefore}</td>
                    <td className={`${td} text-right tabular-nums`}>{formatMoney(r.feeMinor, r.currency)}</td>
                    <td className={td}>{when(r.validFrom)}</td>
                    <td className={td}>{when(r.validTo)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </div>
  );
}
