// Seeds the rows everything else refers to: travel classes, quotas, stations, fares, refund and exchange rules, concessions.
// Insert-if-missing throughout (ON CONFLICT DO NOTHING via skipDuplicates): a re-seed never
// overwrites what an operator has changed since, and two seeders running at once cannot collide.
import type { Db } from "@/lib/db";
import { CONCESSIONS, CONCESSION_DISCOUNTS, EXCHANGE_RULES, FARE_RATES, QUOTAS, REFUND_RULES, STATIONS, TRAVEL_CLASSES } from "@/prisma/seed";

export interface ReferenceSeedResult {
  travelClasses: number;
  quotas: number;
  stations: number;
  fareRates: number;
  refundRules: number;
  exchangeRules: number;
  concessions: number;
}

/** Each count is the number of rows this run created (0 on a re-seed). */
export async function seedReference(client: Db): Promise<ReferenceSeedResult> {
  // Sequential on purpose: the embedded database serves one query at a time.
  const travelClasses = await client.travelClass.createMany({ data: [...TRAVEL_CLASSES], skipDuplicates: true });
  const quotas = await client.quota.createMany({ data: [...QUOTAS], skipDuplicates: true });
  const stations = await client.station.createMany({ data: [...STATIONS], skipDuplicates: true });
  // Fixed ids make these idempotent although the tables have no natural key.
  const fareRates = await client.fareRate.createMany({ data: FARE_RATES, skipDuplicates: true });
  const refundRules = await client.refundRule.createMany({ data: REFUND_RULES, skipDuplicates: true });
  const exchangeRules = await client.exchangeRule.createMany({ data: EXCHANGE_RULES, skipDuplicates: true });
  const concessions = await client.concession.createMany({ data: CONCESSIONS.map((c) => ({ ...c })), skipDuplicates: true });
  await client.concessionDiscount.createMany({ data: CONCESSION_DISCOUNTS, skipDuplicates: true });
  return {
    concessions: concessions.count,
    travelClasses: travelClasses.count,
    quotas: quotas.count,
    stations: stations.count,
    fareRates: fareRates.count,
    refundRules: refundRules.count,
    exchangeRules: exchangeRules.count,
  };
}
