// The signed ticket a QR code carries, and its check. Prisma-free and isomorphic: the server signs
// and verifies with it, and the conductor's page (/check) verifies with the very same code in the
// browser, offline, from the published key set (docs/decisions/026-signed-tickets.md).
//
// Shape: "RB1.<kid>.<payload>.<signature>", payload = base64url(JSON), signature = Ed25519 over the
// ASCII bytes "RB1.<kid>.<payload>" (as JWS signs its header and payload), base64url.
import { z } from "zod";

export const TICKET_PREFIX = "RB1";

/**
 * A ticket is valid from its issue (less this much, for a device whose clock runs behind) until
 * this long after the passenger's arrival. Which train it is good for is the service it names.
 */
export const CLOCK_SKEW_MINUTES = 5;
export const VALID_AFTER_MINUTES = 180;

export const ticketPayloadSchema = z.object({
  /** PNR */
  p: z.string().regex(/^[A-Z0-9]{6,10}$/),
  /** train number and service date (the origin's local date): together they name the service */
  t: z.string().min(1).max(40),
  d: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** from and to station codes, class */
  f: z.string().min(1).max(10),
  o: z.string().min(1).max(10),
  c: z.string().min(1).max(20),
  /** passengers: [name, coach, seat number] (coach and seat null for one without a seat) */
  x: z.array(z.tuple([z.string().min(1).max(100), z.string().max(10).nullable(), z.number().int().nullable()])).min(1).max(6),
  /** valid from, valid until (Unix seconds), issued at (Unix milliseconds) */
  nb: z.number().int(),
  ex: z.number().int(),
  ia: z.number().int(),
});
export type TicketPayload = z.infer<typeof ticketPayloadSchema>;

export const publishedKeySchema = z.object({
  kid: z.string().min(1).max(64),
  alg: z.literal("EdDSA"),
  crv: z.literal("Ed25519"),
  /** base64url of the raw 32-byte public key, as a JWK's "x" */
  x: z.string().min(1).max(64),
  status: z.enum(["current", "retired"]),
  verifyUntil: z.string().nullable(),
});
export type PublishedKey = z.infer<typeof publishedKeySchema>;

export const revokedTicketSchema = z.object({
  pnr: z.string(),
  /** Tickets of this PNR issued before this instant are void; null: every ticket of it. */
  issuedBefore: z.string().nullable(),
});
export type RevokedTicket = z.infer<typeof revokedTicketSchema>;

/** GET /.well-known/railbook-ticket-keys */
export const ticketKeySetSchema = z.object({
  format: z.literal(TICKET_PREFIX),
  keys: z.array(publishedKeySchema),
  revoked: z.array(revokedTicketSchema),
  generatedAt: z.string(),
});
export type TicketKeySet = z.infer<typeof ticketKeySetSchema>;

export const TICKET_REFUSALS = ["NOT_FOUND", "UNREADABLE", "UNKNOWN_KEY", "FORGED", "NOT_YET_VALID", "EXPIRED", "REVOKED", "WRONG_SERVICE"] as const;
export type TicketRefusal = (typeof TICKET_REFUSALS)[number];

export type TicketCheckResult = { ok: true; kid: string; ticket: TicketPayload } | { ok: false; reason: TicketRefusal; ticket?: TicketPayload };

export function base64urlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

// On the wire the payload is a JSON array in this field order, not an object: names would cost
// about 40 characters, and a smaller QR code (version 10-12 for one passenger) reads far more
// reliably (@zxing decodes version 18 only at whole-pixel module sizes).
const FIELDS = ["p", "t", "d", "f", "o", "c", "x", "nb", "ex", "ia"] as const;

function toWire(payload: TicketPayload): unknown[] {
  return FIELDS.map((f) => payload[f]);
}

function fromWire(raw: unknown): unknown {
  return Array.isArray(raw) && raw.length === FIELDS.length ? Object.fromEntries(FIELDS.map((f, i) => [f, raw[i]])) : null;
}

