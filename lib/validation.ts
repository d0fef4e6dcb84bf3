// Zod issues -> field errors keyed by dotted path ("passengers.0.name"), the shape shared by
// API error details and form field messages. Prisma-free: client components import it.
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(readableMessage(issue));
  }
  return out;
}

/** What a field of each type asks for, for zod's own wrong-type message. */
const EXPECTED: Record<string, string> = {
  string: "Send this as text.",
  number: "Send this as a number.",
  int: "Send this as a whole number.",
  boolean: "Send this as true or false.",
  array: "Send this as a list.",
  object: "Send this as an object with named fields.",
};

/**
 * Schemas give their own sentences where a form shows them; a field left without one (mostly
 * API-only) would answer zod's "Invalid input: expected string, received undefined". Those become
 * a sentence a person can act on; every message a schema chose is kept as it is.
 */
function readableMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_type" || !issue.message.startsWith("Invalid input: expected")) return issue.message;
  if (issue.message.endsWith("received undefined")) return issue.path.length ? "This field is required." : "Send a JSON object.";
  if (issue.message.endsWith("received NaN")) return EXPECTED.number!;
  return EXPECTED[issue.expected] ?? issue.message;
}
