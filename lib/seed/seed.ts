// The demo seed: network, prices, demo accounts and `days` days of services from today.
// Idempotent and safe to re-run at any time: everything is insert-if-missing, and services skip
// dates that exist, so running it on a later day extends the timetable window. Used by
// `npm run db:seed`, by the app launcher for a fresh embedded database, and by tests.
// Every step is sequential: over the embedded database there is one connection, one query at a time.
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_GENERATION_DAYS, generateServices } from "@/lib/services/generate-services";
import { addDaysIso } from "@/lib/services/service-calendar";
import { todayInZone } from "@/lib/time/zoned";
import { DEFAULT_SEED_DAYS, TRAINS } from "@/prisma/seed";
import { operatorTimeZone } from "@/lib/config";
import { seedDemoAccounts, type AccountSeedResult } from "./seed-accounts";
import { seedReference, type ReferenceSeedResult } from "./seed-reference";
import { seedTrains, type TrainSeedResult } from "./seed-trains";

export interface SeedOptions {
  /** How many service dates to have from today on (today included). Default 60. */
  days?: number;
  /** "Now"; its calendar date on the operator's clock (OPERATOR_TIME_ZONE) is the first service date. */
  today?: Date;
  log?: (line: string) => void;
}

export interface SeedResult {
  reference: ReferenceSeedResult;
  network: TrainSeedResult;
  accounts: AccountSeedResult;
  services: { from: string; to: string; created: number; skipped: number; seats: number };
}

export async function seed(client: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const { days = DEFAULT_SEED_DAYS, today = new Date(), log = () => {} } = options;
  if (!Number.isInteger(days) || days < 0 || days > MAX_GENERATION_DAYS) {
    throw new AppError("VALIDATION_FAILED", `days must be a whole number from 0 to ${MAX_GENERATION_DAYS}`);
  }

  const reference = await seedReference(client);
  log(`reference: ${reference.stations} stations, ${reference.fareRates} fare rates, ${reference.refundRules} refund rules created`);
  const network = await seedTrains(client);
  log(`network: ${network.coachTypes} coach types, ${network.trains} trains created`);
  const accounts = await seedDemoAccounts(client);
  log(`accounts: ${accounts.created} created, ${accounts.repaired} repaired`);

  const from = todayInZone(operatorTimeZone(), today);
  const to = addDaysIso(from, days - 1);
  const services = { from, to, created: 0, skipped: 0, seats: 0 };
  if (days > 0) {
    // Only the seed's own trains, and only while active: a train the operator withdrew stays withdrawn.
    const trains = await client.train.findMany({
      where: { number: { in: TRAINS.map((t) => t.number) }, active: true },
      select: { id: true, number: true },
    });
    const weekdaysOf = new Map(TRAINS.map((t) => [t.number, t.weekdays]));
    for (const train of trains) {
      const result = await generateServices(client, { trainId: train.id, from, to, weekdays: weekdaysOf.get(train.number) });
      services.created += result.created;
      services.skipped += result.skipped;
      services.seats += result.seats;
    }
  }
  log(`services ${from}..${to}: ${services.created} created (${services.seats} seats), ${services.skipped} already there`);
  // A bulk load ends with planner statistics (see lib/db/migrator.ts): without them a young
  // database plans coarse scans, whose predicate locks make unrelated bookings abort each other.
  await client.$executeRawUnsafe("ANALYZE");
  return { reference, network, accounts, services };
}
