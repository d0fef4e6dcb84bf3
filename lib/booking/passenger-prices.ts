// Each passenger's fare on a booking: the journey's full fare less the concession they travel on
// (chosen, or a child's by age), checked against who the concession is for. A refusal names the
// passenger's field, so the form shows it next to their concession; nothing is written then.
// Docs/decisions/041.
import "server-only";
import { validationError, type AppError } from "@/lib/errors";
import { concessionFor, pricePassenger, type ConcessionTerms } from "@/lib/fares/concession-terms";

export interface ChargedPassenger {
  fareMinor: number;
  fullFareMinor: number;
  concession: { code: string; name: string; proof: string | null; discountBasisPoints: number } | null;
}

export type PassengerPrices = { ok: true; passengers: ChargedPassenger[] } | { ok: false; error: AppError };

export function pricePassengers(concessions: ConcessionTerms[], fullFareMinor: number, passengers: { age: number; concession?: string }[]): PassengerPrices {
  const fieldErrors: Record<string, string[]> = {};
  const priced: ChargedPassenger[] = [];
  passengers.forEach((p, i) => {
    const choice = concessionFor(concessions, p);
    if (!choice.ok) {
      fieldErrors[`passengers.${i}.concession`] = [choice.message];
      return;
    }
    const price = pricePassenger(fullFareMinor, choice.concession);
    const c = price.concession;
    priced.push({
      fareMinor: price.fareMinor,
      fullFareMinor: price.fullFareMinor,
      concession: c && { code: c.code, name: c.name, proof: c.proof, discountBasisPoints: c.discountBasisPoints },
    });
  });
  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, error: validationError(fieldErrors, "A concession does not apply. Check the marked passengers.") };
  }
  return { ok: true, passengers: priced };
}