/** What is signed: "RB1.<kid>.<payload>". */
export function signingInput(kid: string, payload: TicketPayload): string {
  return `${TICKET_PREFIX}.${kid}.${base64urlEncode(new TextEncoder().encode(JSON.stringify(toWire(payload))))}`;
}

interface ParsedToken {
  kid: string;
  signed: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  payload: TicketPayload;
}

export function parseTicketToken(token: string): ParsedToken | null {
  const parts = token.trim().split(".");
  if (parts.length !== 4 || parts[0] !== TICKET_PREFIX) return null;
  const [, kid, body, sig] = parts as [string, string, string, string];
  const json = base64urlDecode(body);
  const signature = base64urlDecode(sig);
  if (!json || !signature || signature.length !== 64 || !kid) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(json));
  } catch {
    return null;
  }
  const parsed = ticketPayloadSchema.safeParse(fromWire(raw));
  if (!parsed.success) return null;
  return { kid, signed: new TextEncoder().encode(`${TICKET_PREFIX}.${kid}.${body}`), signature, payload: parsed.data };
}

/**
 * Checks a scanned ticket against a key set, in order: readable, signed by a key of the set that
 * still verifies, the signature, the validity window, revocation, and (when given) the service
 * the conductor is on. `now` in milliseconds.
 */
export async function verifyTicketToken(token: string, keySet: Pick<TicketKeySet, "keys" | "revoked">, options: { now: number; service?: { trainNumber: string; serviceDate: string } }): Promise<TicketCheckResult> {
  const parsed = parseTicketToken(token);
  if (!parsed) return { ok: false, reason: "UNREADABLE" };
  const { kid, payload } = parsed;
  const key = keySet.keys.find((k) => k.kid === kid);
  if (!key || (key.verifyUntil !== null && Date.parse(key.verifyUntil) <= options.now)) return { ok: false, reason: "UNKNOWN_KEY" };
  const raw = base64urlDecode(key.x);
  if (!raw || raw.length !== 32) return { ok: false, reason: "UNKNOWN_KEY" };
  let valid = false;
  try {
    const publicKey = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    valid = await crypto.subtle.verify({ name: "Ed25519" }, publicKey, parsed.signature, parsed.signed);
  } catch {
    valid = false;
  }
  // Nothing of an unverified payload is shown: a forger chooses every word of it.
  if (!valid) return { ok: false, reason: "FORGED" };
  if (options.now < payload.nb * 1000) return { ok: false, reason: "NOT_YET_VALID", ticket: payload };
  if (options.now >= payload.ex * 1000) return { ok: false, reason: "EXPIRED", ticket: payload };
  const revoked = keySet.revoked.find((r) => r.pnr === payload.p);
  if (revoked && (revoked.issuedBefore === null || payload.ia < Date.parse(revoked.issuedBefore))) return { ok: false, reason: "REVOKED", ticket: payload };
  if (options.service && (options.service.trainNumber !== payload.t || options.service.serviceDate !== payload.d)) return { ok: false, reason: "WRONG_SERVICE", ticket: payload };
  return { ok: true, kid, ticket: payload };
}

/** A sentence a conductor can act on, for each refusal. */
export const REFUSAL_MESSAGES: Record<TicketRefusal, string> = {
  NOT_FOUND: "No booking has this reference.",
  UNREADABLE: "This is not a RailBook ticket code.",
  UNKNOWN_KEY: "This ticket is signed with a key RailBook does not use (or no longer uses).",
  FORGED: "Forged or altered ticket: the signature does not match.",
  NOT_YET_VALID: "This ticket is not valid yet.",
  EXPIRED: "This ticket has expired.",
  REVOKED: "This ticket was cancelled or replaced and is no longer valid.",
  WRONG_SERVICE: "This ticket is for another train or date.",
};
