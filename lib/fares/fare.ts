// Distance-based fares: max(minimum, base + perKm * km), all in integer minor units (grosze), so
// a quoted price and a charged price can never differ by a rounding step.
import type { Tx } from "@/lib/db";
import type { FareRate } from "@/lib/generated/prisma/client";

export interface FareRateTerms {
  baseMinor: number;
  perKmMinor: number;
  minMinor: number;
}

function requireNonNegativeInt(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number, got ${value}`);
  }
}

/**
 * The fare for one passenger over `distanceKm` (the difference of two stops' distances from the
 * origin, so always whole kilometres). Throws on fractional or negative input rather than rounding:
 * a fractional amount here means a caller mixed units.
 */
export function fareFor(rate: FareRateTerms, distanceKm: number): number {
  requireNonNegativeInt("baseMinor", rate.baseMinor);
  requireNonNegativeInt("perKmMinor", rate.perKmMinor);
  requireNonNegativeInt("minMinor", rate.minMinor);
  requireNonNegativeInt("distanceKm", distanceKm);
  const fare = Math.max(rate.minMinor, rate.baseMinor + rate.perKmMinor * distanceKm);
  if (!Number.isSafeInteger(fare)) throw new RangeError("fare overflows a safe integer");
  return fare;
}

/**
 * The fare rates in force at `at`: validFrom <= at and (validTo is null or validTo > at), one per
 * class. A price change closes the old row and opens a new one; if an operator ever leaves two
 * overlapping rows, the most recently started one wins, which is what they last entered.
 */
export async function currentFareRates(tx: Tx, at: Date): Promise<FareRate[]> {
  const rows = await tx.fareRate.findMany({
    where: { validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] },
    orderBy: [{ classCode: "asc" }, { validFrom: "desc" }, { id: "asc" }],
  });
  const byClass = new Map<string, FareRate>();
  for (const row of rows) if (!byClass.has(row.classCode)) byClass.set(row.classCode, row);
  return [...byClass.values()];
}

/** The rate for one class at `at`, or undefined when that class is not on sale. */
export async function currentFareRate(tx: Tx, classCode: string, at: Date): Promise<FareRate | undefined> {
  const row = await tx.fareRate.findFirst({
    where: { classCode, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] },
    orderBy: [{ validFrom: "desc" }, { id: "asc" }],
  });
  return row ?? undefined;
}
