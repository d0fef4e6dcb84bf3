// Paths of the pages an answer points to. Prisma-free.
import type { AssistantLink } from "@/lib/schemas/assistant";
import type { BookingView } from "@/lib/schemas/booking";

export function seatMapHref(serviceId: string, from: string, to: string): string {
  return `/services/${encodeURIComponent(serviceId)}?${new URLSearchParams({ from, to })}`;
}

export function searchHref(from: string, to: string, date: string): string {
  return `/search?${new URLSearchParams({ from, to, date })}`;
}

/** The booking's page, and its payment page while it waits to be paid. */
export function bookingLinks(b: Pick<BookingView, "pnr" | "status" | "holdExpiresAt">): AssistantLink[] {
  const links = [{ label: `Booking ${b.pnr}`, href: `/bookings/${b.pnr}` }];
  if (b.status === "HELD" || (b.status === "WAITLISTED" && b.holdExpiresAt)) links.push({ label: `Pay for ${b.pnr}`, href: `/bookings/${b.pnr}/pay` });
  return links;
}
