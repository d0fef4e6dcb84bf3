"use client";
// The two forms on the profile page. Each has its own action state, so a message from one never
// appears on the other.
import { useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/schemas/auth";
import { changePasswordAction, updateNameAction } from "@/app/profile/actions";
import { FormAlert, SubmitButton, TextField, useFocusOnError } from "@/components/auth/form-controls";

const card = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6";

export function ProfileNameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(updateNameAction, initialActionState);
  const formRef = useFocusOnError(state);

  return (
    <section aria-labelledby="name-heading" className={card}>
      <h2 id="name-heading" className="text-lg font-semibold">
        Your name
      </h2>
      <p className="mb-4 text-sm text-slate-600">Shown on your tickets and at the top of the page.</p>
      <form ref={formRef} action={action} noValidate className="space-y-4">
        <FormAlert state={state} />
        <TextField
          name="name"
          label="Full name"
          autoComplete="name"
          required
          maxLength={NAME_MAX}
          defaultValue={state.values?.name ?? name}
          errors={state.fieldErrors?.name}
        />
        <SubmitButton pending={pending} pendingText="Saving…">
          Save name
        </SubmitButton>
      </form>
    </section>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialActionState);
  const formRef = useFocusOnError(state);
  const errors = state.fieldErrors ?? {};

  return (
    <section aria-labelledby="password-heading" className={card}>
      <h2 id="password-heading" className="text-lg font-semibold">
        Change password
      </h2>
      <p className="mb-4 text-sm text-slate-600">You stay signed in here; other devices are signed out and API tokens stop working.</p>
      {/* Password fields are never refilled from the submitted values. */}
      <form ref={formRef} action={action} noValidate className="space-y-4">
        <FormAlert state={state} />
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.currentPassword}
        />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={`At least ${PASSWORD_MIN} characters.`}
          errors={errors.newPassword}
        />
        <TextField
          name="confirmPassword"
          label="Repeat new password"
          type="password"
          autoComplete="new-password"
          required
          errors={errors.confirmPassword}
        />
        <SubmitButton pending={pending} pendingText="Changing password…">
          Change password
        </SubmitButton>
      </form>
    </section>
  );
}
