"use client";
// "Resend e-ticket" on the operator's booking page, for desk staff and admins: queues the ticket
// email again to the passenger's own address; the message says where it went.
import { useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { resendTicketAction } from "@/app/admin/bookings/[pnr]/actions";
import { FormAlert, SubmitButton } from "@/components/auth/form-controls";

export function ResendTicketForm({ pnr, email }: { pnr: string; email: string }) {
  const [state, action, pending] = useActionState(resendTicketAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="pnr" value={pnr} />
      <p className="text-sm text-slate-600">{`Sends the e-ticket (PDF with its QR code) to ${email} again. The booking does not change.`}</p>
      <SubmitButton pending={pending} pendingText="Sending…">
        Resend e-ticket
      </SubmitButton>
    </form>
  );
}
