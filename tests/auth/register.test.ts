import { describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { uniqueSuffix } from "../helpers/factories";
import { LIMITS } from "@/lib/limits/limiter";
import { call, type ErrorBody } from "./http";

interface RegisterBody {
  user: { id: string; name: string; email: string; role: string };
}

describe("POST /api/v1/auth/register", () => {
  it("creates a passenger with a lower-cased email and an Argon2id password hash", async () => {
    const s = uniqueSuffix();
    const res = await call<RegisterBody>(register, {
      body: { name: "  Ola Nowak ", email: `  Ola.${s}@Example.TEST `, password: "correct horse battery" },
    });

    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({ id: expect.any(String), name: "Ola Nowak", email: `ola.${s}@example.test`, role: "PASSENGER" });
    expect(res.body.user).not.toHaveProperty("passwordHash");

    const row = await db().user.findUniqueOrThrow({ where: { id: res.body.user.id } });
    expect(row.email).toBe(`ola.${s}@example.test`);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "wrong horse battery")).toBe(false);
  });

  it("refuses a second account for the same email, whatever its case, with 409 EMAIL_TAKEN", async () => {
    const email = `taken-${uniqueSuffix()}@example.test`;
    expect((await call(register, { body: { name: "First", email, password: "first-password" } })).status).toBe(201);

    const res = await call<ErrorBody>(register, { body: { name: "Second", email: email.toUpperCase(), password: "second-password" } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("EMAIL_TAKEN");
    expect(res.body.error.details?.fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("gives exactly one of two simultaneous registrations the address (unique index, not check-then-insert)", async () => {
    const email = `race-${uniqueSuffix()}@example.test`;
    const results = await Promise.all(
      ["A", "B", "C"].map((n) => call<ErrorBody>(register, { body: { name: n, email, password: "racing-password" } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "EMAIL_TAKEN")).toBe(true);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("answers 400 VALIDATION_FAILED with a message for each bad field", async () => {
    const res = await call<ErrorBody>(register, { body: { name: "   ", email: "not-an-email", password: "short" } });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    const fields = res.body.error.details?.fieldErrors ?? {};
    expect(Object.keys(fields).sort()).toEqual(["email", "name", "password"]);
    expect(fields.password?.[0]).toMatch(/at least 10/);
  });

  it("refuses a password made only of spaces, with a message next to the password field", async () => {
    const email = `spaces-${uniqueSuffix()}@example.test`;
    const res = await call<ErrorBody>(register, { body: { name: "Spacey", email, password: " ".repeat(16) } });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.details?.fieldErrors).toEqual({ password: ["Use more than spaces: a password of only spaces is too easy to guess."] });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("creates no account when only the password is wrong", async () => {
    const email = `weak-${uniqueSuffix()}@example.test`;
    const res = await call<ErrorBody>(register, { body: { name: "Weak", email, password: "123456789" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details?.fieldErrors ?? {})).toEqual(["password"]);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("rejects a name over 100 characters and a password over 200", async () => {
    const res = await call<ErrorBody>(register, {
      body: { name: "x".repeat(101), email: `long-${uniqueSuffix()}@example.test`, password: "p".repeat(201) },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details?.fieldErrors ?? {}).sort()).toEqual(["name", "password"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await call<ErrorBody>(register, { rawBody: "{name:" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("refuses more than LIMITS.registration accounts an hour from one address with 429, others carry on", async () => {
    const address = `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 254) + 1}`;
    const from = (a: string) => ({ "x-railbook-peer-address": a });
    const signUp = (a: string) =>
      call<ErrorBody>(register, { body: { name: "Bot", email: `bot-${uniqueSuffix()}@example.test`, password: "bot-password-1" }, headers: from(a) });
    for (let i = 0; i < LIMITS.registration.points; i++) expect((await signUp(address)).status, `account ${i + 1}`).toBe(201);

    const refused = await signUp(address);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.body.error.message).toMatch(/new accounts/);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await signUp("198.19.0.1")).status).toBe(201);
  });
});
