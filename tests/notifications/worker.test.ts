// The worker against a real SMTP server: every due notice is delivered once even with two workers
// claiming at the same moment (FOR UPDATE SKIP LOCKED + leases), and a crash between the send and
// the SENT mark makes a second send with the same Message-ID, which a deduplicating mailbox shows once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverDue, deliverBatch, retryDelayMs } from "@/lib/jobs/notifications/deliver";
import { messageIdFor } from "@/lib/notifications/mailer";
import { apiUser, book, bookingId, emailRows, FAST, opsNet, smtpForFile, withOwnDatabase, writeNotices } from "./fixtures";

withOwnDatabase();
const smtp = smtpForFile();

describe("the notification worker", () => {
  it("delivers each of 40 notices exactly once while two workers race for them", async () => {
    const net = await opsNet();
    const user = await apiUser();
    const pnr = await book(user, net, { pay: false });
    await writeNotices(user.id, await bookingId(pnr), 40);
    const before = smtp.server.received.length;

    // Small batches, so the two workers interleave many claims instead of one taking everything.
    const [a, b] = await Promise.all([
      deliverDue({ mailer: smtp.mailer(), batchSize: 3, ...FAST }),
      deliverDue({ mailer: smtp.mailer(), batchSize: 3, ...FAST }),
    ]);
    expect(a.sent + b.sent).toBe(40);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);

    const received = smtp.server.received.slice(before);
    expect(received).toHaveLength(40); // SMTP transactions: no notice was sent twice
    expect(new Set(received.map((m) => m.messageId)).size).toBe(40);
    const rows = await emailRows({ userId: user.id });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1 && r.sentAt !== null)).toBe(true);
    expect(received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => messageIdFor(r.id, "tickets@railbook.test")).sort());
    expect(received.every((m) => m.to[0] === received[0]!.to[0] && /^booker-/.test(m.to[0]!))).toBe(true);
  });

  it("sends again after a crash between sending and marking, with the same Message-ID", async () => {
    const net = await opsNet();
    const user = await apiUser();
    const pnr = await book(user, net, { pay: false });
    await writeNotices(user.id, await bookingId(pnr), 1, "PLATFORM_CHANGE");
    const [row] = await emailRows({ userId: user.id });
    const before = smtp.server.received.length;

    // The process "dies" right after the server accepted the message: the row keeps its lease.
    const crashed = await deliverBatch({
      mailer: smtp.mailer(),
      ...FAST,
      leaseMs: 400,
      afterSend: () => {
        throw new Error("killed before marking SENT");
      },
    });
    expect(crashed.claimed).toBeGreaterThanOrEqual(1);
    expect(await db().notification.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "PENDING", attempts: 1 });

    // Another worker, once the lease has run out (the retry pause may be shorter than the lease).
    await new Promise((r) => setTimeout(r, 1_100));
    await deliverDue({ mailer: smtp.mailer(), ...FAST });
    expect(await db().notification.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT", attempts: 2 });

    const copies = smtp.server.received.slice(before).filter((m) => m.messageId === messageIdFor(row!.id, "tickets@railbook.test"));
    expect(copies).toHaveLength(2); // at least once...
    expect(smtp.server.mailbox.filter((m) => m.messageId === copies[0]!.messageId)).toHaveLength(1); // ...shown once
  });

  it("backs off exponentially with jitter, within bounds", () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(3_600_000, 30_000 * 2 ** (attempt - 1));
      const samples = Array.from({ length: 50 }, () => retryDelayMs(attempt, 30_000, 3_600_000));
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(ceiling / 2);
      expect(Math.max(...samples)).toBeLessThanOrEqual(ceiling);
      expect(new Set(samples).size).toBeGreaterThan(1); // jittered, not in lockstep
    }
  });
});
