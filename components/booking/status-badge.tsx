// A booking's status as a badge. Text, not colour alone, carries the meaning; the colours follow
// the site's usual green (good), amber (needs action) and red/grey (over) scheme.
import type { BookingView } from "@/lib/schemas/booking";

const BADGES: Record<BookingView["status"], { label: string; className: string }> = {
  HELD: { label: "Awaiting payment", className: "bg-amber-100 text-amber-900" },
  CONFIRMED: { label: "Confirmed", className: "bg-emerald-100 text-emerald-900" },
  WAITLISTED: { label: "Waiting list", className: "bg-sky-100 text-sky-900" },
  CANCELLED: { label: "Cancelled", className: "bg-red-100 text-red-900" },
  EXPIRED: { label: "Hold expired", className: "bg-slate-200 text-slate-800" },
};

export function StatusBadge({ status }: { status: BookingView["status"] }) {
  const badge = BADGES[status];
  return (
    <span data-status={status} className={`inline-block rounded-full px-2.5 py-1 text-xs font-semibold print:border print:border-slate-400 ${badge.className}`}>
      {badge.label}
    </span>
  );
}
