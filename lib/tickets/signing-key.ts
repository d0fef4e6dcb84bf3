// The operator's Ed25519 ticket key: TICKET_SIGNING_KEY, either a PKCS#8 PEM ("-----BEGIN PRIVATE
// KEY-----", as `openssl genpkey -algorithm ed25519` writes) or the 32-byte seed in base64/base64url
// (as `npm start` generates into .data/ticket-signing-key). Required in production; a developer's
// machine or a test derives one from AUTH_SECRET, so every process of one checkout agrees.
import "server-only";
import { createHash, createHmac, createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";
import { isProduction, requiredInProduction } from "@/lib/config/runtime";
import { base64urlEncode, signingInput, type TicketPayload } from "@/lib/tickets/ticket-token";
import { config } from "@/lib/config";

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export interface SigningKey {
  kid: string;
  /** base64url of the raw public key */
  publicKey: string;
  privateKey: KeyObject;
}

function fromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
}

export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN")) {
    const key = createPrivateKey(trimmed);
    if (key.asymmetricKeyType !== "ed25519") throw new AppError("NOT_CONFIGURED", "TICKET_SIGNING_KEY must be an Ed25519 key.");
    return key;
  }
  const seed = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (seed.length !== 32) throw new AppError("NOT_CONFIGURED", "TICKET_SIGNING_KEY must be a PKCS#8 PEM or a 32-byte seed in base64.");
  return fromSeed(seed);
}

/** base64url(SHA-256(raw public key)) cut to 8 characters (48 bits): names the key in every ticket. */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  return createHash("sha256").update(rawPublicKey).digest("base64url").slice(0, 8);
}

export function signingKeyOf(privateKey: KeyObject): SigningKey {
  // The raw key is the last 32 bytes of the SPKI DER (RFC 8410).
  const raw = createPublicKey(privateKey).export({ format: "der", type: "spki" }).subarray(-32);
  return { kid: keyIdOf(raw), publicKey: base64urlEncode(raw), privateKey };
}

let cached: { source: string; key: SigningKey } | undefined;

export function currentSigningKey(): SigningKey {
  const { TICKET_SIGNING_KEY: configured, AUTH_SECRET } = config();
  if (!configured && isProduction()) requiredInProduction("TICKET_SIGNING_KEY", "signs the e-tickets conductors check");
  const source = configured ?? `derived:${AUTH_SECRET ?? "railbook-dev"}`;
  if (cached?.source === source) return cached.key;
  const privateKey = configured
    ? parseSigningKey(configured)
    : fromSeed(createHmac("sha256", AUTH_SECRET ?? "railbook-dev").update("ticket-signing-key").digest());
  cached = { source, key: signingKeyOf(privateKey) };
  return cached.key;
}

/** The QR code's text for `payload`, signed with `key`. */
export function signTicket(payload: TicketPayload, key: SigningKey): string {
  const input = signingInput(key.kid, payload);
  return `${input}.${sign(null, Buffer.from(input, "ascii"), key.privateKey).toString("base64url")}`;
}
