// The sandbox payment provider behaves like a real provider's test mode: known cards, Luhn
// refusals, idempotent charges and refunds that cannot exceed the charge.
import { describe, expect, it } from "vitest";
import { SandboxProvider, SANDBOX_CARDS } from "@/lib/payments/sandbox";
import { cardFingerprint, last4, luhnValid } from "@/lib/payments/card";
import { isAppError } from "@/lib/errors";

const charge = (p: SandboxProvider, cardNumber: string, idempotencyKey: string, amountMinor = 5000) =>
  p.charge({ amountMinor, currency: "PLN", cardNumber, idempotencyKey });

describe("sandbox provider", () => {
  it("succeeds, declines and refuses the documented test cards", async () => {
    const p = new SandboxProvider();
    expect(await charge(p, SANDBOX_CARDS.succeeds, "k1")).toEqual({ status: "SUCCEEDED", providerRef: expect.stringMatching(/^sb_ch_/) });
    expect(await charge(p, SANDBOX_CARDS.declined, "k2")).toMatchObject({ status: "DECLINED", failureCode: "card_declined" });
    expect(await charge(p, "5555555555554444", "k3")).toMatchObject({ status: "DECLINED", failureCode: "test_mode_unknown_card" });
    const invalid = await charge(p, "4242424242424241", "k4").catch((e: unknown) => e);
    expect(isAppError(invalid) && invalid.code).toBe("VALIDATION_FAILED");
  });

  it("answers a repeated key with the first result and charges once", async () => {
    const p = new SandboxProvider();
    const first = await charge(p, SANDBOX_CARDS.succeeds, "same");
    expect(await charge(p, SANDBOX_CARDS.succeeds, "same")).toEqual(first);
    expect(await charge(p, SANDBOX_CARDS.succeeds, "other")).not.toEqual(first);
  });

  it("refunds at most what was charged, once per key", async () => {
    const p = new SandboxProvider();
    const { providerRef } = await charge(p, SANDBOX_CARDS.succeeds, "c", 5000);
    const r1 = await p.refund({ providerRef, amountMinor: 3000, currency: "PLN", idempotencyKey: "r1" });
    expect(await p.refund({ providerRef, amountMinor: 3000, currency: "PLN", idempotencyKey: "r1" })).toEqual(r1);
    const tooMuch = await p.refund({ providerRef, amountMinor: 2001, currency: "PLN", idempotencyKey: "r2" }).catch((e: unknown) => e);
    expect(isAppError(tooMuch) && tooMuch.code).toBe("CONFLICT");
    expect(await p.refund({ providerRef, amountMinor: 2000, currency: "PLN", idempotencyKey: "r3" })).toMatchObject({ status: "SUCCEEDED" });
  });
});

describe("card helpers", () => {
  it("checks the Luhn digit and keeps only what may be kept", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4000000000000002")).toBe(true);
    expect(luhnValid("4242424242424243")).toBe(false);
    expect(luhnValid("12345")).toBe(false);
    expect(last4("4242424242424242")).toBe("4242");
    expect(cardFingerprint("4242424242424242")).toMatch(/^[0-9a-f]{64}$/);
    expect(cardFingerprint("4242424242424242")).not.toBe(cardFingerprint("4000000000000002"));
  });
});
