// What every notification email shares: the context a template gets, HTML escaping, the branded
// frame (inline styles and tables, which is what mail clients render reliably), the plain-text
// twin, and the booking's journey in both forms. Templates in this folder fill in the middle.
import type { BookingView } from "@/lib/schemas/booking";
import { formatMoney } from "@/lib/money";
import { longDateLabel } from "@/lib/time/zoned";

export interface EmailContext {
  notification: { id: string; kind: string; title: string; body: string; data: Record<string, unknown> };
  user: { name: string; email: string };
  /** The booking as it is now (at delivery), if the notice is about one. */
  booking: BookingView | null;
  /** Where links point: APP_URL, e.g. https://tickets.example.com. */
  appUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export type EmailTemplate = (ctx: EmailContext) => RenderedEmail | Promise<RenderedEmail>;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function bookingUrl(ctx: EmailContext, suffix = ""): string {
  return ctx.booking ? `${ctx.appUrl}/bookings/${ctx.booking.pnr}${suffix}` : `${ctx.appUrl}/notifications`;
}

const clock = (iso: string) => iso.slice(11, 16);

/** "EIC 5300 Sobieski, Monday 1 June 2026, Gdańsk Główny 08:05 → Warszawa Centralna 10:52". */
export function journeyLine(b: BookingView): string {
  return `${b.train.number} ${b.train.name}, ${longDateLabel(b.departure.slice(0, 10))}, ${b.fromName} ${clock(b.departure)} → ${b.toName} ${clock(b.arrival)}`;
}

export function journeyText(b: BookingView): string {
  const seats = b.passengers.map((p) => `  - ${p.name}${p.coach && p.number ? `, coach ${p.coach} seat ${p.number}` : ""}`).join("\n");
  return `Booking ${b.pnr}\n${journeyLine(b)}\nPassengers:\n${seats}\nTotal: ${formatMoney(b.total.amount, b.total.currency)}`;
}

export function journeyHtml(b: BookingView): string {
  const rows = b.passengers
    .map((p) => `<tr><td style="padding:4px 8px">${escapeHtml(p.name)}</td><td style="padding:4px 8px">${p.coach && p.number ? `Coach ${escapeHtml(p.coach)}, seat ${p.number}` : "&mdash;"}</td></tr>`)
    .join("");
  return `<p style="margin:16px 0 4px"><strong>Booking ${escapeHtml(b.pnr)}</strong><br>${escapeHtml(journeyLine(b))}</p>
<table role="presentation" style="border-collapse:collapse;font-size:14px">${rows}</table>
<p style="margin:8px 0">Total: <strong>${escapeHtml(formatMoney(b.total.amount, b.total.currency))}</strong></p>`;
}

export interface Frame {
  heading: string;
  /** Paragraphs of plain text; escaped for the HTML version. */
  paragraphs: string[];
  action?: { label: string; url: string };
  booking?: BookingView | null;
}

/** Both versions from one description, so the text and HTML parts never say different things. */
export function framed(ctx: EmailContext, subject: string, frame: Frame): RenderedEmail {
  const greeting = `Hello ${ctx.user.name},`;
  const text = [
    greeting,
    "",
    ...frame.paragraphs.flatMap((p) => [p, ""]),
    ...(frame.booking ? [journeyText(frame.booking), ""] : []),
    ...(frame.action ? [`${frame.action.label}: ${frame.action.url}`, ""] : []),
    "RailBook",
    `You get these emails about your bookings. Your notices: ${ctx.appUrl}/notifications`,
  ].join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<table role="presentation" width="100%" style="border-collapse:collapse"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" style="border-collapse:collapse;background:#ffffff;border-radius:8px">
<tr><td style="background:#174ba6;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold;border-radius:8px 8px 0 0">RailBook</td></tr>
<tr><td style="padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(frame.heading)}</h1>
<p style="margin:0 0 12px">${escapeHtml(greeting)}</p>
${frame.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join("\n")}
${frame.booking ? journeyHtml(frame.booking) : ""}
${frame.action ? `<p style="margin:20px 0"><a href="${escapeHtml(frame.action.url)}" style="background:#174ba6;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(frame.action.label)}</a></p>` : ""}
</td></tr>
<tr><td style="padding:16px 24px;color:#64748b;font-size:12px">You get these emails about your bookings. <a href="${escapeHtml(ctx.appUrl)}/notifications" style="color:#64748b">Your notices</a></td></tr>
</table></td></tr></table></body></html>`;
  return { subject, text, html };
}
