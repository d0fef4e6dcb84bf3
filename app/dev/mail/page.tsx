// /dev/mail: what the local SMTP server received, newest first (operators only, and only while
// `npm start`/`npm run dev` run that server). Each message opens at /dev/mail/{id}.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { devMailDir, listDevMail } from "@/lib/notifications/dev-mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox" };

export default async function DevMailPage() {
  await requireAdmin("/dev/mail");
  const dir = devMailDir();
  if (!dir) notFound();
  const mail = await listDevMail();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-900">Dev mailbox</h1>
      <p className="text-slate-600">
        Emails the notification worker sent to the local SMTP server, from <code className="font-mono text-sm">{dir}</code>. Set SMTP_URL to send real mail instead.
      </p>
      {mail.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">No messages yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          {mail.map((m) => (
            <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
              <Link href={`/dev/mail/${encodeURIComponent(m.id)}`} className="font-medium text-brand-700 underline">
                {m.subject}
              </Link>
              <span className="text-sm text-slate-600">
                {m.to} · <time dateTime={m.receivedAt.toISOString()}>{m.receivedAt.toISOString().slice(0, 19).replace("T", " ")} UTC</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
