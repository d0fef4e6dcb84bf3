// A service's passengers: name, seat, journey, PNR and status, a page at a time.
import Link from "next/link";
import type { PassengerRow } from "@/lib/admin/network/service-detail";
import { bookedSeat } from "@/lib/tickets/seat-words";
import { EmptyState, Pager, TableScroll, td, th } from "./admin-ui";

const STATUS_WORDS: Record<string, string> = {
  CONFIRMED: "Confirmed",
  HELD: "Held (awaiting payment)",
  WAITLISTED: "Waiting list",
  CANCELLED: "Cancelled",
  EXPIRED: "Hold expired",
};

interface Props {
  serviceId: string;
  segment: { from?: string; to?: string };
  rows: PassengerRow[];
  total: number;
  page: number;
  pageCount: number;
}

export function PassengerList({ serviceId, segment, rows, total, page, pageCount }: Props) {
  return (
    <section aria-labelledby="passengers-heading" className="space-y-3">
      <h2 id="passengers-heading" className="text-lg font-semibold">
        All bookings, any status
      </h2>
      {rows.length === 0 ? (
        <EmptyState title="No passengers have booked this service yet." />
      ) : (
        <TableScroll label="Passengers">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Name</th>
                <th scope="col" className={th}>Seat</th>
                <th scope="col" className={th}>From</th>
                <th scope="col" className={th}>To</th>
                <th scope="col" className={th}>PNR</th>
                <th scope="col" className={th}>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((p) => (
                <tr key={p.passengerId}>
                  <td className={td}>{p.name}</td>
                  <td className={td}>{bookedSeat({ coach: p.coach, number: p.number, berth: p.berth, status: p.status })}</td>
                  <td className={td}>{p.fromName}</td>
                  <td className={td}>{p.toName}</td>
                  <td className={`${td} font-mono`}>
                    <Link href={`/admin/bookings/${p.pnr}`} className="text-brand-700 underline">
                      {p.pnr}
                    </Link>
                  </td>
                  <td className={td}>{STATUS_WORDS[p.status] ?? p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager path={`/admin/services/${serviceId}`} query={segment} page={page} pageCount={pageCount} total={total} noun={total === 1 ? "passenger" : "passengers"} />
    </section>
  );
}
