// Text a person typed and other people read: names of users and passengers, search terms, reasons.
// One rule for all of them, so a name cannot carry what breaks storage or misleads a reader:
// - control characters (NUL first: PostgreSQL refuses it in text, and it truncates in C tools);
// - unpaired UTF-16 surrogates (not characters at all; they cannot be encoded as UTF-8);
// - bidirectional overrides and isolates (U+202A-202E, U+2066-2069), which make "Anna" display
//   as something else, the "Trojan Source" trick.
// Prisma-free: forms import it in the browser.
import { z } from "zod";

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LETTER = /\p{L}/u;

/** True when the string has a high surrogate without a low one after it, or a low one alone. */
export function hasLoneSurrogate(text: string): boolean {
  return !text.isWellFormed();
}

/** Characters no field of RailBook accepts anywhere, person-readable or not (ids, cursors, codes). */
export function hasUnstorableCharacters(text: string): boolean {
  return text.includes("\u0000") || hasLoneSurrogate(text);
}

export const PLAIN_TEXT_MESSAGE = "Use ordinary letters, digits and punctuation: no control or direction-changing characters.";

/** The shared refinement: add to every person-readable text field. */
export function plainText<S extends z.ZodType<string>>(schema: S) {
  return schema.refine((s) => !CONTROL.test(s) && !BIDI.test(s) && !hasLoneSurrogate(s), { error: PLAIN_TEXT_MESSAGE, abort: true });
}

/** A person's name: plain text with at least one letter in it (not "!!!" or "123"). */
export function personName<S extends z.ZodType<string>>(schema: S, message = "A name needs at least one letter.") {
  return plainText(schema).refine((s) => s === "" || LETTER.test(s), { error: message });
}
