// The PDF ticket, read back with pdf-lib: one A4 page, titled with the PNR, the QR code embedded as
// an image, and the text set in the embedded DejaVu font (the standard PDF fonts cannot encode
// Polish letters: pdf-lib throws on "ł" with them, so a successful render with those names is the
// proof that the embedded font is used).
import { describe, expect, it } from "vitest";
import { PDFDocument, PDFName, PDFDict, StandardFonts } from "pdf-lib";
import type { BookingView } from "@/lib/schemas/booking";
import { renderTicketPdf } from "@/lib/tickets/ticket-pdf";
import { bookedSeat } from "@/lib/tickets/seat-words";

const booking: BookingView = {
  pnr: "K7QWERTY23",
  status: "CONFIRMED",
  serviceId: "svc",
  from: "GDG",
  to: "KRK",
  fromName: "Gdańsk Główny",
  toName: "Kraków Główny",
  class: "SLEEPER",
  quota: "GENERAL",
  train: { number: "TLK 53170", name: "Giewont" },
  departure: "2026-11-24T22:18:00+01:00",
  arrival: "2026-11-25T06:50:00+01:00",
  holdExpiresAt: null,
  total: { amount: 52290, currency: "PLN" },
  passengers: [
    { name: "Łucja Żółkiewska-Ćwiklińska", age: 34, berthPreference: "LOWER", seatId: "a", coach: "S1", number: 1, berth: "LOWER", status: "CONFIRMED", fare: { amount: 32080, currency: "PLN" }, fullFare: { amount: 32080, currency: "PLN" }, concession: null },
    {
      name: "Jan Kowalski", age: 9, berthPreference: "NONE", seatId: "b", coach: "S1", number: 6, berth: "UPPER", status: "CONFIRMED", fare: { amount: 20210, currency: "PLN" }, fullFare: { amount: 32080, currency: "PLN" },
      concession: { code: "CHILD", name: "Child under 16", proof: "Document showing the child's age", discountBasisPoints: 3700 },
    },
  ],
  createdAt: "2026-11-20T10:00:00.000Z",
  confirmedAt: "2026-11-20T10:03:00.000Z",
  cancelledAt: null,
  waitlistPosition: null,
};

describe("renderTicketPdf", () => {
  it("renders one A4 page with the PNR in the title, an embedded font and the QR image", async () => {
    const bytes = await renderTicketPdf(booking, "RB1.kid.payload.signature", new Date("2026-11-20T10:05:00Z"));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");

    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const [page] = doc.getPages();
    expect(Math.round(page!.getWidth())).toBe(595);
    expect(Math.round(page!.getHeight())).toBe(842);
    expect(doc.getTitle()).toBe("RailBook e-ticket K7QWERTY23");

    const resources = page!.node.Resources()!;
    const fonts = resources.lookup(PDFName.of("Font"), PDFDict);
    const baseFonts = fonts.keys().map((key) => String(fonts.lookup(key, PDFDict).get(PDFName.of("BaseFont"))));
    expect(baseFonts.some((name) => name.includes("DejaVuSans"))).toBe(true);
    const images = resources.lookup(PDFName.of("XObject"), PDFDict);
    expect(images.keys()).toHaveLength(1);
  });

  it("could not have been drawn with a standard font, which has no Polish letters", async () => {
    const doc = await PDFDocument.create();
    const helvetica = await doc.embedFont(StandardFonts.Helvetica);
    expect(() => helvetica.encodeText(booking.passengers[0]!.name)).toThrow();
  });

  it("says a cancelled ticket is not valid, and gives it no QR code", async () => {
    const bytes = await renderTicketPdf({ ...booking, status: "CANCELLED" }, null);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const images = doc.getPages()[0]!.node.Resources()!.lookup(PDFName.of("XObject"));
    expect(images instanceof PDFDict ? images.keys() : []).toHaveLength(0);
  });
});

describe("bookedSeat", () => {
  it("names coach, number and berth, or the waiting list", () => {
    expect(bookedSeat(booking.passengers[0]!)).toBe("Coach S1, berth 1, lower");
    expect(bookedSeat({ coach: "7", number: 21, berth: null, status: "CONFIRMED" })).toBe("Coach 7, seat 21");
    expect(bookedSeat({ coach: null, number: null, berth: null, status: "WAITLISTED" })).toBe("On the waiting list");
  });
});
