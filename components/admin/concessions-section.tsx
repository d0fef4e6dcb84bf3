// The pricing page's concessions: who each is for, the proof a conductor asks for, the discount in
// force with its form, and the earlier discounts (docs/decisions/041).
import { ageBandText } from "@/lib/fares/concession-terms";
import { basisPointsToPercent } from "@/lib/schemas/admin-pricing";
import type { ConcessionOverview } from "@/lib/admin/network/concessions";
import { EmptyState, TableScroll, card, td, th } from "@/components/admin/admin-ui";
import { ConcessionDiscountForm } from "@/components/admin/concession-discount-form";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "now");

export function ConcessionsSection({ concessions }: { concessions: ConcessionOverview[] }) {
  return (
    <section aria-labelledby="concessions-heading" className="space-y-4">
      <h2 id="concessions-heading" className="text-xl font-semibold">Concessions</h2>
      <p className="text-sm text-slate-600">
        A passenger&apos;s fare less the discount of the concession they travel on: chosen when booking, or a child&apos;s by age. Quota pools (seats kept for seniors)
        are separate and set under Quota pools. Tickets already sold keep the discount they were charged.
      </p>
      {concessions.length === 0 ? <EmptyState title="There are no concessions yet." /> : null}
      {concessions.map((c) => {
        const band = ageBandText(c);
        return (
          <section key={c.code} aria-labelledby={`concession-${c.code}`} className={`${card} space-y-4`} data-concession={c.code}>
            <h3 id={`concession-${c.code}`} className="text-lg font-semibold">
              {c.name} {c.active ? null : <span className="text-sm font-normal text-slate-600">(not offered)</span>}
            </h3>
            <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">Who</dt>
              <dd>{[band ? `Passengers ${band}` : "Any age", c.automatic ? "applied by age without being chosen" : "chosen per passenger"].join(", ")}</dd>
              <dt className="font-medium">Proof on board</dt>
              <dd>{c.proof ?? "None"}</dd>
              <dt className="font-medium">Discount</dt>
              <dd data-testid={`discount-${c.code}`}>{c.current ? `${basisPointsToPercent(c.current.discountBasisPoints)} % since ${when(c.current.validFrom)}` : "None in force: not on sale"}</dd>
            </dl>
            <ConcessionDiscountForm code={c.code} name={c.name} currentBasisPoints={c.current?.discountBasisPoints ?? null} />
            {c.history.length > 0 ? (
              <TableScroll label={`${c.name} discount history`}>
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">Earlier discounts</caption>
                  <thead className="bg-slate-50">
                    <tr>
                      <th scope="col" className={th}>From</th>
                      <th scope="col" className={th}>Until</th>
                      <th scope="col" className={`${th} text-right`}>Discount</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {c.history.map((d) => (
                      <tr key={d.id}>
                        <td className={td}>{when(d.validFrom)}</td>
                        <td className={td}>{when(d.validTo)}</td>
                        <td className={`${td} text-right tabular-nums`}>{basisPointsToPercent(d.discountBasisPoints)} %</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
