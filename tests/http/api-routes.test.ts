// Unknown /api/v1 paths and wrong methods answer JSON (proxy.ts), and the route list it reads
// agrees with the route files that exist.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { API_ROUTES } from "@/lib/http-edge/api-routes";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

describe("/api/v1 routing answers", () => {
  it("lists exactly the routes and methods app/api/v1 exports", () => {
    const found = routeFiles("app/api/v1")
      .map((file) => {
        const pattern = `/${path.dirname(file).split(path.sep).slice(1).join("/")}`;
        const text = readFileSync(file, "utf8");
        const methods = [...new Set([...text.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!))].sort();
        return { pattern, methods };
      })
      .sort((a, b) => a.pattern.localeCompare(b.pattern));
    const listed = API_ROUTES.map((r) => ({ pattern: r.pattern, methods: [...r.methods].sort() })).sort((a, b) => a.pattern.localeCompare(b.pattern));
    expect(listed).toEqual(found);
  });

  it("answers 404 JSON for a path no route matches", async () => {
    for (const p of ["/api/v1/nope", "/api/v1", "/api/v1/bookings/ABC/refund"]) {
      const res = proxy(new NextRequest(`http://localhost${p}`));
      expect(res.status, p).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect((await res.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("answers 405 JSON with an Allow header for a method the route lacks", async () => {
    const res = proxy(new NextRequest("http://localhost/api/v1/stations", { method: "DELETE" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect((await res.json()).error.code).toBe("METHOD_NOT_ALLOWED");

    const ok = proxy(new NextRequest("http://localhost/api/v1/bookings/ABCDEF1234/cancel", { method: "POST" }));
    expect(ok.headers.get("x-middleware-next")).toBe("1");
  });

  it("refuses a declared body over MAX_BODY_BYTES with 413 before any route reads it", async () => {
    const res = proxy(new NextRequest("http://localhost/register", { method: "POST", headers: { "content-length": String(20 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("sets a nonce CSP and the security headers on pages", () => {
    const res = proxy(new NextRequest("http://localhost/search"));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(proxy(new NextRequest("https://railbook.example/search")).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});
