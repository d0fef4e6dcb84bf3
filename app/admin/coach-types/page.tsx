import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { listCoachTypes } from "@/lib/admin/network/coach-types";
import { ButtonLink, EmptyState, PageHeader, TableScroll, td, th } from "@/components/admin/admin-ui";

export const metadata: Metadata = { title: "Coach types" };

export default async function CoachTypesPage() {
  await requireAdmin("/admin/coach-types");
  const rows = await listCoachTypes();
  return (
    <div className="space-y-5">
      <PageHeader
        title="Coach types"
        description="Seat layouts trains are made of. A layout is fixed once created: services copy its seats."
        action={<ButtonLink href="/admin/coach-types/new">New coach type</ButtonLink>}
      />
      {rows.length === 0 ? (
        <EmptyState title="There are no coach types yet.">
          <Link href="/admin/coach-types/new" className="text-brand-700 underline">
            Create one from a template
          </Link>
        </EmptyState>
      ) : (
        <TableScroll label="Coach types">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Code</th>
                <th scope="col" className={th}>Name</th>
                <th scope="col" className={th}>Class</th>
                <th scope="col" className={th}>Kind</th>
                <th scope="col" className={`${th} text-right`}>Places</th>
                <th scope="col" className={`${th} text-right`}>Trains</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => (
                <tr key={c.id}>
                  <td className={td}>
                    <Link href={`/admin/coach-types/${c.id}`} className="font-mono font-medium text-brand-700 underline">
                      {c.code}
                    </Link>
                  </td>
                  <td className={td}>{c.name}</td>
                  <td className={td}>{c.className}</td>
                  <td className={td}>{c.kind === "SLEEPER" ? "Sleeper" : "Seated"}</td>
                  <td className={`${td} text-right tabular-nums`}>{c.seats}</td>
                  <td className={`${td} text-right tabular-nums`}>{c.trains}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
