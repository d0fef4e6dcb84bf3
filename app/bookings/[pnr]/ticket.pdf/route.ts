// GET /bookings/{pnr}/ticket.pdf: the e-ticket as a PDF download, for its owner only. Anyone else
// (and a PNR that does not exist) gets the same 404, read through the owner-checked booking read.
import { db } from "@/lib/db";
import { getRequestUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/callback-url";
import { ownBookingView } from "@/lib/booking/booking-view";
import { errorResponse, toAppError } from "@/lib/http";
import { renderTicketPdf } from "@/lib/tickets/ticket-pdf";
import { issueTicket } from "@/lib/tickets/issue-ticket";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ pnr: string }> }): Promise<Response> {
  const pnr = (await params).pnr.toUpperCase();
  const user = await getRequestUser(request);
  if (!user) return Response.redirect(new URL(signInPath(`/bookings/${pnr}/ticket.pdf`), request.url), 303);
  try {
    const booking = await ownBookingView(db(), user.id, pnr);
    const pdf = await renderTicketPdf(booking, await issueTicket(booking));
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="railbook-${booking.pnr}.pdf"`,
        // A ticket is personal: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(toAppError(error));
  }
}
