// Who travels where on a booking: each passenger's coach and seat (or berth), concession with the proof to show, fare, and the
// total. A server component; the checkout, the e-ticket and print all use it.
import type { ReactNode } from "react";
import type { BookingView } from "@/lib/schemas/booking";
import { formatMoney } from "@/lib/money";
import { bookedSeat } from "@/lib/tickets/seat-words";
import { concessionLabel } from "@/lib/fares/concession-terms";

const PASSENGER_STATUS: Record<string, string> = { CONFIRMED: "", WAITLISTED: "Waiting list", CANCELLED: "Cancelled" };

/** `passengerAction`: something to offer beside a travelling passenger (the e-ticket page: cancelling just them). */
export function BookingSummary({ booking, className = "", passengerAction }: { booking: BookingView; className?: string; passengerAction?: (position: number, name: string) => ReactNode }) {
  return (
    <section aria-label="Passengers and seats" className={`rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5 ${className}`}>
      <table className="w-full text-left text-sm sm:text-base">
        <caption className="mb-2 text-left text-lg font-semibold text-brand-900">Passengers and seats</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Passenger
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Coach and seat
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Fare
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {booking.passengers.map((p, i) => (
            <tr key={i} data-passenger-row={i + 1}>
              <th scope="row" className="py-2 pr-3 font-medium">
                {p.name}
                <span className="block text-xs font-normal text-slate-500">Age {p.age}</span>
                {p.concession ? (
                  <span className="block text-xs font-normal text-amber-900" data-concession-row={i + 1}>
                    {concessionLabel(p.concession)}
                    {p.concession.proof ? ` · show ${p.concession.proof}` : ""}
                  </span>
                ) : null}
              </th>
              <td className="py-2 pr-3">
                {bookedSeat(p)}
                {PASSENGER_STATUS[p.status] && <span className="block text-xs text-amber-800">{PASSENGER_STATUS[p.status]}</span>}
              </td>
              <td className="py-2 text-right tabular-nums">
                <span data-fare-row={i + 1}>{formatMoney(p.fare.amount, p.fare.currency)}</span>
                {p.fullFare.amount !== p.fare.amount ? (
                  <span className="block text-xs text-slate-500">
                    <span className="sr-only">Full fare </span>
                    <s>{formatMoney(p.fullFare.amount, p.fullFare.currency)}</s>
                  </span>
                ) : null}
                {passengerAction && p.status === "CONFIRMED" && <span className="mt-1 block print:hidden">{passengerAction(i + 1, p.name)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-200">
            <th scope="row" colSpan={2} className="pr-3 pt-3 text-right font-semibold">
              Total
            </th>
            <td className="pt-3 text-right text-lg font-semibold tabular-nums" data-testid="booking-summary-total">
              {formatMoney(booking.total.amount, booking.total.currency)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-2 text-sm text-slate-600">
        {booking.class.charAt(0) + booking.class.slice(1).toLowerCase()} class
        {booking.quota !== "GENERAL" ? ` · ${booking.quota.charAt(0) + booking.quota.slice(1).toLowerCase()} quota` : ""}
      </p>
    </section>
  );
}
