// What the failover test books against: a fresh database created through HAProxy, migrated and
// seeded with the demo network for a few days, a handful of services to book on, and one account
// with an API token per client, made through the public API as a real client would.
import pg from "pg";
import { createDb } from "@/lib/db";
import { seed } from "@/lib/seed/seed";
import { ensureAppDatabase } from "../lib/app-database";
import { postJson } from "./client";
import type { Account, Route } from "./stream";

const SERVICES = 6;

export async function createDatabase(log: (line: string) => void): Promise<{ name: string; url: string }> {
  const name = `railbook_failover_${Date.now().toString(36)}`;
  const url = await ensureAppDatabase(name, log);
  const client = createDb(url, 2);
  try {
    const result = await seed(client, { days: 3 });
    log(`seeded ${result.services.created} services (${result.services.seats} seats)`);
  } finally {
    await client.$disconnect();
  }
  return { name, url };
}

/** A few services leaving later than the test runs, with their GENERAL-quota classes. */
export async function bookableRoutes(url: string): Promise<Route[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ serviceId: string; classCode: string; stops: string[] }>(
      `WITH chosen AS (
         SELECT id, "trainId" FROM "Service"
         WHERE status = 'SCHEDULED' AND "departsAt" > now() + INTERVAL '6 hours'
         ORDER BY "departsAt", id LIMIT $1)
       SELECT c.id AS "serviceId", ss."classCode",
              (SELECT array_agg(st.code ORDER BY ts.sequence) FROM "TrainStop" ts
                 JOIN "Station" st ON st.id = ts."stationId" WHERE ts."trainId" = c."trainId") AS stops
       FROM chosen c JOIN "ServiceSeat" ss ON ss."serviceId" = c.id AND ss."quotaCode" = 'GENERAL'
       GROUP BY c.id, c."trainId", ss."classCode"
       HAVING count(*) >= 40`,
      [SERVICES],
    );
    if (rows.length === 0) throw new Error("the seed produced no bookable services");
    return rows;
  } finally {
    await client.end();
  }
}

/** Registers `count` passengers and gets each an API token (POST /auth/register, /auth/token). */
export async function createAccounts(baseUrl: string, count: number): Promise<Account[]> {
  const run = Date.now().toString(36);
  const accounts: Account[] = [];
  for (let client = 1; client <= count; client++) {
    const email = `failover-${run}-${client}@example.test`;
    const password = `failover-password-${run}-${client}`;
    const registered = await postJson(`${baseUrl}/api/v1/auth/register`, { name: `Failover Client ${client}`, email, password });
    if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
    const token = await postJson(`${baseUrl}/api/v1/auth/token`, { email, password });
    if (token.status !== 200) throw new Error(`token failed: ${token.status} ${JSON.stringify(token.body)}`);
    accounts.push({ client, userId: (registered.body.user as { id: string }).id, token: token.body.token as string });
  }
  return accounts;
}
