// A booking's event log for operators: when (on the operator's clock), what happened in words, and
// who did it (the passenger, an admin by name, or the system). Server component.
import { formatMoney } from "@/lib/money";
import type { AdminBookingDetail } from "@/lib/schemas/admin-ops-views";
import { TableScroll, td, th } from "@/components/admin/admin-ui";
import { operatorTime } from "./operator-time";

type Event = AdminBookingDetail["events"][number];

const str = (v: unknown) => (typeof v === "string" ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);

/** What an event means, from its type and the facts stored with it. */
export function describeEvent(e: Event, currency: string): string {
  const d = e.data;
  const reason = str(d.reason) ?? str(d.operatorReason);
  const because = reason ? ` (${reason})` : "";
  switch (e.type) {
    case "HELD":
      return "Seats held";
    case "CONFIRMED":
      return num(d.amountMinor) !== null ? `Paid ${formatMoney(num(d.amountMinor)!, currency)}` : "Confirmed";
    case "PAYMENT_DECLINED":
      return `Card declined${str(d.failureCode) ? ` (${str(d.failureCode)})` : ""}`;
    case "EXPIRED":
      return "Hold ran out before payment";
    case "CANCELLED": {
      const refund = num(d.refundMinor) ?? 0;
      const how = d.fullRefund ? "full refund" : d.serviceCancelled ? "train cancelled" : "by the rules";
      const behalf = d.onBehalfOf ? " on the passenger's behalf" : "";
      return `Cancelled${behalf}; refund ${formatMoney(refund, currency)} (${how})${because}`;
    }
    case "PASSENGER_CANCELLED":
      return `Passenger ${num(d.position) ?? "?"} cancelled; refund ${formatMoney(num(d.refundMinor) ?? 0, currency)}`;
    case "EXCHANGED": {
      const to = (d.to ?? {}) as Record<string, unknown>;
      const diff = num(d.differenceMinor) ?? 0;
      const money = diff > 0 ? `, ${formatMoney(diff, currency)} charged` : diff < 0 ? `, ${formatMoney(-diff, currency)} refunded` : "";
      return `Exchanged to ${str(to.from) ?? "?"} → ${str(to.to) ?? "?"}, ${str(to.class) ?? ""}${money}${num(d.feeMinor) ? ` (fee ${formatMoney(num(d.feeMinor)!, currency)})` : ""}`;
    }
    case "SCHEDULE_DELAY":
      return num(d.delayMinutes) === 0 ? `Train back on time${because}` : `Train delayed ${num(d.delayMinutes)} min${because}`;
    case "SCHEDULE_CANCELLED":
      return `Train cancelled${because}`;
    case "PLATFORM_CHANGED":
      return `Platform at ${str(d.stationName) ?? "a station"} now ${str(d.platform)}${str(d.previousPlatform) ? ` (was ${str(d.previousPlatform)})` : ""}${because}`;
    default:
      return e.type.charAt(0) + e.type.slice(1).toLowerCase().replace(/_/g, " ");
  }
}

function who(e: Event): string {
  if (e.actorRole === "SYSTEM" || !e.actor) return "System";
  return `${e.actorRole === "ADMIN" ? "Admin" : "Passenger"}: ${e.actor.name} (${e.actor.email})`;
}

export function EventHistory({ events, currency }: { events: Event[]; currency: string }) {
  return (
    <TableScroll label="Event history">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>When</th>
            <th scope="col" className={th}>What</th>
            <th scope="col" className={th}>Who</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id} data-event={e.type}>
              <td className={td}>
                <time dateTime={e.createdAt}>{operatorTime(e.createdAt)}</time>
              </td>
              <td className={`${td} whitespace-normal`}>{describeEvent(e, currency)}</td>
              <td className={td}>{who(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
