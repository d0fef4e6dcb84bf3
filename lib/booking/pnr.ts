// Booking references (PNRs): 10 characters a passenger can read out over the phone. The alphabet
// leaves out the look-alikes 0/O and 1/I, which leaves exactly 32 symbols: each random byte's low
// 5 bits pick one with no modulo bias. 32^10 ≈ 1.1e15 values, so a collision is rare;
// when one happens the unique index refuses it and the booking transaction is retried
// (lib/inventory/transaction.ts), never answered with an error.
import { randomBytes } from "node:crypto";

export const PNR_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const PNR_LENGTH = 10;

export function generatePnr(): string {
  const bytes = randomBytes(PNR_LENGTH);
  let out = "";
  for (const byte of bytes) out += PNR_ALPHABET[byte & 31];
  return out;
}

export function isPnr(value: string): boolean {
  return value.length === PNR_LENGTH && [...value].every((ch) => PNR_ALPHABET.includes(ch));
}
