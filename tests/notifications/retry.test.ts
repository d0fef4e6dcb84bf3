// When the mail server is away: the worker records the failure, backs off, and delivers once the
// server is back, whether the same worker is still running or a new one started after a restart.
// A permanent refusal (550 no such mailbox) fails at once instead of retrying for hours; a
// transient one fails for good only after maxAttempts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverBatch, deliverDue } from "@/lib/jobs/notifications/deliver";
import { NotificationWorker } from "@/lib/jobs/notifications/worker-loop";
import { apiUser, book, bookingId, emailRows, FAST, opsNet, smtpForFile, withOwnDatabase, writeNotices } from "./fixtures";

withOwnDatabase();
const smtp = smtpForFile({ rejectRecipient: (address) => address.startsWith("gone-") });

async function noticeFor(kind: "SCHEDULE_DELAY" | "BOOKING_CANCELLED" = "SCHEDULE_DELAY") {
  const net = await opsNet();
  const user = await apiUser();
  const pnr = await book(user, net, { pay: false });
  await writeNotices(user.id, await bookingId(pnr), 1, kind);
  return { user, row: (await emailRows({ userId: user.id }))[0]! };
}

const waitUntil = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("delivery while the mail server is down", () => {
  it("retries with backoff, survives a worker restart, and delivers once the server is back", async () => {
    const { row } = await noticeFor();
    const mailer = smtp.mailer();
    const port = smtp.server.port;
    await smtp.server.stop();

    const failedAt = Date.now();
    const first = await deliverBatch({ mailer, ...FAST, retryBaseMs: 1_000 });
    expect(first.retried).toBeGreaterThanOrEqual(1);
    const afterFailure = await db().notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterFailure).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(afterFailure.lastError).toMatch(/ECONNREFUSED|connect/i);
    // First retry pause: between half and all of the base, measured from the failure.
    const pause = afterFailure.nextAttemptAt.getTime() - failedAt;
    expect(pause).toBeGreaterThanOrEqual(450);
    expect(pause).toBeLessThanOrEqual(1_500);

    // A running worker keeps failing and backing off while the server is down...
    const worker = new NotificationWorker({ mailer, ...FAST, pollMs: 100, listener: null, remindHolds: false }).start();
    await waitUntil(async () => (await db().notification.findUniqueOrThrow({ where: { id: row.id } })).attempts >= 2);
    // ...and is stopped (a deploy): it finishes its round and exits cleanly.
    await worker.stop();
    const beforeRestart = await db().notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(beforeRestart.status).toBe("PENDING");

    // The server comes back on the same address; a new worker process picks the row up from the database.
    await smtp.server.start(port);
    const restarted = new NotificationWorker({ mailer: smtp.mailer(), ...FAST, pollMs: 100, listener: null, remindHolds: false }).start();
    try {
      await waitUntil(async () => (await db().notification.findUniqueOrThrow({ where: { id: row.id } })).status === "SENT");
    } finally {
      await restarted.stop();
    }
    const sent = await db().notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent.attempts).toBeGreaterThanOrEqual(beforeRestart.attempts + 1);
    expect(sent.lastError).toBeNull();
    expect(smtp.server.mailbox.filter((m) => m.parsed.headers.get("x-railbook-notification") === row.id)).toHaveLength(1);
  });

  it("fails at once on a permanent refusal, keeping the server's reason", async () => {
    const { user, row } = await noticeFor("BOOKING_CANCELLED");
    await db().user.update({ where: { id: user.id }, data: { email: `gone-${user.id}@example.test` } });
    await deliverDue({ mailer: smtp.mailer(), ...FAST });
    const failed = await db().notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/550|no such mailbox/i);
  });

  it("gives up after maxAttempts transient failures", async () => {
    const { row } = await noticeFor();
    const port = smtp.server.port;
    await smtp.server.stop();
    try {
      for (let i = 0; i < 3; i++) {
        await db().notification.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
        await deliverBatch({ mailer: smtp.mailer(), ...FAST, maxAttempts: 3 });
      }
    } finally {
      await smtp.server.start(port);
    }
    expect(await db().notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", attempts: 3 });
  });
});
