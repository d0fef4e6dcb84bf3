// The headers every RailBook response carries (proxy.ts sets them). No server-only import: proxy.ts
// loads this. docs/security.md says what each one defends against.
import { config, configuredAppUrl } from "@/lib/config";

/** A fresh nonce per page view, for Next's own scripts (it reads it from the CSP request header). */
export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

/** The policy for HTML pages: scripts only with this response's nonce, nothing framed or framing. */
export function pagePolicy(nonce: string, dev = config().NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // React's dev build uses eval for its error overlays; production needs none.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // The dev server's overlay and hot reloading insert <style> elements without the nonce.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // style="" attributes from server-rendered components (charts, progress bars): not script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON, PDFs and streams are never documents to run script in. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const STATIC_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The conductor's page scans ticket codes with the camera; every other page may use none. */
export const CAMERA_PAGES = ["/check"];

export function permissionsPolicyFor(pathname: string): string {
  const camera = CAMERA_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`)) ? "camera=(self)" : "camera=()";
  return STATIC_HEADERS["Permissions-Policy"]!.replace("camera=()", camera);
}

export const HSTS = "max-age=31536000; includeSubDomains";

/** Over HTTPS, as the browser sees it: the request's own scheme or, behind TLS termination, APP_URL's. */
export function servedOverHttps(url: URL): boolean {
  return url.protocol === "https:" || (configuredAppUrl() ?? "").startsWith("https:");
}
