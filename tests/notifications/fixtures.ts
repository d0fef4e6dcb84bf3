// Shared pieces for the notification tests: a real SMTP server on a random port (the same class
// `npm start` runs), a worker's delivery options pointed at it, and booked trips that produce notices.
// Files that run the worker use a database of their own (withOwnDatabase): the worker delivers
// every due row in its database, and other files assert on their rows staying PENDING.
import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { DevSmtpServer, type DevSmtpOptions } from "@/lib/notifications/dev-smtp";
import { smtpMailer, type Mailer } from "@/lib/notifications/mailer";
import { notifyInAppMany, type InAppNotice } from "@/lib/booking/notifications";

export { book, opsNet } from "../admin-ops/fixtures";
export { withOwnDatabase } from "../admin-ops/own-database";
export { apiUser, lapseHold } from "../booking/helpers";

/** Starts a dev SMTP server for the file and points SMTP_URL at it; `mailers` made here are closed after. */
export function smtpForFile(options: DevSmtpOptions = {}) {
  const state = { server: new DevSmtpServer(options), mailers: [] as Mailer[] };
  beforeAll(async () => {
    await state.server.start();
    process.env.SMTP_URL = state.server.url;
    process.env.MAIL_FROM = "RailBook <tickets@railbook.test>";
  });
  afterAll(async () => {
    for (const m of state.mailers) m.close();
    await state.server.stop();
  });
  return {
    get server() {
      return state.server;
    },
    mailer(): Mailer {
      const m = smtpMailer(state.server.url);
      state.mailers.push(m);
      return m;
    },
  };
}

/** Delivery options with short pauses, so retries happen within a test. */
export const FAST = { retryBaseMs: 200, retryMaxMs: 1_000, leaseMs: 5_000 };

/** Writes `count` notices about one booking in one transaction, as a schedule change does. */
export async function writeNotices(userId: string, bookingId: string, count: number, kind: InAppNotice["kind"] = "SCHEDULE_DELAY"): Promise<void> {
  const notices: InAppNotice[] = Array.from({ length: count }, (_, i) => ({
    userId,
    bookingId,
    kind,
    title: `Notice ${i + 1}`,
    body: `Body of notice ${i + 1}.`,
    data: { delayMinutes: i + 1 },
  }));
  await db().$transaction((tx) => notifyInAppMany(tx, notices, new Date()));
}

export async function emailRows(where: { bookingId?: string; userId?: string } = {}) {
  return db().notification.findMany({ where: { channel: "EMAIL", ...where }, orderBy: { createdAt: "asc" } });
}

export async function bookingId(pnr: string): Promise<string> {
  return (await db().booking.findUniqueOrThrow({ where: { pnr }, select: { id: true } })).id;
}
