// /dev/mail/{id}: one message from the local SMTP server, its HTML part in a sandboxed frame (no
// scripts, no same-origin access) beside its text part, and its attachments listed.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { readDevMail } from "@/lib/notifications/dev-mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox" };

export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/dev/mail/${id}`);
  const mail = await readDevMail(decodeURIComponent(id));
  if (!mail) notFound();
  return (
    <article className="space-y-4">
      <Link href="/dev/mail" className="font-medium text-brand-700 underline">
        All messages
      </Link>
      <h1 className="text-2xl font-bold text-brand-900">{mail.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
        <dt className="font-medium">From</dt>
        <dd>{mail.from}</dd>
        <dt className="font-medium">To</dt>
        <dd>{mail.to}</dd>
        <dt className="font-medium">Message-ID</dt>
        <dd className="font-mono">{mail.id}</dd>
        <dt className="font-medium">Attachments</dt>
        <dd>{mail.attachments.length === 0 ? "none" : mail.attachments.map((a) => `${a.filename} (${a.contentType}, ${Math.round(a.size / 1024)} KiB)`).join(", ")}</dd>
      </dl>
      {mail.html && (
        <section aria-label="HTML version">
          <h2 className="mb-2 font-semibold">HTML</h2>
          <iframe title="HTML version of the email" sandbox="" srcDoc={mail.html} className="h-[36rem] w-full rounded-lg bg-white ring-1 ring-slate-200" />
        </section>
      )}
      <section aria-label="Text version">
        <h2 className="mb-2 font-semibold">Text</h2>
        <pre className="whitespace-pre-wrap rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">{mail.text}</pre>
      </section>
    </article>
  );
}
