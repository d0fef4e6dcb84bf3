"use client";
// Building blocks shared by the account forms: a labelled field whose error sits next to it and
// is announced (aria-invalid + aria-describedby), a form-level alert, and a submit button that
// shows the pending state.
import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
}

export function TextField({ name, label, errors, hint, className, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm ${
          invalid ? "border-red-600" : "border-slate-300"
        }`}
        {...input}
      />
      {invalid ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormAlert({ state }: { state: ActionState }) {
  if (state.status === "idle" || !state.message) return null;
  const error = state.status === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      tabIndex={-1}
      data-form-alert
      className={`rounded-md border px-3 py-2 text-sm ${
        error ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-800"
      }`}
    >
      {state.message}
    </div>
  );
}

export function SubmitButton({ pending, children, pendingText }: { pending: boolean; children: ReactNode; pendingText: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
    >
      {pending ? pendingText : children}
    </button>
  );
}

/**
 * After a failed submit, move focus to the first invalid field (or the form's alert), so keyboard
 * and screen-reader users land on what needs fixing instead of at the top of the page.
 */
export function useFocusOnError(state: ActionState) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "error") return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>("[data-form-alert]");
    target?.focus();
  }, [state]);
  return formRef;
}
