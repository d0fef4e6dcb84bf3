import type { Metadata } from "next";
import Link from "next/link";
import { requireDesk } from "@/lib/auth/current-user";
import { fieldErrorsFrom } from "@/lib/validation";
import { bookingSearchSchema, type BookingSearch } from "@/lib/schemas/admin-ops";
import { searchBookings } from "@/lib/admin/booking-lookup";
import { formatMoney } from "@/lib/money";
import { EmptyState, PageHeader, Pager, TableScroll, flatParams, td, th, type SearchParams } from "@/components/admin/admin-ui";
import { StatusBadge } from "@/components/booking/status-badge";
import { BookingSearchForm } from "@/components/admin/ops/booking-search-form";

export const metadata: Metadata = { title: "Bookings" };

export default async function AdminBookingsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireDesk("/admin/bookings");
  const raw = flatParams(await searchParams);
  const parsed = bookingSearchSchema.safeParse(raw);
  // A half-filled train search shows its field errors and the latest bookings meanwhile.
  const search: BookingSearch = parsed.success ? parsed.data : { page: 1 };
  const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const { bookings, total, page, pageCount } = await searchBookings(search);
  const searching = Boolean(search.q || search.train);

  return (
    <div className="space-y-5">
      <PageHeader title="Bookings" description="Find any passenger's booking by its reference, the passenger's e-mail or name, or a train on a date." />
      <BookingSearchForm values={raw} errors={errors} />
      <h2 className="text-lg font-semibold text-slate-900">{searching ? "Matching bookings" : "Latest bookings"}</h2>
      {bookings.length === 0 ? (
        <EmptyState title={searching ? "No booking matches this search." : "There are no bookings yet."}>
          {searching ? "Check the reference (10 characters) or search by e-mail instead." : null}
        </EmptyState>
      ) : (
        <TableScroll label="Bookings">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Reference</th>
                <th scope="col" className={th}>Status</th>
                <th scope="col" className={th}>Passenger account</th>
                <th scope="col" className={th}>Train</th>
                <th scope="col" className={th}>Journey</th>
                <th scope="col" className={`${th} text-right`}>People</th>
                <th scope="col" className={`${th} text-right`}>Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {bookings.map((b) => (
                <tr key={b.pnr}>
                  <td className={td}>
                    <Link href={`/admin/bookings/${b.pnr}`} className="font-mono font-semibold text-brand-700 underline">
                      {b.pnr}
                    </Link>
                  </td>
                  <td className={td}>
                    <StatusBadge status={b.status} />
                  </td>
                  <td className={td}>
                    {b.owner.name}
                    <span className="block text-xs text-slate-600">{b.owner.email}</span>
                  </td>
                  <td className={td}>
                    {b.train.number}
                    <span className="block text-xs text-slate-600">{b.serviceDate}</span>
                  </td>
                  <td className={td}>{`${b.from} → ${b.to}`}</td>
                  <td className={`${td} text-right tabular-nums`}>{b.passengers}</td>
                  <td className={`${td} text-right tabular-nums`}>{formatMoney(b.total.amount, b.total.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager path="/admin/bookings" query={{ q: search.q, train: search.train, date: search.date }} page={page} pageCount={pageCount} total={total} noun={total === 1 ? "booking" : "bookings"} />
    </div>
  );
}
