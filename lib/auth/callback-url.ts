// Where a person goes after signing in. Only same-origin relative paths are honoured: anything
// else ("https://evil.test", "//evil.test", "/\\evil.test", "javascript:...") falls back, so a
// crafted sign-in link cannot forward someone off the site (an open redirect). Prisma-free.

const PROBE_ORIGIN = "http://railbook.invalid";

/** Pages that would send a signed-in person straight back into the sign-in flow. */
const AUTH_PAGES = ["/signin", "/register"];

export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    // The URL parser applies the same rules a browser does (backslashes, tabs, newlines), so a
    // path that would really leave the origin shows up as a different origin here.
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering where to come back to. */
export function signInPath(callbackPath?: string): string {
  const target = safeCallbackPath(callbackPath, "");
  return target && target !== "/" ? `/signin?callbackUrl=${encodeURIComponent(target)}` : "/signin";
}
