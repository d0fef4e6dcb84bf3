// Cross-site request forgery for the API. A browser attaches the session cookie to any request to
// RailBook, whichever site started it; SameSite=Lax stops other sites' forms but not a sibling
// subdomain ("same-site"), and a text/plain form needs no CORS preflight. So a write that a cookie
// authenticates must (1) come from RailBook's own origin, by Origin or Sec-Fetch-Site, and (2) be
// JSON, which a form cannot send. Requests with a bearer token carry no ambient authority and are
// exempt; so are requests with neither header, which no browser sends (curl, server-to-server).
import "server-only";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** RailBook's own origins: APP_URL and AUTH_URL when set, and the origin the request was addressed to. */
export function appOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  for (const url of [config().APP_URL, config().AUTH_URL]) {
    if (!url) continue;
    try {
      origins.add(new URL(url).origin);
    } catch {
      // a malformed setting is reported by lib/config/production.ts, not here
    }
  }
  return origins;
}

function hasBearer(request: Request): boolean {
  return /^bearer\s/i.test(request.headers.get("authorization") ?? "");
}

/** Throws 403 CROSS_SITE_REQUEST or 415 UNSUPPORTED_MEDIA_TYPE for a cookie-carrying write from elsewhere. */
export function assertSameSiteWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method) || hasBearer(request)) return;

  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") throw new AppError("CROSS_SITE_REQUEST");
  const origin = request.headers.get("origin");
  if (origin && !appOrigins(request).has(origin)) throw new AppError("CROSS_SITE_REQUEST");

  if (!request.headers.get("cookie")) return; // nothing ambient to abuse
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE");
}
