// Card numbers: checked, shortened for display, fingerprinted for idempotency. The full number is
// never written anywhere.
import { isProduction, requiredInProduction } from "@/lib/config/runtime";
import { createHmac } from "node:crypto";
import { config } from "@/lib/config";

/** The Luhn checksum every real card number satisfies; catches one wrong digit or two swapped. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function last4(digits: string): string {
  return digits.slice(-4);
}

/**
 * Stands in for the card number when comparing two payment requests (Idempotency-Key). A plain
 * SHA-256 of a card number can be reversed by trying the ~10^9 numbers of a card range, so the
 * hash is keyed with a server secret.
 */
export function cardFingerprint(digits: string): string {
  return createHmac("sha256", fingerprintKey()).update(digits).digest("hex");
}

/**
 * Its own secret (PAYMENT_FINGERPRINT_SECRET), required in production: sharing AUTH_SECRET would
 * tie rotating one to the other, and a built-in fallback would be public. A dev machine derives
 * one from AUTH_SECRET so it never equals it.
 */
function fingerprintKey(): string {
  const own = config().PAYMENT_FINGERPRINT_SECRET;
  if (own) return own;
  if (isProduction()) requiredInProduction("PAYMENT_FINGERPRINT_SECRET", "keys the card fingerprints of payments");
  return createHmac("sha256", config().AUTH_SECRET ?? "railbook-dev").update("card-fingerprint").digest("hex");
}
