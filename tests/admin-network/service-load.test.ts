import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listServiceLoads } from "@/lib/admin/network/services";
import { occupancyBySegment, servicePassengers } from "@/lib/admin/network/service-detail";
import { createNet } from "../booking/network";
import { bookSeat, ensureReferenceRows, testUser } from "./fixtures";

beforeAll(ensureReferenceRows);

const HOUR = 3_600_000;

/**
 * A -> B (100 km) -> C (150 km more), one coach of 8 seats. Occupied: seat 1 A-C, seat 2 A-B,
 * seat 3 B-C (a hold with time left), seat 6 B-C. Not occupied: seat 4 (a hold that ran out),
 * seat 5 (released). Segment A-B has 2 seats taken, B-C has 3: the busiest is B-C.
 */
async function loadedService() {
  const net = await createNet({ coaches: [{ label: "7", kind: "SEATED", classCode: "SECOND", size: 8 }] });
  const user = await testUser();
  const book = (n: number, from: number, to: number, extra: { expiresAt?: Date; releasedAt?: Date; name?: string } = {}) =>
    bookSeat(net.serviceId, net.seat("7", n), from, to, { userId: user.id, ...extra });
  await book(1, 0, 2, { name: "Anna Nowak" });
  await book(2, 0, 1, { name: "Bartek Zieliński" });
  await book(3, 1, 2, { expiresAt: new Date(Date.now() + HOUR), name: "Celina Wiśniewska" });
  await book(4, 0, 2, { expiresAt: new Date(Date.now() - HOUR), name: "Dawid Expired" });
  await book(5, 0, 2, { releasedAt: new Date(), name: "Ewa Released" });
  await book(6, 1, 2, { name: "Filip Kowalczyk" });
  return net;
}

describe("service load", () => {
  it("is the share of seats occupied on the busiest segment, with seat-km alongside", async () => {
    const net = await loadedService();
    const date = net.departsAt.toISOString().slice(0, 10);
    // An empty service of the same train the next day, which the same list shows at 0.
    const nextDay = (d: Date) => new Date(d.getTime() + 86_400_000);
    const empty = await db().service.create({ data: { trainId: net.trainId, serviceDate: nextDay(new Date(`${date}T00:00:00Z`)), departsAt: nextDay(net.departsAt) } });

    const { rows, total } = await listServiceLoads({ from: date, days: 2, trainId: net.trainId, page: 1 });
    expect(total).toBe(2);
    const [loaded, idle] = rows;
    expect(loaded).toMatchObject({ id: net.serviceId, serviceDate: date, seats: 8, peakOccupied: 3, loadFactorBp: 3750 });
    // (2 seats x 100 km + 3 seats x 150 km) / (8 seats x 250 km) = 650 / 2000.
    expect(loaded!.seatKmBp).toBe(3250);
    expect(idle).toMatchObject({ id: empty.id, seats: 0, peakOccupied: 0, loadFactorBp: 0, seatKmBp: 0 });
  });

  it("counts occupancy per class for the segment asked about", async () => {
    const net = await loadedService();
    expect(await occupancyBySegment(net.serviceId, 0, 1)).toEqual([expect.objectContaining({ classCode: "SECOND", quotaCode: "GENERAL", seats: 8, occupied: 2 })]);
    expect(await occupancyBySegment(net.serviceId, 1, 2)).toEqual([expect.objectContaining({ seats: 8, occupied: 3 })]);
    expect(await occupancyBySegment(net.serviceId, 0, 2)).toEqual([expect.objectContaining({ seats: 8, occupied: 4 })]);
  });

  it("lists the passengers with seat, journey, PNR and status, travelling ones first", async () => {
    const net = await loadedService();
    const { rows, total } = await servicePassengers(net.serviceId, 1);
    expect(total).toBe(6);
    expect(rows.map((r) => [r.name, r.coach, r.number, r.fromCode, r.toCode, r.status])).toEqual([
      ["Anna Nowak", "7", 1, net.codes[0], net.codes[2], "CONFIRMED"],
      ["Bartek Zieliński", "7", 2, net.codes[0], net.codes[1], "CONFIRMED"],
      ["Celina Wiśniewska", "7", 3, net.codes[1], net.codes[2], "HELD"],
      ["Ewa Released", "7", 5, net.codes[0], net.codes[2], "CONFIRMED"],
      ["Filip Kowalczyk", "7", 6, net.codes[1], net.codes[2], "CONFIRMED"],
      // A hold that ran out is no longer travelling: listed last, as expired.
      ["Dawid Expired", "7", 4, net.codes[0], net.codes[2], "EXPIRED"],
    ]);
    expect(rows[0]!.pnr).toMatch(/^[A-Z0-9]{10}$/);
  });
});
