"use client";
// The admin forms' wiring to their server actions (lib/action.ts formAction) through useActionState.
// Submitted from onSubmit rather than <form action>: React resets a form after an action passed as
// its `action` prop, and that reset puts <select>s back to their first or initial option even when
// they are controlled (react/react#30580, still open in React 19.3), so a form with a failed field
// would come back with its other choices silently changed. These forms need JavaScript anyway
// (rows are added and reordered in the browser).
import { startTransition, useActionState, type FormEvent } from "react";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { useFocusOnError } from "@/components/auth/form-controls";

type ServerAction = (state: ActionState, data: FormData) => Promise<ActionState>;

export function useAdminForm(action: ServerAction) {
  const [state, dispatch, pending] = useActionState(action, initialActionState);
  const formRef = useFocusOnError(state);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formRef, onSubmit, dispatch, errors: state.fieldErrors ?? {} };
}
