import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { operationsOverview } from "@/lib/admin/overview";
import { uniqueSuffix } from "../helpers/factories";

const DAY = 86_400_000;

describe("operationsOverview", () => {
  it("counts services departing in the next 7 days, leaving out cancelled ones and later ones", async () => {
    // A "now" far in the future: no other test has services there, so the count is exactly ours.
    const now = new Date(Date.UTC(2091, 0, 10, 12));
    const train = await db().train.create({
      data: { number: `OV ${uniqueSuffix()}`, name: "Overview", type: "REGIONAL", originDepartureMinutes: 600 },
    });
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const service = (days: number, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") => ({
      trainId: train.id,
      serviceDate: new Date(Date.UTC(2091, 0, 10 + Math.floor(days))),
      departsAt: at(days),
      status,
    });
    await db().service.createMany({
      data: [service(-1), service(0.5), service(3), service(4, "CANCELLED"), service(6.9), service(7.5)],
    });

    const o = await operationsOverview(now);
    expect(o.servicesNext7Days).toBe(3);
    expect(o.generatedAt).toBe(now.toISOString());
  });
});
