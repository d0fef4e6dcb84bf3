import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/current-user";
import { listHolders } from "@/lib/admin/holds";
import { EmptyState, PageHeader, TableScroll, td, th } from "@/components/admin/admin-ui";
import { ReleaseHoldsForm } from "@/components/admin/ops/release-holds-form";
import { operatorTime } from "@/components/admin/ops/operator-time";

export const metadata: Metadata = { title: "Unpaid holds" };

export default async function HoldsPage() {
  await requireAdmin("/admin/holds");
  const { holders, limits } = await listHolders();
  return (
    <div className="space-y-5">
      <PageHeader
        title="Unpaid holds"
        description={`Accounts holding seats they have not paid for (held, or unpaid waiting-list places), most first. One account may hold at most ${limits.perService} unpaid seats on one train and ${limits.total} in all; holds run out by themselves, and releasing them puts the seats back on sale now.`}
      />
      {holders.length === 0 ? (
        <EmptyState title="No account holds unpaid seats right now." />
      ) : (
        <TableScroll label="Accounts with unpaid seats">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Account</th>
                <th scope="col" className={`${th} text-right`}>Unpaid seats</th>
                <th scope="col" className={`${th} text-right`}>Bookings</th>
                <th scope="col" className={`${th} text-right`}>Trains</th>
                <th scope="col" className={th}>First runs out</th>
                <th scope="col" className={th}>Release</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {holders.map((h) => (
                <tr key={h.userId} data-holder={h.email}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {h.name}
                    <span className="block text-xs font-normal text-slate-600">{h.email}</span>
                  </th>
                  <td className={`${td} text-right tabular-nums`}>{h.seats}</td>
                  <td className={`${td} text-right tabular-nums`}>{h.bookings}</td>
                  <td className={`${td} text-right tabular-nums`}>{h.trains}</td>
                  <td className={td}>{operatorTime(h.firstEndsAt)}</td>
                  <td className={td}>
                    <ReleaseHoldsForm userId={h.userId} name={h.name} seats={h.seats} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
