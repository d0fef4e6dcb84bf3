// Concession pricing, pure: which reduction a passenger travels on and what it leaves of the fare.
// Prisma-free, so the booking form previews per-passenger fares with the very same rules the server
// charges by (docs/decisions/041).

/** A concession as sold now: who it is for, what proof it asks and the discount in force. */
export interface ConcessionTerms {
  code: string;
  name: string;
  proof: string | null;
  /** A passenger type by age (a child): applied without being chosen when the age fits. */
  automatic: boolean;
  minAge: number | null;
  maxAge: number | null;
  /** 10000 = free. */
  discountBasisPoints: number;
}

/** The fare less the discount, rounded to the nearest minor unit (half up), in integers only. */
export function discountedFare(fullMinor: number, discountBasisPoints: number): number {
  if (!Number.isSafeInteger(fullMinor) || fullMinor < 0) throw new RangeError(`fare must be a non-negative whole number, got ${fullMinor}`);
  if (!Number.isInteger(discountBasisPoints) || discountBasisPoints < 0 || discountBasisPoints > 10_000) {
    throw new RangeError(`discount must be 0..10000 basis points, got ${discountBasisPoints}`);
  }
  return fullMinor - Math.floor((fullMinor * discountBasisPoints + 5_000) / 10_000);
}

export function ageFits(c: Pick<ConcessionTerms, "minAge" | "maxAge">, age: number): boolean {
  return (c.minAge === null || age >= c.minAge) && (c.maxAge === null || age <= c.maxAge);
}

/** "aged 4 to 15", "aged under 26", "aged 60 or over". */
export function ageBandText(c: Pick<ConcessionTerms, "minAge" | "maxAge">): string | null {
  if (c.minAge !== null && c.maxAge !== null) return `aged ${c.minAge} to ${c.maxAge}`;
  if (c.maxAge !== null) return `aged under ${c.maxAge + 1}`;
  if (c.minAge !== null) return `aged ${c.minAge} or over`;
  return null;
}

export type ConcessionChoice = { ok: true; concession: ConcessionTerms | null } | { ok: false; message: string };

/**
 * The reduction a passenger travels on: the one chosen, which must be on sale and fit the age; with
 * none chosen, the best automatic one for the age (a child); else none, the full fare. A chosen one
 * replaces the automatic one: reductions never add up.
 */
export function concessionFor(concessions: ConcessionTerms[], passenger: { age: number; concession?: string | null }): ConcessionChoice {
  if (passenger.concession) {
    const chosen = concessions.find((c) => c.code === passenger.concession);
    if (!chosen) return { ok: false, message: "That concession is not offered. Choose one from the list, or none." };
    if (!ageFits(chosen, passenger.age)) return { ok: false, message: `${chosen.name} is for passengers ${ageBandText(chosen)}.` };
    return { ok: true, concession: chosen };
  }
  const automatic = concessions
    .filter((c) => c.automatic && ageFits(c, passenger.age))
    .sort((a, b) => b.discountBasisPoints - a.discountBasisPoints || a.code.localeCompare(b.code));
  return { ok: true, concession: automatic[0] ?? null };
}

export interface PassengerPrice {
  fullFareMinor: number;
  fareMinor: number;
  concession: ConcessionTerms | null;
}

export function pricePassenger(fullFareMinor: number, concession: ConcessionTerms | null): PassengerPrice {
  return { fullFareMinor, fareMinor: concession ? discountedFare(fullFareMinor, concession.discountBasisPoints) : fullFareMinor, concession };
}

/** "51 %" or "37.5 %": a discount as people read it. */
export function discountText(basisPoints: number): string {
  return `${basisPoints % 100 === 0 ? basisPoints / 100 : (basisPoints / 100).toFixed(2).replace(/0$/, "")} %`;
}

/** "Student under 26 (51 % off)": how a ticket names a passenger's concession. */
export function concessionLabel(c: { name: string; discountBasisPoints: number }): string {
  return c.discountBasisPoints >= 10_000 ? `${c.name} (free)` : `${c.name} (${discountText(c.discountBasisPoints)} off)`;
}
