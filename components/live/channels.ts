// The live streams the browser subscribes to, and the query keys their events invalidate. A plain
// module (not "use client"), so server components can pass these values to client components:
// a constant exported from a client module reaches a server component as a reference, not a value.

/** The signed-in person's bookings and notices (GET /api/v1/live/me). */
export const ME_STREAM = "/api/v1/live/me";

/** Every booking, seat and timetable change, for operators (GET /api/v1/live/admin). */
export const ADMIN_STREAM = "/api/v1/live/admin";

/** Seat and timetable changes of one service (GET /api/v1/live/services/{serviceId}). */
export function serviceStream(serviceId: string): string {
  return `/api/v1/live/services/${encodeURIComponent(serviceId)}`;
}

/** Seat and timetable changes of several services over one connection (a search results page). */
export function servicesStream(serviceIds: string[]): string {
  return `/api/v1/live/services?${new URLSearchParams({ ids: serviceIds.join(",") })}`;
}

/** Every TanStack query about the inbox (the bell's unread count among them). */
export const NOTIFICATIONS_KEY = ["notifications"] as const;
