// Every /api/v1 route and the methods it answers, for proxy.ts: a path that matches none answers
// 404 JSON and a method a route lacks answers 405 JSON with an Allow header, instead of Next's
// HTML page or empty body. The proxy cannot import the route modules (they bring Prisma along),
// so the list is written here, and tests/http/api-routes.test.ts fails when it and app/api/v1 disagree.
// No server-only import: proxy.ts loads this.

export const API_ROUTES: ReadonlyArray<{ pattern: string; methods: readonly string[] }> = [
  { pattern: "/api/v1/account/export", methods: ["GET"] },
  { pattern: "/api/v1/admin/analytics", methods: ["GET"] },
  { pattern: "/api/v1/admin/bookings", methods: ["GET"] },
  { pattern: "/api/v1/admin/bookings/[pnr]", methods: ["GET"] },
  { pattern: "/api/v1/admin/bookings/[pnr]/cancel", methods: ["POST"] },
  { pattern: "/api/v1/admin/bookings/[pnr]/resend-ticket", methods: ["POST"] },
  { pattern: "/api/v1/admin/exports/bookings", methods: ["GET"] },
  { pattern: "/api/v1/admin/exports/refunds", methods: ["GET"] },
  { pattern: "/api/v1/admin/exports/revenue", methods: ["GET"] },
  { pattern: "/api/v1/admin/overview", methods: ["GET"] },
  { pattern: "/api/v1/admin/schedule-changes", methods: ["GET", "POST"] },
  { pattern: "/api/v1/admin/services/[serviceId]/messages", methods: ["POST"] },
  { pattern: "/api/v1/admin/users", methods: ["GET"] },
  { pattern: "/api/v1/admin/users/[userId]/role", methods: ["PUT"] },
  { pattern: "/api/v1/assistant", methods: ["POST"] },
  { pattern: "/api/v1/auth/register", methods: ["POST"] },
  { pattern: "/api/v1/auth/token", methods: ["POST", "DELETE"] },
  { pattern: "/api/v1/auth/tokens", methods: ["GET"] },
  { pattern: "/api/v1/bookings", methods: ["GET", "POST"] },
  { pattern: "/api/v1/bookings/[pnr]", methods: ["GET"] },
  { pattern: "/api/v1/bookings/[pnr]/cancel", methods: ["GET", "POST"] },
  { pattern: "/api/v1/bookings/[pnr]/exchange", methods: ["GET", "POST"] },
  { pattern: "/api/v1/bookings/[pnr]/passengers/[position]/cancel", methods: ["GET", "POST"] },
  { pattern: "/api/v1/bookings/[pnr]/payment", methods: ["POST"] },
  { pattern: "/api/v1/concessions", methods: ["GET"] },
  { pattern: "/api/v1/live/admin", methods: ["GET"] },
  { pattern: "/api/v1/live/me", methods: ["GET"] },
  { pattern: "/api/v1/live/services", methods: ["GET"] },
  { pattern: "/api/v1/live/services/[serviceId]", methods: ["GET"] },
  { pattern: "/api/v1/notifications", methods: ["GET"] },
  { pattern: "/api/v1/notifications/read", methods: ["POST"] },
  { pattern: "/api/v1/openapi.json", methods: ["GET"] },
  { pattern: "/api/v1/search", methods: ["GET"] },
  { pattern: "/api/v1/services/[serviceId]/availability", methods: ["GET"] },
  { pattern: "/api/v1/services/[serviceId]/layout", methods: ["GET"] },
  { pattern: "/api/v1/services/[serviceId]/seats", methods: ["GET"] },
  { pattern: "/api/v1/services/[serviceId]/waitlist", methods: ["GET"] },
  { pattern: "/api/v1/stations", methods: ["GET"] },
  { pattern: "/api/v1/tickets/verify", methods: ["POST"] },
];

const compiled = API_ROUTES.map((r) => ({
  ...r,
  regex: new RegExp(`^${r.pattern.replace(/\[[^\]]+\]/g, "[^/]+").replace(/\./g, "\\.")}/?$`),
}));

/** The methods the route at `pathname` answers (HEAD with GET), or null when no route matches. */
export function allowedMethods(pathname: string): string[] | null {
  const route = compiled.find((r) => r.regex.test(pathname));
  if (!route) return null;
  return route.methods.includes("GET") ? [...route.methods, "HEAD"] : [...route.methods];
}

/** The route's pattern for `pathname` ("/api/v1/bookings/[pnr]"), for labelling metrics; null when none matches. */
export function routePattern(pathname: string): string | null {
  return compiled.find((r) => r.regex.test(pathname))?.pattern ?? null;
}
