import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { listHolders } from "@/lib/admin/holds";
import { releasedQuerySchema } from "@/lib/schemas/admin-ops";
import { plural } from "@/lib/limits/limiter";
import { EmptyState, PageHeader, TableScroll, flatParams, td, th, type SearchParams } from "@/components/admin/admin-ui";
import { ReleaseHoldsForm } from "@/components/admin/ops/release-holds-form";
import { operatorTime } from "@/components/admin/ops/operator-time";

export const metadata: Metadata = { title: "Unpaid holds" };

export default async function HoldsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin("/admin/holds");
  const released = releasedQuerySchema.safeParse(flatParams(await searchParams));
  const [{ holders, limits }, releasedUser] = await Promise.all([
    listHolders(),
    released.success ? db().user.findUnique({ where: { id: released.data.released }, select: { name: true } }) : null,
  ]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Unpaid holds"
        description={`Accounts holding seats they have not paid for (held, or unpaid waiting-list places), most first. One account may hold at most ${limits.perService} unpaid seats on one train and ${limits.total} in all; holds run out by themselves, and releasing them puts the seats back on sale now.`}
      />
      {released.success && releasedUser ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          {released.data.bookings === 0
            ? `${releasedUser.name} holds no unpaid seats any more.`
            : `Released ${plural(released.data.seats, "seat")} in ${plural(released.data.bookings, "booking")} of ${releasedUser.name}; they are back on sale and ${releasedUser.name} was told.`}
        </p>
      ) : null}
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
