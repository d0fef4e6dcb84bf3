"use client";
// The two forgot-password forms: asking for a link (by email), and choosing the new password on
// the page the link opens.
import Link from "next/link";
import { useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/schemas/auth";
import { forgotPasswordAction, resetPasswordAction } from "@/app/(auth)/actions";
import { FormAlert, SubmitButton, TextField, useFocusOnError } from "@/components/auth/form-controls";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, initialActionState);
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormAlert state={state} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <SubmitButton pending={pending} pendingText="Sending the link…">
          Send me a link
        </SubmitButton>
        <Link href="/signin" className="text-sm font-medium text-brand-700 underline">
          Back to sign in
        </Link>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialActionState);
  const formRef = useFocusOnError(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={`At least ${PASSWORD_MIN} characters.`}
        errors={errors.password}
      />
      <TextField name="confirmPassword" label="Repeat new password" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      {errors.token ? (
        <p className="text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            Ask for a new link
          </Link>
        </p>
      ) : null}
      <SubmitButton pending={pending} pendingText="Saving your new password…">
        Save new password
      </SubmitButton>
    </form>
  );
}
