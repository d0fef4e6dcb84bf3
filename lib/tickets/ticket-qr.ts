// The QR code on a ticket: the signed ticket (lib/tickets/ticket-token.ts), which a conductor's
// device verifies even offline. SVG for the page (crisp at any zoom and in print), PNG for the PDF.
// Error correction M survives a creased printout; a signed ticket of six passengers is about
// 900 characters, QR version 20 or so, still read by a phone camera at arm's length.
import "server-only";
import QRCode from "qrcode";

// A quiet zone of 4 modules, as the QR standard asks: scanners find the code by it.
const OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/** An <svg> element as markup, with a title so assistive technology can name it. */
export async function ticketQrSvg(ticket: string, pnr: string): Promise<string> {
  const svg = await QRCode.toString(ticket, { ...OPTIONS, type: "svg", color: { dark: "#0f2f66", light: "#ffffff" } });
  // The PNR is [A-Z0-9] only (checked by the booking read), so it is safe inside markup.
  // crispEdges: modules stay sharp squares at any scale, which scanners read best.
  return svg.replace("<svg ", `<svg role="img" aria-label="QR code of the signed ticket for booking ${pnr}" shape-rendering="crispEdges" style="display:block;width:100%;height:auto" `);
}

export async function ticketQrPng(ticket: string, width = 480): Promise<Buffer> {
  return QRCode.toBuffer(ticket, { ...OPTIONS, type: "png", width });
}
