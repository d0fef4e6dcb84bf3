"use client";
import Link from "next/link";
import { useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/schemas/auth";
import { registerAction } from "@/app/(auth)/actions";
import { FormAlert, SubmitButton, TextField, useFocusOnError } from "@/components/auth/form-controls";

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(registerAction, initialActionState);
  const formRef = useFocusOnError(state);
  const errors = state.fieldErrors ?? {};

  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormAlert state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="name"
        label="Full name"
        autoComplete="name"
        required
        maxLength={NAME_MAX}
        defaultValue={state.values?.name}
        errors={errors.name}
      />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={`At least ${PASSWORD_MIN} characters.`}
        errors={errors.password}
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <SubmitButton pending={pending} pendingText="Creating your account…">
          Create account
        </SubmitButton>
        <p className="text-sm text-slate-600">
          Already registered?{" "}
          <Link
            href={callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin"}
            className="font-medium text-brand-700 underline"
          >
            Sign in
          </Link>
        </p>
      </div>
    </form>
  );
}
