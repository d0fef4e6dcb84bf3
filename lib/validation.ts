// Zod issues -> field errors keyed by dotted path ("passengers.0.name"), the shape shared by
// API error details and form field messages. Prisma-free: client components import it.
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
