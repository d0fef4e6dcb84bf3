// Who hears what. Each live stream is a filter over the one channel plus a projection that leaves
// out what its reader must not learn: a public seat-map stream never carries a PNR or a user id,
// and a passenger's own stream carries only their own bookings and notices.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { eventStream } from "@/lib/live/sse";
import type { AnyLiveEvent } from "@/lib/live/events";

/** Every id names a service; otherwise 404 naming the first unknown one (no stream for nothing). */
async function assertServicesExist(ids: string[]): Promise<void> {
  const found = await db().service.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((s) => s.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw new AppError("NOT_FOUND", "We could not find that train service.", { serviceId: unknown });
}

function field(event: AnyLiveEvent, name: string): unknown {
  return (event as Record<string, unknown>)[name];
}

/**
 * GET /api/v1/live/services/{serviceId}: availability and timetable changes of one service, for
 * anyone looking at its seat map or search results (public, like the seat map itself).
 */
export async function serviceStream(request: Request, serviceId: string): Promise<Response> {
  await assertServicesExist([serviceId]);
  return eventStream(request, {
    accept: (e) => (e.type === "seats" || e.type === "service") && field(e, "serviceId") === serviceId,
    project: (e) => ({ type: e.type, serviceId }),
  });
}

/**
 * GET /api/v1/live/services?ids=a,b: the same for several services over one connection, for a
 * search results page (one stream per train would use up the browser's connections to the host).
 */
export async function servicesStream(request: Request, serviceIds: string[]): Promise<Response> {
  await assertServicesExist(serviceIds);
  const wanted = new Set(serviceIds);
  return eventStream(request, {
    accept: (e) => (e.type === "seats" || e.type === "service") && wanted.has(String(field(e, "serviceId"))),
    project: (e) => ({ type: e.type, serviceId: field(e, "serviceId") }),
  });
}

/**
 * GET /api/v1/live/me: the signed-in person's bookings (status, waitlist moves) and notices.
 * Events name the user they concern; other people's never pass.
 */
export function personalStream(request: Request, user: CurrentUser): Promise<Response> {
  return eventStream(request, {
    accept: (e) => field(e, "userId") === user.id && e.type !== "seats",
    project: (e) => {
      const { userId: _owner, ...rest } = e as Record<string, unknown>;
      void _owner;
      return rest;
    },
  });
}

/** GET /api/v1/live/admin: every booking, availability and timetable change, for operator dashboards. */
export function operatorStream(request: Request): Promise<Response> {
  return eventStream(request, {
    accept: (e) => e.type === "booking" || e.type === "seats" || e.type === "service",
    // Operators see bookings in their tools anyway; the stream still says only what changed where.
    project: (e) => ({ type: e.type, serviceId: field(e, "serviceId"), ...(e.type === "booking" ? { status: field(e, "status") } : {}) }),
  });
}
