"use client";
// The profile page's "Your data" card: download everything we keep (a JSON file), and delete the
// account, confirmed by typing the password. What deletion keeps and why: docs/decisions/043.
import { useActionState, useState } from "react";
import { initialActionState } from "@/lib/action-state";
import { deleteAccountAction } from "@/app/profile/actions";
import { FormAlert, TextField, useFocusOnError } from "@/components/auth/form-controls";

const card = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6";

export function AccountDataControls() {
  const [state, action, pending] = useActionState(deleteAccountAction, initialActionState);
  const formRef = useFocusOnError(state);
  const [open, setOpen] = useState(false);

  return (
    <section aria-labelledby="data-heading" className={card}>
      <h2 id="data-heading" className="text-lg font-semibold">
        Your data
      </h2>
      <p className="mt-1 text-sm text-slate-600">Your profile, bookings, passengers, payments and notices, as one JSON file.</p>
      <a href="/api/v1/account/export" download className="mt-3 inline-block rounded-md border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
        Download my data
      </a>

      <h3 className="mt-6 font-semibold text-slate-900">Delete my account</h3>
      <p className="mt-1 text-sm text-slate-600">
        You are signed out and cannot sign in again with this email&apos;s account. Your past bookings stay with the operator for its accounts, without your name,
        email or passengers&apos; names. Trips still ahead must be cancelled first.
      </p>
      {open ? (
        <form ref={formRef} action={action} noValidate className="mt-3 space-y-3">
          <FormAlert state={state} />
          <TextField name="password" label="Type your password to confirm" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-red-700 px-4 py-2.5 font-semibold text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-70"
            >
              {pending ? "Deleting your account…" : "Delete my account for good"}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md px-4 py-2.5 font-medium text-slate-700 underline">
              Keep my account
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)} className="mt-3 rounded-md border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50">
          Delete my account…
        </button>
      )}
    </section>
  );
}
