"use client";
import Link from "next/link";
import { useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { signInAction } from "@/app/(auth)/actions";
import { FormAlert, SubmitButton, TextField, useFocusOnError } from "@/components/auth/form-controls";

export function SignInForm({ callbackUrl, notice, success }: { callbackUrl?: string; notice?: string; success?: string }) {
  const [state, action, pending] = useActionState(signInAction, initialActionState);
  const formRef = useFocusOnError(state);
  const errors = state.fieldErrors ?? {};
  const shown =
    state.status !== "idle" ? state : notice ? { status: "error" as const, message: notice } : success ? { status: "success" as const, message: success } : state;

  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormAlert state={shown} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
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
        autoComplete="current-password"
        required
        errors={errors.password}
      />
      <p className="text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <SubmitButton pending={pending} pendingText="Signing in…">
          Sign in
        </SubmitButton>
        <p className="text-sm text-slate-600">
          New to RailBook?{" "}
          <Link
            href={callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register"}
            className="font-medium text-brand-700 underline"
          >
            Create an account
          </Link>
        </p>
      </div>
    </form>
  );
}
