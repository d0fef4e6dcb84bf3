"use client";
// The operator's message to every passenger of a service. The send key is made once per message
// in the browser and goes with every submission of it: a double-click sends once (decision 030).
import { startTransition, useEffect, useId, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/action-state";
import { sendServiceMessageAction } from "@/app/admin/services/[serviceId]/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX } from "@/lib/schemas/service-message";
import { useAdminForm } from "./use-admin-form";

export function ServiceMessageForm({ serviceId, travelling }: { serviceId: string; travelling: number }) {
  const { state, pending, formRef, dispatch, errors } = useAdminForm(sendServiceMessageAction);
  // One key per message: made at its first submission, kept by every repeat (a double-click, a
  // retry after an error), replaced only once a message was sent.
  const sendKey = useRef<{ key: string; madeUnder: ActionState } | null>(null);
  const bodyId = useId();
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state, formRef]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!sendKey.current || (state.status === "success" && sendKey.current.madeUnder !== state)) sendKey.current = { key: crypto.randomUUID(), madeUnder: state };
    const data = new FormData(event.currentTarget);
    data.set("sendKey", sendKey.current.key);
    startTransition(() => dispatch(data));
  };
  const bodyErrors = errors.body;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="serviceId" value={serviceId} />
      <TextField name="subject" label="Subject" required maxLength={MESSAGE_SUBJECT_MAX} defaultValue={state.status === "error" ? state.values?.subject : undefined} errors={errors.subject} />
      <div className="text-sm font-medium text-slate-800">
        <label htmlFor={bodyId}>Message</label>
        <textarea
          id={bodyId}
          name="body"
          required
          rows={5}
          maxLength={MESSAGE_BODY_MAX}
          defaultValue={state.status === "error" ? state.values?.body : undefined}
          aria-invalid={bodyErrors?.length ? true : undefined}
          aria-describedby={bodyErrors?.length ? `${bodyId}-error` : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-normal"
        />
        {bodyErrors?.length ? (
          <p id={`${bodyId}-error`} className="mt-1 text-sm text-red-700">
            {bodyErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">
        Goes to every account with a confirmed booking on this train ({travelling === 1 ? "1 passenger travelling" : `${travelling} passengers travelling`}), in the app and by email.
      </p>
      <SubmitButton pending={pending} pendingText="Sending…">
        Send to all passengers
      </SubmitButton>
    </form>
  );
}
