// Who may book a quota's seats. A quota may admit only passengers of at least some age
// (Quota.minAge: the senior quota, 60); a booking takes all its seats from one quota, so every
// passenger must qualify. GENERAL is the pool every unreserved seat belongs to and admits anyone,
// so the usual booking reads nothing here. Decision 017.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { validationError, type AppError } from "@/lib/errors";

/**
 * Refuses, with a message next to each passenger's age, a party that the quota does not admit.
 * An unknown quota is left to the inventory check, which answers that the train has no such seats.
 */
export async function assertQuotaAdmits(client: Db | Tx, quotaCode: string, passengers: { age: number }[]): Promise<void> {
  if (quotaCode === "GENERAL") return;
  const quota = await client.quota.findUnique({ where: { code: quotaCode }, select: { name: true, minAge: true } });
  const refusal = quota && quota.minAge !== null ? quotaRefusal({ name: quota.name, minAge: quota.minAge }, passengers) : null;
  if (refusal) throw refusal;
}

/** The same rule on a quota already read (a hold batch reads it once for all its requests); null when the party qualifies. */
export function quotaRefusal(quota: { name: string; minAge: number } | null, passengers: { age: number }[]): AppError | null {
  if (!quota) return null;
  const { name, minAge } = quota;
  const fieldErrors: Record<string, string[]> = {};
  passengers.forEach((p, i) => {
    if (p.age < minAge) fieldErrors[`passengers.${i}.age`] = [`The ${name} quota is for travellers aged ${minAge} or over.`];
  });
  if (Object.keys(fieldErrors).length === 0) return null;
  return validationError(fieldErrors, `Everyone in a ${name} booking must be aged ${minAge} or over. Choose the General quota, or book the others separately.`);
}
