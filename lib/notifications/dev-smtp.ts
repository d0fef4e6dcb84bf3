// A real SMTP server for development and tests (the `smtp-server` package, by nodemailer's
// authors): the worker talks genuine SMTP to it, so what tests assert on is what a provider would
// have been handed. It keeps every message it accepts in memory and, given a folder, as
// <Message-ID>.eml files, which also makes it a mailbox that collapses duplicates by Message-ID
// the way the worker's at-least-once delivery relies on (docs/decisions/014).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export interface ReceivedMail {
  /** SMTP envelope recipients, as the worker addressed them. */
  to: string[];
  messageId: string;
  raw: Buffer;
  parsed: ParsedMail;
  receivedAt: number;
}

export interface DevSmtpOptions {
  port?: number;
  host?: string;
  /** Where to write .eml files (e.g. .data/mail); none: memory only. */
  dir?: string;
  onMessage?: (mail: ReceivedMail) => void;
  /** Answer 550 (no such mailbox) for these recipients: a permanent refusal, as a provider gives. */
  rejectRecipient?: (address: string) => boolean;
}

export class DevSmtpServer {
  /** Every message accepted, duplicates included (the number of SMTP transactions). */
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private boundPort = 0;

  constructor(private readonly options: DevSmtpOptions = {}) {}

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `smtp://${this.options.host ?? "127.0.0.1"}:${this.boundPort}`;
  }

  /** One message per Message-ID, the latest copy: what a deduplicating mailbox would show. */
  get mailbox(): ReceivedMail[] {
    return [...new Map(this.received.map((m) => [m.messageId, m])).values()];
  }

  async start(port = this.options.port ?? 0): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"], // plain SMTP on loopback
      logger: false,
      // On stop, drop open (pooled) client connections almost at once, like a provider going away.
      closeTimeout: 200,
      onAuth: (_auth, _session, callback) => callback(null, { user: "dev" }),
      onRcptTo: (address, _session, callback) => {
        if (!this.options.rejectRecipient?.(address.address)) return callback();
        callback(Object.assign(new Error(`<${address.address}>: no such mailbox`), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.store(raw, to).then(() => callback(), callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, this.options.host ?? "127.0.0.1", () => resolve());
    });
    const address = server.server.address();
    this.boundPort = typeof address === "object" && address ? address.port : port;
    this.server = server;
    return this;
  }

  /** Stops accepting and drops open connections (a test's "the provider is down"). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once `count` distinct messages are in the mailbox. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.mailbox.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} messages, have ${this.mailbox.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.mailbox;
  }

  private async store(raw: Buffer, to: string[]): Promise<void> {
    const parsed = await simpleParser(raw);
    const messageId = parsed.messageId ?? `<no-id-${this.received.length}>`;
    const mail: ReceivedMail = { to, messageId, raw, parsed, receivedAt: Date.now() };
    this.received.push(mail);
    if (this.options.dir) {
      await mkdir(this.options.dir, { recursive: true });
      const name = messageId.replace(/[<>]/g, "").replace(/[^A-Za-z0-9@._-]/g, "_");
      await writeFile(path.join(this.options.dir, `${name}.eml`), raw);
    }
    this.options.onMessage?.(mail);
  }
}
