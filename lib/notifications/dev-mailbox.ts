// Reading the local SMTP server's mailbox (.data/mail/*.eml, written by lib/notifications/dev-smtp.ts)
// for the /dev/mail pages. Only when DEV_MAIL_DIR is set, which `npm start`/`npm run dev` do when
// they run that server; in production (a real SMTP_URL) there is nothing to read.
import "server-only";
import { devMailAllowed } from "@/lib/config/runtime";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { config } from "@/lib/config";

export interface DevMailSummary {
  id: string;
  subject: string;
  to: string;
  receivedAt: Date;
}

export interface DevMail extends DevMailSummary {
  from: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
}

export function devMailDir(): string | null {
  // In production only with DEV_MAIL=on, even if DEV_MAIL_DIR leaked into the environment.
  return devMailAllowed() ? config().DEV_MAIL_DIR ?? null : null;
}

/** File names are Message-IDs made safe (dev-smtp.ts); anything else is not ours to open. */
function fileFor(dir: string, id: string): string | null {
  return /^[A-Za-z0-9@._-]+$/.test(id) ? path.join(dir, `${id}.eml`) : null;
}

function addresses(value: { text: string } | { text: string }[] | undefined): string {
  if (!value) return "";
  return Array.isArray(value) ? value.map((v) => v.text).join(", ") : value.text;
}

export async function listDevMail(limit = 100): Promise<DevMailSummary[]> {
  const dir = devMailDir();
  if (!dir) return [];
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".eml"));
  const files = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name))).mtime })));
  files.sort((a, b) => b.mtime.getTime() - a.mtime.getTime());
  return Promise.all(
    files.slice(0, limit).map(async ({ name, mtime }) => {
      // Headers only: the attachments (ticket PDFs) are not needed for the list.
      const raw = await readFile(path.join(dir, name), "utf8");
      const headersEnd = raw.indexOf("\r\n\r\n");
      const parsed = await simpleParser(headersEnd >= 0 ? raw.slice(0, headersEnd + 4) : raw);
      return { id: name.slice(0, -4), subject: parsed.subject ?? "(no subject)", to: addresses(parsed.to), receivedAt: mtime };
    }),
  );
}

export async function readDevMail(id: string): Promise<DevMail | null> {
  const dir = devMailDir();
  const file = dir ? fileFor(dir, id) : null;
  if (!file) return null;
  const raw = await readFile(file).catch(() => null);
  if (!raw) return null;
  const parsed = await simpleParser(raw);
  return {
    id,
    subject: parsed.subject ?? "(no subject)",
    to: addresses(parsed.to),
    from: addresses(parsed.from),
    receivedAt: (await stat(file)).mtime,
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? "attachment", contentType: a.contentType, size: a.size })),
  };
}
