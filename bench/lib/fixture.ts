// The bench's data, built on a fresh database before the server starts. The demo seed brings the
// network, fares and a few days of the demo trains (what search returns); two bench trains on the
// Gdynia - Kraków route then give each scenario services of its own, so no scenario books into
// another's inventory:
//   BENCH 512: eight 64-seat second-class saloons (512 seats): Rush, Spread, Big party, the
//              plain-SQL ceiling and the profile, one service (date) each or many.
//   BENCH 64:  one such saloon (64 seats): Hot seat, and the smoke Rush (a sell-out in seconds).
// Set-based throughout: the trains are two INSERT ... SELECT statements copying an existing train's
// stops, and services come from lib/services/generate-services.ts, as an operator would make them.
import pg from "pg";
import { createDb } from "@/lib/db";
import { seed } from "@/lib/seed/seed";
import { generateServices } from "@/lib/services/generate-services";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import type { BenchOptions } from "./options";

/** Which existing train's route the bench trains copy (Gdynia - Kraków, nine stops). */
const ROUTE_OF = "EIC 5300";
const SAMPLE_COACH_TYPE = "B-2+2-64";

export interface Fixture {
  /** Station codes of the bench route, in order (GDY ... KRK). */
  route: string[];
  rush: { serviceId: string; capacity: number };
  hotSeat: { serviceId: string; seatIds: string[] };
  spread: string[];
  bigParty: string[];
  ceiling: string[];
  profile: string[];
  /** Dates with demo services, for search. */
  searchDates: string[];
}

async function createTrain(client: pg.Client, number: string, coaches: number): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Train" (id, number, name, type, "originDepartureMinutes", active, "createdAt", "updatedAt")
     VALUES (gen_random_uuid()::text, $1, 'Benchmark', 'EXPRESS_INTERCITY', 420, true, now(), now()) RETURNING id`,
    [number],
  );
  const trainId = rows[0]!.id;
  await client.query(
    `INSERT INTO "TrainStop" (id, "trainId", "stationId", sequence, "arrivalOffsetMinutes", "departureOffsetMinutes", "distanceKm", platform)
     SELECT gen_random_uuid()::text, $1, ts."stationId", ts.sequence, ts."arrivalOffsetMinutes", ts."departureOffsetMinutes", ts."distanceKm", ts.platform
     FROM "TrainStop" ts JOIN "Train" t ON t.id = ts."trainId" WHERE t.number = $2`,
    [trainId, ROUTE_OF],
  );
  await client.query(
    `INSERT INTO "TrainCoach" (id, "trainId", "coachTypeId", label, position)
     SELECT gen_random_uuid()::text, $1, ct.id, (10 + g)::text, g FROM "CoachType" ct, generate_series(1, $2::int) g WHERE ct.code = $3`,
    [trainId, coaches, SAMPLE_COACH_TYPE],
  );
  return trainId;
}

async function servicesOf(client: pg.Client, trainId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Service" WHERE "trainId" = $1 ORDER BY "serviceDate"`, [trainId]);
  return rows.map((r) => r.id);
}

export async function buildFixture(url: string, options: BenchOptions, log: (line: string) => void): Promise<Fixture> {
  const prisma = createDb(url, 2);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const seeded = await seed(prisma, { days: options.seedDays });
    log(`demo seed: ${seeded.services.created} services, ${seeded.services.seats} seats`);
    const big = await createTrain(client, "BENCH 512", 8);
    const small = await createTrain(client, "BENCH 64", 1);

    // One service per date, from tomorrow: a service departing today may already have left.
    const today = todayInZone("Europe/Warsaw");
    const bigCount = 1 + options.spread.services + options.bigParty.runs + options.ceiling.services + 2;
    await generateServices(prisma, { trainId: big, from: addDaysIso(today, 1), to: addDaysIso(today, bigCount) });
    await generateServices(prisma, { trainId: small, from: addDaysIso(today, 1), to: addDaysIso(today, 2) });
    const bigServices = await servicesOf(client, big);
    const smallServices = await servicesOf(client, small);
    const take = (n: number) => bigServices.splice(0, n);

    const { rows: stops } = await client.query<{ code: string }>(
      `SELECT s.code FROM "TrainStop" ts JOIN "Station" s ON s.id = ts."stationId" WHERE ts."trainId" = $1 ORDER BY ts.sequence`,
      [big],
    );
    const hotServiceId = smallServices[0]!;
    const { rows: hotSeats } = await client.query<{ id: string }>(
      `SELECT id FROM "ServiceSeat" WHERE "serviceId" = $1 ORDER BY number LIMIT $2`,
      [hotServiceId, options.hotSeat.seats],
    );
    const rushServiceId = options.smoke ? smallServices[1]! : take(1)[0]!;
    const { rows: capacity } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "ServiceSeat" WHERE "serviceId" = $1`, [rushServiceId]);
    // Fresh statistics: the planner should see the inventory the bench just wrote, as it would in production.
    await client.query(`ANALYZE`);
    const fixture: Fixture = {
      route: stops.map((s) => s.code),
      rush: { serviceId: rushServiceId, capacity: capacity[0]!.n },
      hotSeat: { serviceId: hotServiceId, seatIds: hotSeats.map((s) => s.id) },
      spread: take(options.spread.services),
      bigParty: take(options.bigParty.runs),
      ceiling: take(options.ceiling.services),
      profile: take(2),
      searchDates: Array.from({ length: Math.max(1, options.seedDays - 1) }, (_, i) => addDaysIso(today, i + 1)),
    };
    log(`bench trains: ${bigCount} + ${smallServices.length} services; route ${fixture.route.join("-")}`);
    return fixture;
  } finally {
    await client.end();
    await prisma.$disconnect();
  }
}
