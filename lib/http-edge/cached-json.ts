// Public reads a shared cache may keep for a moment: an ETag (a 304 to If-None-Match saves the
// body), and Cache-Control by who asks. Anonymous answers are the same for everyone, so a CDN (the
// Vercel deploy) may serve one answer to a burst of visitors for `sMaxAge` seconds, and a stale
// one while it revalidates; a signed-in caller's answer is private, never kept by a shared cache.
// Browsers revalidate every time (max-age=0): what a person sees is never older than the CDN's
// window. The answers do not depend on who asks (so no Vary on Cookie, which would keep a CDN from
// sharing them); `private` only keeps a signed-in caller's traffic out of shared caches.
// docs/deploy/vercel.md says what each window is for.
import "server-only";
import { createHash } from "node:crypto";

export interface CachePolicy {
  /** seconds a shared cache serves the answer without asking */
  sMaxAge: number;
  /** seconds after that it may serve it stale while it fetches a fresh one */
  staleWhileRevalidate: number;
}

/** Availability (search, seat maps): never more than 2 s old behind a CDN. */
export const LIVE: CachePolicy = { sMaxAge: 1, staleWhileRevalidate: 1 };
/** A service's seat layout: changes only when operators change the train's coaches or quotas. */
export const LAYOUT: CachePolicy = { sMaxAge: 60, staleWhileRevalidate: 300 };

export function cacheControl(policy: CachePolicy, signedIn: boolean): string {
  return signedIn ? "private, no-cache" : `public, max-age=0, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
}

/** A weak validator of the JSON text: equal bodies, equal tags (compression changes no tag). */
export function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** RFC 9110 13.1.2: If-None-Match matches weakly, on any of its listed tags or `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

export function cachedJson(request: Request, data: unknown, policy: CachePolicy, signedIn: boolean): Response {
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = { ETag: etag, "Cache-Control": cacheControl(policy, signedIn) };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
