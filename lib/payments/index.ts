// The payment provider this instance uses. Only the sandbox exists today; PAYMENT_PROVIDER names
// another once one is written, so nothing outside lib/payments changes when it is.
import "server-only";
import type { PaymentProvider } from "@/lib/payments/provider";
import { SandboxProvider } from "@/lib/payments/sandbox";

const cache = globalThis as unknown as { __railbookPayments?: PaymentProvider };

export function paymentProvider(): PaymentProvider {
  if (!cache.__railbookPayments) {
    const name = process.env.PAYMENT_PROVIDER ?? "sandbox";
    if (name !== "sandbox") throw new Error(`Unknown PAYMENT_PROVIDER "${name}": only "sandbox" is available.`);
    cache.__railbookPayments = new SandboxProvider();
  }
  return cache.__railbookPayments;
}
