// The QR code on a ticket: the PNR, which a conductor's scanner looks up. SVG for the page (crisp
// at any zoom and in print), PNG for the PDF. Error correction M survives a creased printout.
import "server-only";
import QRCode from "qrcode";

const OPTIONS = { errorCorrectionLevel: "M", margin: 1 } as const;

/** An <svg> element as markup, with a title so assistive technology can name it. */
export async function ticketQrSvg(pnr: string): Promise<string> {
  const svg = await QRCode.toString(pnr, { ...OPTIONS, type: "svg", color: { dark: "#0f2f66", light: "#ffffff" } });
  // The PNR is [A-Z0-9] only (checked by the booking read), so it is safe inside markup.
  return svg.replace("<svg ", `<svg role="img" aria-label="QR code of booking ${pnr}" `);
}

export async function ticketQrPng(pnr: string, width = 360): Promise<Buffer> {
  return QRCode.toBuffer(pnr, { ...OPTIONS, type: "png", width });
}
