// The outbox worker: delivers PENDING notifications whose nextAttemptAt has come.
//
// 1. Claim a batch in one short statement (its own transaction): the due rows, locked with
//    FOR UPDATE SKIP LOCKED so concurrent workers take different rows instead of queueing, get
//    attempts + 1 and nextAttemptAt = now + LEASE. The lease is the claim: nobody else takes the
//    row until it runs out, and if this worker dies the row comes due again by itself.
// 2. Deliver outside any transaction (SMTP can take seconds; no row lock is held meanwhile).
// 3. Mark the outcome, fenced on the attempts number claimed: SENT, or PENDING again after an
//    exponential, jittered backoff with lastError, or FAILED after maxAttempts or a permanent
//    refusal (SMTP 5xx, account gone).
//
// Semantics: at least once. A crash between the SMTP server's "250 OK" and the SENT mark makes
// the row come due again after the lease and go out a second time. The repeat carries the same
// Message-ID (lib/notifications/mailer.ts), so a mailbox that deduplicates shows it once; nothing
// in SMTP can promise exactly once. IN_APP rows are delivered by being visible and only ever
// pass through here if written PENDING by hand.
import "server-only";
import { db, type Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isPermanentSmtpFailure, type Mailer } from "@/lib/notifications/mailer";
import { renderEmail, UndeliverableError, type OutboxRow } from "@/lib/jobs/notifications/render";
import { config } from "@/lib/config";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface DeliveryOptions {
  mailer: Mailer;
  batchSize?: number;
  /** How long a claim lasts: longer than the slowest delivery of a whole batch. */
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry pause; each later one doubles, up to retryMaxMs (NOTIFICATION_RETRY_BASE_MS). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  client?: Db;
  /** Runs between a successful send and the SENT mark: where a crash makes a resend (tests). */
  afterSend?: (row: OutboxRow) => Promise<void> | void;
}

export interface BatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Keys of a notice's data that are secrets for its email alone (a password reset link's token):
 * kept only until the email is sent, then removed with the SENT mark, so the outbox holds no
 * usable link once it has done its job.
 */
export const SECRET_NOTICE_DATA = ["resetToken"] as const;

export function withoutSecrets(data: unknown): Record<string, unknown> | null {
  if (!data || typeof data !== "object") return null;
  const entries = Object.entries(data as Record<string, unknown>);
  if (!entries.some(([k]) => (SECRET_NOTICE_DATA as readonly string[]).includes(k))) return null;
  return Object.fromEntries(entries.filter(([k]) => !(SECRET_NOTICE_DATA as readonly string[]).includes(k)));
}

export const DEFAULTS = { batchSize: 20, leaseMs: 120_000, maxAttempts: 8, retryBaseMs: 30_000, retryMaxMs: 3_600_000 };


/** Pause before attempt `attempts + 1`: doubling from base, capped, with "equal jitter" so a burst of failures does not retry in lockstep. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export async function claimDue(client: Db, batchSize: number, leaseMs: number): Promise<OutboxRow[]> {
  return client.$queryRaw<OutboxRow[]>`
    WITH due AS (
      SELECT id FROM "Notification"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Notification" n
    SET attempts = n.attempts + 1, "nextAttemptAt" = now() + ${leaseMs} * INTERVAL '1 millisecond'
    FROM due WHERE n.id = due.id
    RETURNING n.id, n."userId", n."bookingId", n.kind, n.channel::text AS channel, n.title, n.body, n.data, n.attempts`;
}

async function deliverOne(row: OutboxRow, o: Required<Omit<DeliveryOptions, "afterSend">> & Pick<DeliveryOptions, "afterSend">): Promise<"sent" | "retried" | "failed"> {
  const mine = { id: row.id, status: "PENDING" as const, attempts: row.attempts };
  try {
    if (row.channel === "EMAIL") {
      const email = await renderEmail(row);
      await o.mailer.send({ notificationId: row.id, ...email });
      await o.afterSend?.(row);
    }
    const scrubbed = withoutSecrets(row.data);
    const { count } = await o.client.notification.updateMany({
      where: mine,
      data: { status: "SENT", sentAt: new Date(), lastError: null, ...(scrubbed ? { data: scrubbed as Prisma.InputJsonObject } : {}) },
    });
    if (count === 0) logger.warn("notification lease lost before marking it sent", { id: row.id });
    return "sent";
  } catch (error) {
    const permanent = error instanceof UndeliverableError || isPermanentSmtpFailure(error);
    const final = permanent || row.attempts >= o.maxAttempts;
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await o.client.notification.updateMany({
      where: mine,
      data: final
        ? { status: "FAILED", lastError: message }
        : { nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts, o.retryBaseMs, o.retryMaxMs)), lastError: message },
    });
    logger.warn(final ? "notification failed for good" : "notification delivery failed; will retry", { id: row.id, kind: row.kind, attempts: row.attempts, error: message });
    return final ? "failed" : "retried";
  }
}

/** One claim and its deliveries. */
export async function deliverBatch(options: DeliveryOptions): Promise<BatchResult> {
  const o = {
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
    retryBaseMs: options.retryBaseMs ?? config().NOTIFICATION_RETRY_BASE_MS,
    retryMaxMs: options.retryMaxMs ?? DEFAULTS.retryMaxMs,
    client: options.client ?? db(),
    mailer: options.mailer,
    afterSend: options.afterSend,
  };
  const rows = await claimDue(o.client, o.batchSize, o.leaseMs);
  const result: BatchResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  for (const row of rows) result[await deliverOne(row, o)]++;
  return result;
}

/** Batches until nothing is due, at most `maxBatches` (a cron call must end in time). */
export async function deliverDue(options: DeliveryOptions & { maxBatches?: number }): Promise<BatchResult> {
  const total: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  for (let i = 0; i < (options.maxBatches ?? Infinity); i++) {
    const r = await deliverBatch(options);
    for (const k of Object.keys(total) as (keyof BatchResult)[]) total[k] += r[k];
    if (r.claimed < batchSize) break;
  }
  return total;
}
