// The seam between bookings and whoever moves the money. The booking engine only ever talks to this
// interface; lib/payments/sandbox.ts is the local stand-in, and a real provider (Stripe, PayU, ...)
// would implement the same two calls.
//
// Both calls take an idempotency key and must honour it: asked twice with one key, a provider
// answers the first result again and moves money once. The booking engine relies on this when a
// transaction that already charged is retried after a serialization failure.

export interface ChargeRequest {
  amountMinor: number;
  currency: string;
  /** Digits only. Never stored; only the last four digits are kept on the Payment row. */
  cardNumber: string;
  idempotencyKey: string;
}

export interface ChargeResult {
  status: "SUCCEEDED" | "DECLINED";
  /** The provider's id for the charge (kept on the Payment row; refunds refer to it). */
  providerRef: string;
  /** Why a charge was declined, in the provider's words ("card_declined", ...). */
  failureCode?: string;
}

export interface RefundRequest {
  providerRef: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
}

export interface RefundResult {
  status: "SUCCEEDED";
  providerRef: string;
}

export interface PaymentProvider {
  readonly name: string;
  /** Throws VALIDATION_FAILED for a card number the provider would not even try (bad checksum). */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
