// The e-ticket as a one-page A4 PDF: PNR and the QR code of the signed ticket, train, stations and local times, each
// passenger's coach and seat, fare and status. Kept apart from any route so a confirmation email
// can attach the very same document later.
//
// Text is set in DejaVu Sans (a TTF from the dejavu-fonts-ttf package, embedded as a subset)
// because pdf-lib's standard fonts only cover WinAnsi and cannot draw Polish letters (ą, ł, ż...).
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { BookingView } from "@/lib/schemas/booking";
import { formatMoney } from "@/lib/money";
import { concessionLabel } from "@/lib/fares/concession-terms";
import { daysBetween, formatDuration, longDateLabel } from "@/lib/time/zoned";
import { bookedSeat } from "@/lib/tickets/seat-words";
import { ticketQrPng } from "@/lib/tickets/ticket-qr";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const BRAND = rgb(0.09, 0.294, 0.651); // brand-700
const INK = rgb(0.06, 0.09, 0.16);
const MUTED = rgb(0.39, 0.45, 0.55);
const STATUS_TEXT: Record<BookingView["status"], string> = {
  CONFIRMED: "CONFIRMED",
  HELD: "NOT PAID: not valid for travel",
  WAITLISTED: "WAITING LIST: not valid for travel",
  CANCELLED: "CANCELLED: not valid for travel",
  EXPIRED: "HOLD EXPIRED: not valid for travel",
};

let fonts: Promise<[Buffer, Buffer]> | null = null;
function fontFiles(): Promise<[Buffer, Buffer]> {
  // Read once per process: the files do not change while the server runs.
  fonts ??= Promise.all([readFile(path.join(FONT_DIR, "DejaVuSans.ttf")), readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))]);
  return fonts;
}

interface Pen {
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
}

function text(pen: Pen, value: string, x: number, y: number, { size = 11, bold = false, color = INK, maxWidth }: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; maxWidth?: number } = {}) {
  const font = bold ? pen.bold : pen.regular;
  let shown = value;
  // Long names are cut with an ellipsis rather than running into the next column.
  while (maxWidth && shown.length > 1 && font.widthOfTextAtSize(shown, size) > maxWidth) shown = `${shown.slice(0, -2)}…`;
  pen.page.drawText(shown, { x, y, size, font, color });
}

const clock = (iso: string) => iso.slice(11, 16);

/**
 * `ticket`: the signed ticket text (lib/tickets/issue-ticket.ts) its QR code carries; null for a
 * booking that is not valid for travel, which gets no code at all.
 */
