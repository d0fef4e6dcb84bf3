// The dev mailbox behind /dev/mail: what the local SMTP server wrote to its folder, listed newest
// first from the headers and read back whole; a repeat of a Message-ID replaces the file rather than
// adding one, and names that are not Message-IDs (a path) are refused.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevSmtpServer } from "@/lib/notifications/dev-smtp";
import { smtpMailer, type Mailer } from "@/lib/notifications/mailer";
import { listDevMail, readDevMail } from "@/lib/notifications/dev-mailbox";

let dir: string;
let server: DevSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "railbook-mail-"));
  server = await new DevSmtpServer({ dir }).start();
  mailer = smtpMailer(server.url, "RailBook <tickets@railbook.test>");
  process.env.DEV_MAIL_DIR = dir;
});

afterAll(async () => {
  mailer.close();
  await server.stop();
  delete process.env.DEV_MAIL_DIR;
  await rm(dir, { recursive: true, force: true });
});

const send = (id: string, subject: string, withPdf = false) =>
  mailer.send({
    notificationId: id,
    to: "ola@example.test",
    subject,
    text: `Text of ${subject}`,
    html: `<p>HTML of <b>${subject}</b></p>`,
    attachments: withPdf ? [{ filename: "ticket.pdf", content: Buffer.from("%PDF-1.7 test"), contentType: "application/pdf" }] : undefined,
  });

describe("the dev mailbox", () => {
  it("lists messages newest first and reads one back with its parts and attachments", async () => {
    await send("n-1", "Zażółć gęślą jaźń: first");
    await new Promise((r) => setTimeout(r, 20));
    await send("n-2", "Second", true);
    await send("n-1", "Zażółć gęślą jaźń: first"); // a resend after a crash: same Message-ID, same file
    await server.waitFor(2);

    const list = await listDevMail();
    // The resend rewrote the first message's file last, so it is the newest.
    expect(list.map((m) => m.subject)).toEqual(["Zażółć gęślą jaźń: first", "Second"]);
    expect(list.every((m) => m.to.includes("ola@example.test"))).toBe(true);
    expect(server.received).toHaveLength(3);

    const second = await readDevMail(list.find((m) => m.subject === "Second")!.id);
    expect(second).toMatchObject({ subject: "Second", text: expect.stringContaining("Text of Second"), html: expect.stringContaining("<b>Second</b>") });
    expect(second!.from).toContain("tickets@railbook.test");
    expect(second!.attachments).toEqual([{ filename: "ticket.pdf", contentType: "application/pdf", size: 13 }]);
  });

  it("refuses anything that is not a message id", async () => {
    expect(await readDevMail("../../etc/passwd")).toBeNull();
    expect(await readDevMail("no-such-message@railbook.test")).toBeNull();
  });
});
