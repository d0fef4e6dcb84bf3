import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { listTrains } from "@/lib/admin/network/trains";
import { TRAIN_TYPES } from "@/lib/schemas/admin-train";
import { ButtonLink, EmptyState, PageHeader, TableScroll, td, th } from "@/components/admin/admin-ui";

export const metadata: Metadata = { title: "Trains" };

const typeLabel = new Map<string, string>(TRAIN_TYPES.map((t) => [t.value, t.label]));

export default async function TrainsPage() {
  await requireAdmin("/admin/trains");
  const trains = await listTrains();
  return (
    <div className="space-y-5">
      <PageHeader title="Trains" description="Timetabled trains: their route, times and coaches." action={<ButtonLink href="/admin/trains/new">New train</ButtonLink>} />
      {trains.length === 0 ? (
        <EmptyState title="There are no trains yet.">
          <Link href="/admin/trains/new" className="text-brand-700 underline">
            Create the first train
          </Link>
        </EmptyState>
      ) : (
        <TableScroll label="Trains">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Number</th>
                <th scope="col" className={th}>Name</th>
                <th scope="col" className={th}>Type</th>
                <th scope="col" className={th}>Route</th>
                <th scope="col" className={`${th} text-right`}>Stops</th>
                <th scope="col" className={`${th} text-right`}>Coaches</th>
                <th scope="col" className={`${th} text-right`}>Places</th>
                <th scope="col" className={`${th} text-right`}>Coming services</th>
                <th scope="col" className={th}>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {trains.map((t) => (
                <tr key={t.id}>
                  <td className={td}>
                    <Link href={`/admin/trains/${t.id}`} className="font-medium text-brand-700 underline">
                      {t.number}
                    </Link>
                  </td>
                  <td className={td}>{t.name}</td>
                  <td className={td}>{typeLabel.get(t.type) ?? t.type}</td>
                  <td className={td}>{t.origin && t.destination ? `${t.origin} → ${t.destination}` : "No route yet"}</td>
                  <td className={`${td} text-right tabular-nums`}>{t.stops}</td>
                  <td className={`${td} text-right tabular-nums`}>{t.coaches}</td>
                  <td className={`${td} text-right tabular-nums`}>{t.seats}</td>
                  <td className={`${td} text-right tabular-nums`}>{t.upcomingServices}</td>
                  <td className={td}>{t.active ? "Active" : "Withdrawn"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
