// Turning one outbox row into an email: who it goes to (the account's address at delivery time,
// so a changed address is honoured), the booking as it is now, and the kind's template.
import "server-only";
import { isProduction, requiredInProduction } from "@/lib/config/runtime";
import { db } from "@/lib/db";
import { bookingViewById } from "@/lib/booking/booking-view";
import { templateFor } from "@/lib/notifications/templates";
import type { EmailContext, RenderedEmail } from "@/lib/notifications/templates/layout";
import { config, configuredAppUrl } from "@/lib/config";

export interface OutboxRow {
  id: string;
  userId: string;
  bookingId: string | null;
  kind: string;
  channel: "IN_APP" | "EMAIL";
  title: string;
  body: string;
  data: unknown;
  attempts: number;
}

/** A notice that can never be emailed (its account is gone): retrying would not help. */
export class UndeliverableError extends Error {
  readonly permanent = true;
}

/** Where email links point. Production must say (APP_URL or AUTH_URL): a link to 127.0.0.1 helps nobody. */
export function appUrl(): string {
  const configured = configuredAppUrl();
  if (!configured && isProduction()) requiredInProduction("APP_URL", "the public address email links point to");
  return (configured ?? `http://127.0.0.1:${config().PORT}`).replace(/\/$/, "");
}

export async function renderEmail(row: OutboxRow): Promise<RenderedEmail & { to: string }> {
  const user = await db().user.findUnique({ where: { id: row.userId }, select: { name: true, email: true } });
  if (!user) throw new UndeliverableError(`user ${row.userId} no longer exists`);
  const booking = row.bookingId ? await bookingViewById(db(), row.bookingId) : null;
  const ctx: EmailContext = {
    notification: {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      data: row.data && typeof row.data === "object" ? (row.data as Record<string, unknown>) : {},
    },
    user,
    booking,
    appUrl: appUrl(),
  };
  return { to: user.email, ...(await templateFor(row.kind)(ctx)) };
}
