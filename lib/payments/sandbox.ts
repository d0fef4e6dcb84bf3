// A local payment provider with the behaviour of a real one's test mode, so the whole booking flow
// runs offline and deterministically:
//   4242 4242 4242 4242  succeeds
//   4000 0000 0000 0002  is declined (card_declined)
//   a number failing the Luhn check is refused before any attempt (VALIDATION_FAILED)
//   any other valid number is declined (test_mode_unknown_card), as test modes refuse real cards
// Calls are idempotent per key for the life of the process, as a real provider's are for a day.
import { randomUUID } from "node:crypto";
import { AppError, validationError } from "@/lib/errors";
import { luhnValid } from "@/lib/payments/card";
import type { ChargeRequest, ChargeResult, PaymentProvider, RefundRequest, RefundResult } from "@/lib/payments/provider";

export const SANDBOX_CARDS = {
  succeeds: "4242424242424242",
  declined: "4000000000000002",
} as const;

/** Remembered answers are capped so a long-running dev server does not grow without bound. */
const MAX_REMEMBERED = 10_000;

interface ChargeRecord extends ChargeResult {
  amountMinor: number;
  currency: string;
  refundedMinor: number;
}

export class SandboxProvider implements PaymentProvider {
  readonly name = "sandbox";
  private readonly charges = new Map<string, ChargeRecord>(); // by idempotency key
  private readonly chargesByRef = new Map<string, ChargeRecord>();
  private readonly refunds = new Map<string, RefundResult>(); // by idempotency key

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const earlier = this.charges.get(request.idempotencyKey);
    if (earlier) return answer(earlier);
    if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) throw new RangeError("amountMinor must be a positive whole number");
    if (!luhnValid(request.cardNumber)) {
      throw validationError({ cardNumber: ["This card number is not valid. Check the digits and try again."] }, "The card number is not valid.");
    }
    const status = request.cardNumber === SANDBOX_CARDS.succeeds ? "SUCCEEDED" : "DECLINED";
    const record: ChargeRecord = {
      status,
      providerRef: `sb_ch_${randomUUID()}`,
      ...(status === "DECLINED" ? { failureCode: request.cardNumber === SANDBOX_CARDS.declined ? "card_declined" : "test_mode_unknown_card" } : {}),
      amountMinor: request.amountMinor,
      currency: request.currency,
      refundedMinor: 0,
    };
    remember(this.charges, request.idempotencyKey, record);
    remember(this.chargesByRef, record.providerRef, record);
    return answer(record);
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const earlier = this.refunds.get(request.idempotencyKey);
    if (earlier) return earlier;
    const charge = this.chargesByRef.get(request.providerRef);
    // A restarted sandbox has forgotten its charges; refusing would strand every older booking.
    if (charge) {
      if (charge.status !== "SUCCEEDED") throw new AppError("CONFLICT", "A declined charge cannot be refunded.");
      if (request.currency !== charge.currency || charge.refundedMinor + request.amountMinor > charge.amountMinor) {
        throw new AppError("CONFLICT", "A refund cannot exceed what was charged.");
      }
      charge.refundedMinor += request.amountMinor;
    }
    const result: RefundResult = { status: "SUCCEEDED", providerRef: `sb_re_${randomUUID()}` };
    remember(this.refunds, request.idempotencyKey, result);
    return result;
  }
}

function answer(record: ChargeRecord): ChargeResult {
  return { status: record.status, providerRef: record.providerRef, ...(record.failureCode ? { failureCode: record.failureCode } : {}) };
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
}
