// The published side of the ticket keys: which public keys verify, and which tickets are revoked
// (GET /.well-known/railbook-ticket-keys). The key in TICKET_SIGNING_KEY is recorded the first time
// this process signs or publishes; a key seen for the first time retires the one before, which
// stays published until the last ticket it can have signed has expired (docs/decisions/026).
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentSigningKey, type SigningKey } from "@/lib/tickets/signing-key";
import { VALID_AFTER_MINUTES, TICKET_PREFIX, type PublishedKey, type RevokedTicket, type TicketKeySet } from "@/lib/tickets/ticket-token";

/** How long after its service's departure a revocation stays listed: longer than any journey plus its validity. */
const REVOCATION_HORIZON = Prisma.sql`INTERVAL '4 days'`;

const registered = new Set<string>();

/**
 * Makes `key` the current key in the table (once per process and key). When it was not current,
 * every other current key is retired, verifying until the latest expiry of any ticket out there.
 */
export async function registerSigningKey(client: Db | Tx, key: SigningKey = currentSigningKey(), options: { force?: boolean } = {}): Promise<void> {
  if (registered.has(key.kid) && !options.force) return;
  await client.$executeRaw`
    INSERT INTO "TicketSigningKey" (id, "publicKey") VALUES (${key.kid}, ${key.publicKey}) ON CONFLICT (id) DO NOTHING`;
  // Brought back after a rotation: current again.
  await client.$executeRaw`
    UPDATE "TicketSigningKey" SET "retiredAt" = NULL, "verifyUntil" = NULL WHERE id = ${key.kid} AND "retiredAt" IS NOT NULL`;
  await client.$executeRaw`
    UPDATE "TicketSigningKey"
    SET "retiredAt" = now(),
        "verifyUntil" = GREATEST(now(), COALESCE((
          SELECT max(s."departsAt" + (COALESCE(ts."arrivalOffsetMinutes", 0) + ${VALID_AFTER_MINUTES}) * INTERVAL '1 minute')
          FROM "Booking" b
          JOIN "Service" s ON s.id = b."serviceId"
          JOIN "TrainStop" ts ON ts."trainId" = s."trainId" AND ts.sequence = b."toSeq"
          WHERE b.status = 'CONFIRMED' AND s."departsAt" > now() - ${REVOCATION_HORIZON}
        ), now()))
    WHERE "retiredAt" IS NULL AND id <> ${key.kid}`;
  registered.add(key.kid);
}

export async function publishedKeys(client: Db | Tx): Promise<PublishedKey[]> {
  await registerSigningKey(client);
  const rows = await client.$queryRaw<{ id: string; publicKey: string; retiredAt: Date | null; verifyUntil: Date | null }[]>`
    SELECT id, "publicKey", "retiredAt", "verifyUntil" FROM "TicketSigningKey"
    WHERE "verifyUntil" IS NULL OR "verifyUntil" > now()
    ORDER BY "createdAt" DESC, id`;
  return rows.map((r) => ({
    kid: r.id,
    alg: "EdDSA",
    crv: "Ed25519",
    x: r.publicKey,
    status: r.retiredAt ? "retired" : "current",
    verifyUntil: r.verifyUntil?.toISOString() ?? null,
  }));
}

interface RevokedRow {
  pnr: string;
  issuedBefore: Date | null;
}

function revokedOf(rows: RevokedRow[]): RevokedTicket[] {
  return rows.map((r) => ({ pnr: r.pnr.trim(), issuedBefore: r.issuedBefore?.toISOString() ?? null }));
}

/**
 * Tickets that are no longer good, for trains that have not long left: a whole booking cancelled
 * after it was paid (every ticket of it), or one whose tickets were reissued (a passenger cancelled
 * out, an exchange): those issued before the change.
 */
export async function revokedTickets(client: Db | Tx, pnr?: string): Promise<RevokedTicket[]> {
  const only = pnr ? Prisma.sql`AND b.pnr = ${pnr}` : Prisma.empty;
  const rows = await client.$queryRaw<RevokedRow[]>`
    SELECT b.pnr, CASE WHEN b.status = 'CONFIRMED' THEN b."ticketsRevokedAt" ELSE NULL END AS "issuedBefore"
    FROM "Booking" b JOIN "Service" s ON s.id = b."serviceId"
    WHERE ((b.status = 'CANCELLED' AND b."confirmedAt" IS NOT NULL) OR b."ticketsRevokedAt" IS NOT NULL)
      AND s."departsAt" > now() - ${REVOCATION_HORIZON} ${only}
    ORDER BY b.pnr`;
  return revokedOf(rows);
}

export async function ticketKeySet(client: Db | Tx): Promise<TicketKeySet> {
  const [keys, revoked] = await Promise.all([publishedKeys(client), revokedTickets(client)]);
  return { format: TICKET_PREFIX, keys, revoked, generatedAt: new Date().toISOString() };
}
