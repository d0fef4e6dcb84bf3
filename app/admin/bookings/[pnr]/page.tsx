import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireDesk } from "@/lib/auth/current-user";
import { listAudit } from "@/lib/admin/audit-log";
import { adminBookingDetail } from "@/lib/admin/booking-lookup";
import { formatMoney } from "@/lib/money";
import { PageHeader, TableScroll, card, td, th } from "@/components/admin/admin-ui";
import { BookingSummary } from "@/components/booking/booking-summary";
import { JourneyHeader } from "@/components/booking/journey-header";
import { StatusBadge } from "@/components/booking/status-badge";
import { AdminCancelForm } from "@/components/admin/ops/admin-cancel-form";
import { ResendTicketForm } from "@/components/admin/ops/resend-ticket-form";
import { EventHistory } from "@/components/admin/ops/event-history";
import { operatorTime } from "@/components/admin/ops/operator-time";

export const metadata: Metadata = { title: "Booking" };

const SERVICE_STATUS = { SCHEDULED: "Running to timetable", DELAYED: "Delayed", CANCELLED: "Cancelled" } as const;

export default async function AdminBookingPage({ params }: { params: Promise<{ pnr: string }> }) {
  const { pnr } = await params;
  const me = await requireDesk(`/admin/bookings/${pnr}`);
  // Desk staff read the booking and resend its ticket; cancelling and schedules are the admins' (decision 031).
  const isAdmin = me.role === "ADMIN";
  const detail = await adminBookingDetail(pnr);
  if (!detail) notFound();
  const resends = await listAudit({ targetId: detail.booking.pnr, action: "booking.ticket.resend", take: 10 });
  const { booking, owner, service, payments, refunds, events, cancelQuote } = detail;
  const money = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/bookings" className="text-sm text-brand-700 underline">
          ← All bookings
        </Link>
      </p>
      <PageHeader
        title={`Booking ${booking.pnr}`}
        description={
          <>
            {`${owner.name} · `}
            <a href={`mailto:${owner.email}`} className="underline">
              {owner.email}
            </a>
          </>
        }
        action={<StatusBadge status={booking.status} />}
      />
      <section aria-label="Train and journey" className={card}>
        <JourneyHeader headingLevel={2} train={booking.train} fromName={booking.fromName} toName={booking.toName} departure={booking.departure} arrival={booking.arrival} />
        <p className="mt-3 text-sm text-slate-700">
          {`Service of ${service.date}: ${SERVICE_STATUS[service.status]}${service.status === "DELAYED" ? ` ${service.delayMinutes} min` : ""}. `}
          {isAdmin ? (
            <Link href={`/admin/services/${service.id}/schedule`} className="font-medium text-brand-700 underline">
              Schedule changes for this train
            </Link>
          ) : null}
        </p>
      </section>

      <BookingSummary booking={booking} />

      <section aria-labelledby="payments-heading" className="space-y-2">
        <h2 id="payments-heading" className="text-lg font-semibold">Payments and refunds</h2>
        {payments.length === 0 && refunds.length === 0 ? (
          <p className="text-sm text-slate-600">No payment has been attempted.</p>
        ) : (
          <TableScroll label="Payments and refunds">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>When</th>
                  <th scope="col" className={th}>What</th>
                  <th scope="col" className={`${th} text-right`}>Amount</th>
                  <th scope="col" className={th}>Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {payments.map((p) => (
                  <tr key={p.id}>
                    <td className={td}>{operatorTime(p.createdAt)}</td>
                    <td className={td}>{p.status === "SUCCEEDED" ? "Payment" : p.status === "DECLINED" ? "Payment declined" : "Payment pending"}</td>
                    <td className={`${td} text-right tabular-nums`}>{money(p.amount)}</td>
                    <td className={td}>{`Card •••• ${p.cardLast4 ?? "????"}${p.failureCode ? ` · ${p.failureCode}` : ""}`}</td>
                  </tr>
                ))}
                {refunds.map((r) => (
                  <tr key={r.id} data-refund>
                    <td className={td}>{operatorTime(r.createdAt)}</td>
                    <td className={td}>Refund</td>
                    <td className={`${td} text-right tabular-nums`}>{`−${money(r.amount)}`}</td>
                    <td className={td}>{`${r.reason.toLowerCase().replace(/_/g, " ")} · by ${r.createdBy ? `${r.createdBy.name} (${r.createdBy.email})` : "the system"}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <EventHistory events={events} currency={booking.total.currency} />
      </section>

      <section aria-labelledby="resend-heading" className={`${card} space-y-3`}>
        <h2 id="resend-heading" className="text-lg font-semibold">E-ticket email</h2>
        {booking.status === "CONFIRMED" ? (
          <ResendTicketForm pnr={booking.pnr} email={owner.email} />
        ) : (
          <p className="text-sm text-slate-600">{booking.status === "CANCELLED" ? "This booking is cancelled: it has no valid ticket to send." : "This booking is not paid: it has no ticket yet."}</p>
        )}
        {resends.length > 0 ? (
          <ul aria-label="Tickets sent again" className="space-y-1 text-sm text-slate-700">
            {resends.map((r) => (
              <li key={r.id}>{`${operatorTime(r.at.toISOString())}: sent again by ${r.actor ? `${r.actor.name} (${r.actor.email})` : "a deleted account"}`}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {isAdmin ? (
      <section aria-labelledby="cancel-heading" className={`${card} space-y-3`}>
        <h2 id="cancel-heading" className="text-lg font-semibold">Cancel with refund</h2>
        {cancelQuote.cancellable ? (
          <p className="text-sm text-slate-600">Cancels for the passenger, releases the seats and tells the passenger. It is recorded as done by you.</p>
        ) : (
          <p className="text-sm text-slate-600">This booking can no longer be cancelled.</p>
        )}
        <AdminCancelForm pnr={booking.pnr} quote={cancelQuote} />
      </section>
      ) : null}
    </div>
  );
}
