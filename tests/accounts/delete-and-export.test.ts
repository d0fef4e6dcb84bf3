// Deleting an account and downloading one's data, on real PostgreSQL, through the same route
// handlers clients use. Deletion keeps the bookings (the operator's accounts) with nothing personal
// left; trips still ahead stop it; the export shows its owner's data and nobody else's.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { POST as pay } from "@/app/api/v1/bookings/[pnr]/payment/route";
import { GET as exportData } from "@/app/api/v1/account/export/route";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { issueApiToken, userForApiToken } from "@/lib/auth/api-tokens";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { DELETED_NAME, deleteOwnAccount, deletedEmail } from "@/lib/accounts/delete-account";
import { createUser } from "../helpers/factories";
import { callRoute, daysAhead, ensureFare, newKey } from "../booking/helpers";
import { createNet } from "../booking/network";

const CLASS = "ACCTCLASS";
const net = () => createNet({ departsAt: daysAhead(4), coaches: [{ label: "5", kind: "SEATED", classCode: CLASS, size: 6 }] });

beforeAll(async () => {
  await ensureFare(CLASS, { baseMinor: 1000, perKmMinor: 10, minMinor: 0 });
});

async function passengerWithToken() {
  const { user, password } = await createUser({ name: "Alicja Kowalska" });
  const { token } = await issueApiToken(user.id);
  return { user, password, token, auth: { authorization: `Bearer ${token}` } };
}

async function book(auth: Record<string, string>, serviceId: string, codes: string[], names: string[], payIt = true): Promise<string> {
  const held = await callRoute(createBooking, {
    method: "POST",
    path: "/api/v1/bookings",
    body: { serviceId, from: codes[0], to: codes[2], class: CLASS, passengers: names.map((name) => ({ name, age: 35 })) },
    headers: { ...auth, "idempotency-key": newKey() },
  });
  expect(held.status, JSON.stringify(held.body)).toBe(201);
  const pnr = held.body.pnr as string;
  if (payIt) {
    const paid = await callRoute(pay, { method: "POST", path: "/x", params: { pnr }, body: { cardNumber: "4242424242424242" }, headers: { ...auth, "idempotency-key": newKey() } });
    expect(paid.status).toBe(200);
  }
  return pnr;
}

/** The train has run: its departure moves two days back. */
async function travelled(serviceId: string) {
  await db().service.update({ where: { id: serviceId }, data: { departsAt: new Date(Date.now() - 2 * 24 * 3_600_000) } });
}

