import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { moveServiceSeats, servicePools, setQuotaMinAge, setTrainQuota } from "@/lib/admin/network/quotas";
import { quotaRuleFormSchema } from "@/lib/schemas/admin-pricing";
import { createNet } from "../booking/network";
import { bookSeat, ensureReferenceRows, testUser } from "./fixtures";

beforeAll(ensureReferenceRows);

const HOUR = 3_600_000;

async function quotaOf(serviceId: string) {
  const seats = await db().serviceSeat.findMany({ where: { serviceId }, orderBy: { number: "asc" }, select: { number: true, quotaCode: true } });
  return Object.fromEntries(seats.map((s) => [s.number, s.quotaCode]));
}

describe("moving seats between pools on a service", () => {
  it("moves only seats no live allocation holds, from the back of the train", async () => {
    const net = await createNet({ coaches: [{ label: "1", kind: "SEATED", classCode: "SECOND", size: 8 }] });
    const user = await testUser();
    await bookSeat(net.serviceId, net.seat("1", 8), 0, 2, { userId: user.id });
    await bookSeat(net.serviceId, net.seat("1", 7), 1, 2, { userId: user.id, expiresAt: new Date(Date.now() + HOUR) });
    // Seat 6's hold ran out and seat 5's booking was released: both are free to move.
    await bookSeat(net.serviceId, net.seat("1", 6), 0, 2, { userId: user.id, expiresAt: new Date(Date.now() - HOUR) });
    await bookSeat(net.serviceId, net.seat("1", 5), 0, 2, { userId: user.id, releasedAt: new Date() });

    expect(await moveServiceSeats({ serviceId: net.serviceId, classCode: "SECOND", quotaCode: "SENIOR", direction: "INTO_POOL", count: 3 })).toEqual({ moved: 3 });
    expect(await quotaOf(net.serviceId)).toEqual({ 1: "GENERAL", 2: "GENERAL", 3: "GENERAL", 4: "SENIOR", 5: "SENIOR", 6: "SENIOR", 7: "GENERAL", 8: "GENERAL" });
    expect(await servicePools(net.serviceId)).toEqual([
      { classCode: "SECOND", quotaCode: "GENERAL", seats: 5, movable: 3 },
      { classCode: "SECOND", quotaCode: "SENIOR", seats: 3, movable: 3 },
    ]);

    // Four more cannot move: only seats 1-3 are General and free.
    const refused = await moveServiceSeats({ serviceId: net.serviceId, classCode: "SECOND", quotaCode: "SENIOR", direction: "INTO_POOL", count: 4 }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.details).toEqual({ fieldErrors: { count: ["Only 3 General seats of this class are free of bookings; move at most 3."] } });
    expect(await quotaOf(net.serviceId)).toMatchObject({ 1: "GENERAL", 2: "GENERAL", 3: "GENERAL" });

    // Back to General, from the front of the pool.
    await moveServiceSeats({ serviceId: net.serviceId, classCode: "SECOND", quotaCode: "SENIOR", direction: "TO_GENERAL", count: 1 });
    expect(await quotaOf(net.serviceId)).toMatchObject({ 4: "GENERAL", 5: "SENIOR", 6: "SENIOR" });
  });
});

describe("train quota pools", () => {
  it("keeps the pools of a class within its seats, and 0 removes a pool", async () => {
    const net = await createNet({ coaches: [{ label: "1", kind: "SEATED", classCode: "SECOND", size: 8 }] });
    // createNet's coach type has 8 seats of SECOND; pools share them.
    await setTrainQuota({ trainId: net.trainId, classCode: "SECOND", quotaCode: "SENIOR", seatCount: 5 });
    const tooMany = await setTrainQuota({ trainId: net.trainId, classCode: "SECOND", quotaCode: "LADIES", seatCount: 4 }).catch((e: unknown) => e);
    expect(isAppError(tooMany) && (tooMany.details as { fieldErrors: Record<string, string[]> }).fieldErrors.seatCount?.[0]).toMatch(/at most 3 are left/);
    await setTrainQuota({ trainId: net.trainId, classCode: "SECOND", quotaCode: "LADIES", seatCount: 3 });
    expect(await db().trainQuota.findMany({ where: { trainId: net.trainId }, orderBy: { quotaCode: "asc" }, select: { quotaCode: true, seatCount: true } })).toEqual([
      { quotaCode: "LADIES", seatCount: 3 },
      { quotaCode: "SENIOR", seatCount: 5 },
    ]);
    expect(await setTrainQuota({ trainId: net.trainId, classCode: "SECOND", quotaCode: "SENIOR", seatCount: 0 })).toEqual({ removed: true });
    expect(await db().trainQuota.count({ where: { trainId: net.trainId } })).toBe(1);

    const wrongClass = await setTrainQuota({ trainId: net.trainId, classCode: "FIRST", quotaCode: "SENIOR", seatCount: 1 }).catch((e: unknown) => e);
    expect(isAppError(wrongClass) && wrongClass.details).toEqual({ fieldErrors: { classCode: ["This train has no coaches of that class."] } });
  });
});

describe("who a quota admits", () => {
  it("reads the operator's form: an age from 1 to 120, or empty for anyone; never General", () => {
    expect(quotaRuleFormSchema.parse({ quotaCode: "SENIOR", minAge: " 65 " })).toEqual({ quotaCode: "SENIOR", minAge: 65 });
    expect(quotaRuleFormSchema.parse({ quotaCode: "SENIOR", minAge: "" })).toEqual({ quotaCode: "SENIOR", minAge: null });
    for (const minAge of ["0", "121", "6.5", "sixty"]) expect(quotaRuleFormSchema.safeParse({ quotaCode: "SENIOR", minAge }).success).toBe(false);
    expect(quotaRuleFormSchema.safeParse({ quotaCode: "GENERAL", minAge: "60" }).success).toBe(false);
  });

  it("sets and clears a quota's minimum age, and refuses an unknown quota", async () => {
    const code = `Q${Date.now().toString(36).toUpperCase()}`;
    await db().quota.create({ data: { code, name: "Test quota" } });
    expect(await setQuotaMinAge({ quotaCode: code, minAge: 65 })).toEqual({ name: "Test quota", minAge: 65 });
    expect((await db().quota.findUniqueOrThrow({ where: { code } })).minAge).toBe(65);
    expect(await setQuotaMinAge({ quotaCode: code, minAge: null })).toEqual({ name: "Test quota", minAge: null });
    const refused = await setQuotaMinAge({ quotaCode: "NOSUCHQUOTA", minAge: 60 }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("VALIDATION_FAILED");
  });
});
