// Card numbers: checked, shortened for display, fingerprinted for idempotency. The full number is
// never written anywhere.
import { createHmac } from "node:crypto";

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
  const secret = process.env.PAYMENT_FINGERPRINT_SECRET ?? process.env.AUTH_SECRET ?? "railbook-card-fingerprint";
  return createHmac("sha256", secret).update(digits).digest("hex");
}