export async function renderTicketPdf(booking: BookingView, ticket: string | null, now = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`RailBook e-ticket ${booking.pnr}`);
  doc.setAuthor("RailBook");
  doc.setCreationDate(now);
  const [regularBytes, boldBytes] = await fontFiles();
  const pen: Pen = {
    page: doc.addPage([595.28, 841.89]),
    regular: await doc.embedFont(regularBytes, { subset: true }),
    bold: await doc.embedFont(boldBytes, { subset: true }),
  };
  const { page } = pen;
  const { width, height } = page.getSize();
  const left = 48;

  // Header band with the reference and the QR code.
  page.drawRectangle({ x: 0, y: height - 120, width, height: 120, color: BRAND });
  text(pen, "RailBook e-ticket", left, height - 50, { size: 22, bold: true, color: rgb(1, 1, 1) });
  text(pen, "Booking reference (PNR)", left, height - 78, { size: 10, color: rgb(0.85, 0.92, 1) });
  text(pen, booking.pnr, left, height - 102, { size: 20, bold: true, color: rgb(1, 1, 1) });
  if (ticket) {
    const qr = await doc.embedPng(await ticketQrPng(ticket));
    page.drawRectangle({ x: width - 48 - 152, y: height - 210, width: 152, height: 152, color: rgb(1, 1, 1), borderColor: MUTED, borderWidth: 0.5 });
    page.drawImage(qr, { x: width - 48 - 146, y: height - 204, width: 140, height: 140 });
  }

  let y = height - 150;
  text(pen, STATUS_TEXT[booking.status], left, y, { size: 13, bold: true, color: booking.status === "CONFIRMED" ? rgb(0.02, 0.47, 0.34) : rgb(0.73, 0.11, 0.11) });
  y -= 32;
  text(pen, `${booking.train.number} ${booking.train.name}`, left, y, { size: 14, bold: true });
  y -= 18;
  text(pen, longDateLabel(booking.departure.slice(0, 10)), left, y, { size: 11, color: MUTED });

  // Stations and local times.
  y -= 44;
  const minutes = Math.round((Date.parse(booking.arrival) - Date.parse(booking.departure)) / 60_000);
  const nextDay = daysBetween(booking.departure.slice(0, 10), booking.arrival.slice(0, 10));
  text(pen, clock(booking.departure), left, y, { size: 26, bold: true });
  text(pen, booking.fromName, left, y - 20, { size: 12, maxWidth: 220 });
  text(pen, formatDuration(minutes), left + 232, y + 6, { size: 10, color: MUTED });
  page.drawLine({ start: { x: left + 200, y: y - 2 }, end: { x: left + 310, y: y - 2 }, thickness: 1, color: MUTED, dashArray: [3, 3] });
  text(pen, `${clock(booking.arrival)}${nextDay > 0 ? ` (+${nextDay})` : ""}`, left + 330, y, { size: 26, bold: true });
  text(pen, booking.toName, left + 330, y - 20, { size: 12, maxWidth: 170 });
  y -= 44;
  text(pen, "Times are local to each station.", left, y, { size: 9, color: MUTED });

  // Passengers.
  y -= 40;
  const columns = [left, left + 220, left + 270, width - 48 - 80];
  text(pen, "Passenger", columns[0]!, y, { size: 9, bold: true, color: MUTED });
  text(pen, "Age", columns[1]!, y, { size: 9, bold: true, color: MUTED });
  text(pen, "Coach and seat", columns[2]!, y, { size: 9, bold: true, color: MUTED });
  text(pen, "Fare", columns[3]!, y, { size: 9, bold: true, color: MUTED });
  y -= 8;
  page.drawLine({ start: { x: left, y }, end: { x: width - 48, y }, thickness: 0.5, color: MUTED });
  for (const p of booking.passengers) {
    y -= 20;
    text(pen, p.name, columns[0]!, y, { maxWidth: 210 });
    text(pen, String(p.age), columns[1]!, y);
    text(pen, p.status === "CANCELLED" ? `${bookedSeat(p)} (cancelled)` : bookedSeat(p), columns[2]!, y, { maxWidth: columns[3]! - columns[2]! - 10 });
    text(pen, formatMoney(p.fare.amount, p.fare.currency), columns[3]!, y);
    if (p.concession) {
      // What the conductor will ask for, under the passenger it belongs to (docs/decisions/041).
      y -= 13;
      const proof = p.concession.proof ? ` · show: ${p.concession.proof}` : "";
      text(pen, `${concessionLabel(p.concession)}${proof}`, columns[0]! + 8, y, { size: 9, color: MUTED, maxWidth: columns[3]! - columns[0]! - 18 });
    }
  }
  y -= 12;
  page.drawLine({ start: { x: left, y }, end: { x: width - 48, y }, thickness: 0.5, color: MUTED });
  y -= 22;
  text(pen, "Total", columns[2]!, y, { bold: true, size: 12 });
  text(pen, formatMoney(booking.total.amount, booking.total.currency), columns[3]!, y, { bold: true, size: 12 });
  y -= 18;
  text(pen, `Class: ${booking.class.toLowerCase()}${booking.quota !== "GENERAL" ? ` · quota: ${booking.quota.toLowerCase()}` : ""}`, left, y, { size: 10, color: MUTED });

  text(pen, "Show this ticket (printed or on screen) with an identity document when asked on board.", left, 64, { size: 9, color: MUTED });
  text(pen, `Issued by RailBook on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC.`, left, 50, { size: 9, color: MUTED });
  return doc.save();
}
