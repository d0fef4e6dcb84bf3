import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { currentFareRate, currentFareRates, fareFor } from "@/lib/fares/fare";
import { uniqueSuffix } from "../helpers/factories";

describe("fareFor", () => {
  const second = { baseMinor: 1500, perKmMinor: 28, minMinor: 2500 };

  it("is base plus a per-kilometre part, in whole grosze", () => {
    expect(fareFor(second, 616)).toBe(18_748); // Gdańsk Główny - Kraków Główny: 187.48 zł
    expect(fareFor({ baseMinor: 2500, perKmMinor: 45, minMinor: 4000 }, 323)).toBe(17_035);
  });

  it("never charges less than the minimum for short hops", () => {
    expect(fareFor(second, 5)).toBe(2500); // 1500 + 140 = 1640 would be below the minimum
    expect(fareFor(second, 0)).toBe(2500);
    expect(fareFor(second, 36)).toBe(2508); // just above it
  });

  it("refuses fractional or negative inputs instead of rounding money", () => {
    expect(() => fareFor(second, 12.5)).toThrow(RangeError);
    expect(() => fareFor(second, -1)).toThrow(RangeError);
    expect(() => fareFor({ ...second, perKmMinor: 0.28 }, 10)).toThrow(RangeError);
  });
});

describe("currentFareRates", () => {
  it("returns, per class, the rate whose validity window contains the instant", async () => {
    // A class of this test's own, so rows other tests create cannot interfere.
    const classCode = `T${uniqueSuffix().toUpperCase()}`;
    const client = db();
    await client.travelClass.create({ data: { code: classCode, name: "Test class", sortOrder: 99 } });
    const rate = (validFrom: string, validTo: string | null, baseMinor: number) => ({
      classCode, baseMinor, perKmMinor: 30, minMinor: 2000, currency: "PLN",
      validFrom: new Date(validFrom), validTo: validTo ? new Date(validTo) : null,
    });
    await client.fareRate.createMany({
      data: [
        rate("2020-01-01T00:00:00Z", "2024-01-01T00:00:00Z", 1000), // closed
        rate("2024-01-01T00:00:00Z", null, 1200), // current
        rate("2999-01-01T00:00:00Z", null, 9900), // announced, not yet valid
      ],
    });

    const at = async (iso: string) =>
      (await currentFareRates(client, new Date(iso))).filter((r) => r.classCode === classCode).map((r) => r.baseMinor);

    expect(await at("2022-06-01T00:00:00Z")).toEqual([1000]);
    // validTo is exclusive: at the boundary instant the new rate applies, never both.
    expect(await at("2024-01-01T00:00:00Z")).toEqual([1200]);
    expect(await at("2030-01-01T00:00:00Z")).toEqual([1200]);
    expect(await at("2999-06-01T00:00:00Z")).toEqual([9900]);
    expect(await at("2019-01-01T00:00:00Z")).toEqual([]);

    expect((await currentFareRate(client, classCode, new Date("2030-01-01T00:00:00Z")))?.baseMinor).toBe(1200);
    expect(await currentFareRate(client, classCode, new Date("2019-01-01T00:00:00Z"))).toBeUndefined();
  });
});