describe("deleting my account", () => {
  it("anonymises the account and keeps its bookings and payments for the operator, with no personal data left", async () => {
    const n = await net();
    const me = await passengerWithToken();
    const pnr = await book(me.auth, n.serviceId, n.codes, ["Alicja Kowalska", "Jan Kowalski"]);
    await travelled(n.serviceId);
    await requestPasswordReset(me.user.email, "198.51.100.7");

    await expect(deleteOwnAccount(me.user.id, { password: me.password }, null)).resolves.toEqual({ kind: "deleted" });

    const user = await db().user.findUniqueOrThrow({ where: { id: me.user.id } });
    expect(user).toMatchObject({ name: DELETED_NAME, email: deletedEmail(me.user.id) });
    expect(user.deletedAt).not.toBeNull();
    const booking = await db().booking.findUniqueOrThrow({ where: { pnr }, include: { passengers: { orderBy: { position: "asc" } }, payments: true } });
    expect(booking).toMatchObject({ userId: me.user.id, status: "CONFIRMED" });
    expect(booking.passengers.map((p) => p.name)).toEqual(["Passenger 1", "Passenger 2"]);
    expect(booking.payments).toHaveLength(1);
    expect(booking.payments[0]).toMatchObject({ status: "SUCCEEDED", cardLast4: null, amountMinor: booking.totalMinor });

    // Nothing personal anywhere: the old name, email and passenger names appear in no row of the account.
    const everything = JSON.stringify(
      await Promise.all([
        db().user.findUnique({ where: { id: me.user.id } }),
        db().booking.findMany({ where: { userId: me.user.id }, include: { passengers: true, payments: true, refunds: true, events: true } }),
        db().notification.findMany({ where: { userId: me.user.id } }),
        db().idempotencyKey.findMany({ where: { userId: me.user.id } }),
        db().apiToken.findMany({ where: { userId: me.user.id } }),
        db().passwordResetToken.findMany({ where: { userId: me.user.id } }),
      ]),
    );
    for (const personal of [me.user.email, "Alicja", "Kowalsk", "4242"]) expect(everything).not.toContain(personal);
    expect(await db().notification.count({ where: { userId: me.user.id } })).toBe(0);

    // No way back in: not by password, not by API token; the email is free for a new account.
    await expect(authenticateWithPassword({ email: me.user.email, password: me.password }, new Headers())).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await userForApiToken(me.token)).toBeNull();
    await expect(createUser({ email: me.user.email })).resolves.toBeTruthy();
  });

  it("refuses while a paid trip is still ahead or seats are held, and changes nothing", async () => {
    const n = await net();
    const me = await passengerWithToken();
    const paid = await book(me.auth, n.serviceId, n.codes, ["Alicja Kowalska"]);
    const held = await book(me.auth, n.serviceId, n.codes, ["Alicja Kowalska"], false);

    const outcome = await deleteOwnAccount(me.user.id, { password: me.password }, null);

    expect(outcome).toEqual({ kind: "refused", pnrs: [paid, held] });
    expect(await db().user.findUniqueOrThrow({ where: { id: me.user.id } })).toMatchObject({ email: me.user.email, name: "Alicja Kowalska", deletedAt: null });
    expect(await userForApiToken(me.token)).not.toBeNull();
    const names = await db().bookingPassenger.findMany({ where: { booking: { pnr: paid } }, select: { name: true } });
    expect(names).toEqual([{ name: "Alicja Kowalska" }]);
  });

  it("needs the right password, and leaves staff accounts to an operator", async () => {
    const me = await passengerWithToken();
    const wrong = await deleteOwnAccount(me.user.id, { password: "not-my-password" }, null).catch((e: unknown) => e);
    expect(isAppError(wrong) && wrong.code).toBe("VALIDATION_FAILED");
    expect((await db().user.findUniqueOrThrow({ where: { id: me.user.id } })).deletedAt).toBeNull();

    const { user, password } = await createUser({ role: "CONDUCTOR" });
    const staff = await deleteOwnAccount(user.id, { password }, null).catch((e: unknown) => e);
    expect(isAppError(staff) && staff.code).toBe("FORBIDDEN");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
  });
});

describe("downloading my data", () => {
  it("gives the owner their profile, bookings with passengers, payments and notices, and nobody else's", async () => {
    const n = await net();
    const me = await passengerWithToken();
    const other = await passengerWithToken();
    const mine = await book(me.auth, n.serviceId, n.codes, ["Alicja Kowalska", "Ola Kowalska"]);
    const theirs = await book(other.auth, n.serviceId, n.codes, ["Someone Else"]);

    const res = await callRoute(exportData, { path: "/api/v1/account/export", headers: me.auth });

    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="railbook-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.profile).toMatchObject({ id: me.user.id, email: me.user.email, name: "Alicja Kowalska", role: "PASSENGER" });
    expect(res.body.profile).not.toHaveProperty("passwordHash");
    expect(res.body.bookings.map((b: { pnr: string }) => b.pnr)).toEqual([mine]);
    expect(res.body.bookings[0].passengers.map((p: { name: string }) => p.name)).toEqual(["Alicja Kowalska", "Ola Kowalska"]);
    expect(res.body.payments).toEqual([expect.objectContaining({ pnr: mine, status: "SUCCEEDED", cardLast4: "4242" })]);
    expect(res.body.notifications.length).toBeGreaterThan(0);
    expect(res.body.notifications.every((x: { pnr: string | null }) => x.pnr === mine)).toBe(true);
    expect(res.body.apiTokens).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toContain(theirs);
    expect(JSON.stringify(res.body)).not.toContain("Someone Else");
    expect(JSON.stringify(res.body)).not.toContain(me.token);
  });

  it("answers 401 to anyone not signed in", async () => {
    const res = await callRoute(exportData, { path: "/api/v1/account/export" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHENTICATED");
  });
});
