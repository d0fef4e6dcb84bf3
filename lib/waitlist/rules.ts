// When a waiting list is open. It closes when the service's chart is prepared: a fixed time before
// the origin departure (CHART_HOURS_BEFORE, 4 hours unless set), when whoever is still waiting is
// told so and refunded (lib/waitlist/prepare-charts.ts). Until then a sold-out class can be joined.
// docs/decisions/012-waitlist.md explains the choices.
import "server-only";
import type { Journey } from "@/lib/booking/journey";

const DEFAULT_CHART_HOURS = 4;

export function chartHoursBefore(): number {
  const fromEnv = Number(process.env.CHART_HOURS_BEFORE);
  return Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.CHART_HOURS_BEFORE !== "" ? fromEnv : DEFAULT_CHART_HOURS;
}

/** The moment the chart of a service departing (from its origin) at `departsAt` is due. */
export function chartDueAt(departsAt: Date): Date {
  return new Date(departsAt.getTime() - chartHoursBefore() * 3_600_000);
}

export interface ServiceForWaitlist {
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  chartPreparedAt: Date | null;
  /** Origin departure (the chart is prepared relative to it, not to the passenger's boarding stop). */
  departsAt: Date;
}

/** Whether a sold-out class of this service may still be waitlisted at `now`. */
export function waitlistOpen(service: ServiceForWaitlist, now: Date): boolean {
  return service.status !== "CANCELLED" && service.chartPreparedAt === null && now < chartDueAt(service.departsAt);
}

/** The same, for a journey read by the booking path (lib/booking/journey.ts). */
export function waitlistOpenFor(journey: Pick<Journey, "status" | "chartPreparedAt" | "serviceDepartsAt">, now: Date): boolean {
  return waitlistOpen({ status: journey.status, chartPreparedAt: journey.chartPreparedAt, departsAt: journey.serviceDepartsAt }, now);
}
