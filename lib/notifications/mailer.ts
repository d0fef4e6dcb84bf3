// Sending email over SMTP with nodemailer. Configuration by environment:
//   SMTP_URL   smtp://user:pass@smtp.example.com:587 (STARTTLS when offered) or smtps://...:465
//   MAIL_FROM  "RailBook <tickets@example.com>"
// One pooled transport per process: the worker reuses its connections across messages, and
// nodemailer reopens them after the server drops them.
//
// Idempotency: the Message-ID is derived from the notification's id, so a message sent again after
// a crash (sent, but not yet marked SENT) is the same message, which mailbox providers and our
// dev server collapse. SMTP itself has no idempotency, so this is at-least-once with a dedupe key,
// not exactly-once (docs/decisions/014).
import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";

export interface OutgoingMail {
  notificationId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string; response: string }>;
  close(): void;
}

function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split("@")[1]?.trim() || "railbook.test";
}

/** The same notification always gets the same Message-ID. */
export function messageIdFor(notificationId: string, from = config().MAIL_FROM): string {
  return `<notification.${notificationId}@${domainOf(from)}>`;
}

export function smtpMailer(url = config().SMTP_URL, from = config().MAIL_FROM): Mailer {
  if (!url) throw new Error("SMTP_URL is not set (e.g. smtp://user:pass@smtp.example.com:587)");
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    // A dead or unreachable server fails the attempt in time for the retry schedule to matter.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const messageId = messageIdFor(mail.notificationId, from);
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        attachments: mail.attachments,
        headers: { "X-RailBook-Notification": mail.notificationId },
      });
      return { messageId, response: String(info.response ?? "") };
    },
    close: () => transport.close(),
  };
}

/**
 * Whether an SMTP failure is worth retrying. 5xx replies are permanent by RFC 5321 (no such
 * mailbox, rejected content): sending the same message again will fail the same way. Everything
 * else (4xx, refused or dropped connections, timeouts) is transient.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
