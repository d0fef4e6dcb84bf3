// The payment provider this instance uses. Only the sandbox exists today; PAYMENT_PROVIDER names
// another once one is written, so nothing outside lib/payments changes when it is.
import "server-only";
import type { PaymentProvider } from "@/lib/payments/provider";
import { SandboxProvider } from "@/lib/payments/sandbox";
import { config } from "@/lib/config";

const cache = globalThis as unknown as { __railbookPayments?: PaymentProvider };

export function paymentProvider(): PaymentProvider {
  if (!cache.__railbookPayments) {
    config(); // PAYMENT_PROVIDER is validated there: "sandbox" is the only one so far
    cache.__railbookPayments = new SandboxProvider();
  }
  return cache.__railbookPayments;
}
