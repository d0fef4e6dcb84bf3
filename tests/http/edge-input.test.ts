// Input at the edges: each refused with a 4xx in the error shape, and nothing written.
import { describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { GET as search } from "@/app/api/v1/search/route";
import { GET as seats } from "@/app/api/v1/services/[serviceId]/seats/route";
import { GET as adminBookings } from "@/app/api/v1/admin/bookings/route";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/http";
import { registerSchema } from "@/lib/schemas/auth";
import { createUser, uniqueSuffix } from "../helpers/factories";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { call, type ErrorBody } from "../auth/http";

const NAMES = {
  nul: "Anna\u0000Nowak",
  loneSurrogate: "Anna \ud800",
  bidiOverride: "Anna \u202eakwoN",
  bidiIsolate: "Anna \u2066x\u2069",
  control: "Anna\u0007",
  noLetter: "!!! 123",
};

describe("person-readable text", () => {
  for (const [kind, name] of Object.entries(NAMES)) {
    it(`refuses a registration whose name has ${kind} with 400, and creates nobody`, async () => {
      const email = `edge-${uniqueSuffix()}@example.test`;
      const res = await call<ErrorBody>(register, { body: { name, email, password: "edge-password-1" } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(res.body.error.details?.fieldErrors?.name).toBeDefined();
      expect(await db().user.count({ where: { email } })).toBe(0);
    });
  }

  it("still takes names in any script", () => {
    for (const name of ["Łucja Żółć", "Ζωή", "Ольга", "李雷", "O'Neil-Smith"]) {
      expect(registerSchema.safeParse({ name, email: "a@example.test", password: "edge-password-1" }).success, name).toBe(true);
    }
  });

  it("refuses an admin search term with a NUL or a bidi override", async () => {
    const { user } = await createUser({ role: "ADMIN" });
    const { token } = await issueApiToken(user.id);
    for (const q of ["abc\u0000", "abc\u202e"]) {
      const res = await call<ErrorBody>(adminBookings, { method: "GET", path: `/api/v1/admin/bookings?q=${encodeURIComponent(q)}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("ids, cursors and dates", () => {
  it("answers 400, not 500, for a NUL or lone surrogate in a path parameter", async () => {
    for (const serviceId of ["abc\u0000", "abc\ud800"]) {
      const request = new Request("http://localhost/api/v1/services/x/seats?class=SECOND");
      const res = await seats(request, { params: Promise.resolve({ serviceId }) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("answers 400 for a year outside 1900-2100 (date=0000-01-01 used to be a 500)", async () => {
    for (const date of ["0000-01-01", "1899-12-31", "2101-01-01"]) {
      const res = await call<ErrorBody>(search, { method: "GET", path: `/api/v1/search?from=KRK&to=WAW&date=${date}` });
      expect(res.status, date).toBe(400);
      expect(res.body.error.details?.fieldErrors?.date?.[0]).toMatch(/1900 to 2100/);
    }
  });

  it("refuses a NUL inside a JSON body anywhere, not only in text fields", async () => {
    const res = await call<ErrorBody>(register, { body: { name: "Ok Name", email: `nul-${uniqueSuffix()}@example.test`, password: "edge-password-1", extra: { deep: ["x\u0000"] } } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details?.fieldErrors ?? {})).toEqual(["extra.deep.0"]);
  });
});

describe("request bodies over MAX_BODY_BYTES (64 KB)", () => {
  it("answers 413 PAYLOAD_TOO_LARGE for a 20 MB registration, and creates nobody", async () => {
    const email = `big-${uniqueSuffix()}@example.test`;
    const res = await call<ErrorBody>(register, { body: { name: "x".repeat(20 * 1024 * 1024), email, password: "edge-password-1" } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("stops reading a streamed body without Content-Length as soon as it passes the limit", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(`"${"x".repeat(16 * 1024)}`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/v1/auth/register", { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    const res = await register(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(200 * 1024);
  });
});

describe("database input errors as a safety net", () => {
  it("maps PostgreSQL 22021, 22008 and 22P02 to 400 VALIDATION_FAILED instead of 500", async () => {
    const failures = [
      db().$queryRawUnsafe("SELECT convert_from('\\x00'::bytea, 'UTF8')"), // 22021
      db().$queryRawUnsafe("SELECT '0000-01-01'::date"), // 22008
      db().$queryRawUnsafe("SELECT 'not-a-uuid'::uuid"), // 22P02
    ];
    for (const failure of failures) {
      const error = await failure.catch((e: unknown) => e);
      const mapped = toAppError(error);
      expect(mapped.code, String(error)).toBe("VALIDATION_FAILED");
      expect(mapped.status).toBe(400);
    }
  });
});
