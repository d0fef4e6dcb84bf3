import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateForTrain } from "@/lib/admin/network/services";
import { WEEKDAYS } from "@/lib/schemas/admin-network";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { createNet } from "../booking/network";
import { ensureReferenceRows } from "./fixtures";

beforeAll(ensureReferenceRows);

const ALL_DAYS = WEEKDAYS.map((w) => w.day);

describe("generating services from the operator's form", () => {
  it("refuses dates that have passed, with the reason next to the first date, and writes nothing", async () => {
    const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 4 }] });
    const today = todayInZone("Europe/Warsaw");
    const before = await db().service.count({ where: { trainId: net.trainId } });

    await expect(generateForTrain({ trainId: net.trainId, from: addDaysIso(today, -3), to: addDaysIso(today, 1), weekdays: ALL_DAYS })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fieldErrors: { from: [expect.stringContaining(today)] } },
    });
    expect(await db().service.count({ where: { trainId: net.trainId } })).toBe(before);

    // From today on is fine (the fixture's own service, five days ahead, is skipped).
    const result = await generateForTrain({ trainId: net.trainId, from: today, to: addDaysIso(today, 6), weekdays: ALL_DAYS });
    expect(result.created + result.skipped).toBe(7);
    expect(result.skipped).toBe(1);
  });
});
