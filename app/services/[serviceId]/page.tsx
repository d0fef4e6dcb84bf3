import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BookingPlanner } from "@/components/booking/booking-planner";
import { JourneyHeader } from "@/components/booking/journey-header";
import { getSessionUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/callback-url";
import { isAppError } from "@/lib/errors";
import { seatMapQuerySchema } from "@/lib/schemas/booking";
import { serviceSummary } from "@/lib/services/service-summary";
import { concessionsOnSale } from "@/lib/fares/concessions";
import { serviceExists } from "@/lib/services/service-exists";
import { ServiceSkeleton } from "@/components/booking/service-skeleton";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose seats" };

type Params = Promise<{ serviceId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const pageQuery = z.object({
  passengers: z.coerce.number().int().min(1).max(6).catch(1),
  class: z.string().trim().toUpperCase().optional().catch(undefined),
});

function Problem({ children }: { children: React.ReactNode }) {
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950">
      {children}
      <Link href="/" className="inline-block font-medium text-brand-700 underline">
        Search for trains
      </Link>
    </div>
  );
}

export default async function ServicePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { serviceId } = await params;
  // Before anything streams, so an unknown id answers 404 (not a 200 page saying so).
  if (!(await serviceExists(serviceId))) notFound();
  return (
    <Suspense fallback={<ServiceSkeleton />}>
      <ServiceBody serviceId={serviceId} searchParams={searchParams} />
    </Suspense>
  );
}

async function ServiceBody({ serviceId, searchParams }: { serviceId: string; searchParams: SearchParams }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const journey = seatMapQuerySchema.safeParse(raw);
  if (!journey.success) {
    return (
      <Problem>
        <p>This link does not say between which stations you are travelling. Start from a search to choose seats.</p>
      </Problem>
    );
  }
  const { passengers, class: wantedClass } = pageQuery.parse(raw);

  let summary;
  try {
    summary = await serviceSummary(serviceId, journey.data.from, journey.data.to);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "VALIDATION_FAILED") {
      return (
        <Problem>
          <p>{error.message} Search again to find a train for your journey.</p>
        </Problem>
      );
    }
    throw error;
  }

  const [user, concessions] = await Promise.all([getSessionUser(), concessionsOnSale()]);
  const here = `/services/${encodeURIComponent(serviceId)}?${new URLSearchParams({ ...journey.data, passengers: String(passengers), ...(wantedClass ? { class: wantedClass } : {}) })}`;
  const initialClass =
    summary.classes.find((c) => c.class === wantedClass)?.class ?? summary.classes.find((c) => c.available >= passengers)?.class ?? summary.classes[0]?.class;

  return (
    <div className="space-y-6">
      <JourneyHeader train={summary.train} fromName={summary.from.name} toName={summary.to.name} departure={summary.departure} arrival={summary.arrival}>
        {summary.status !== "SCHEDULED" && (
          <p className={`mt-3 rounded-md px-3 py-2 text-sm font-medium ${summary.status === "CANCELLED" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900"}`}>
            {summary.status === "CANCELLED" ? "This train is cancelled and cannot be booked." : `This train is running ${summary.delayMinutes} minutes late.`}
          </p>
        )}
      </JourneyHeader>
      {/* The booking engine refuses a train that has left (assertBookable): say so instead of offering seats. */}
      {summary.status === "CANCELLED" || summary.departed || !initialClass ? (
        <Problem>
          <p>
            {summary.status === "CANCELLED"
              ? "Choose another train for your journey."
              : summary.departed
                ? `This train has already left ${summary.from.name}. Choose a later train for your journey.`
                : "No class of this train is on sale for this journey."}
          </p>
        </Problem>
      ) : (
        <BookingPlanner
          serviceId={summary.serviceId}
          from={summary.from.code}
          to={summary.to.code}
          classes={summary.classes.map(({ class: code, className, fare }) => ({ class: code, className, fare }))}
          initialClass={initialClass}
          initialPassengers={passengers}
          quotaNames={summary.quotaNames}
          concessions={concessions}
          signInHref={user ? null : signInPath(here)}
        />
      )}
    </div>
  );
}
