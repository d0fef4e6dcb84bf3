"use client";
// The notifications page's two forms, bound to their server actions through useActionState, so a
// failure (signed out meanwhile) is said next to the button. After either, the bell refetches at
// once rather than waiting for the live event.
import { useActionState, useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { NOTIFICATIONS_KEY } from "@/components/live/channels";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

function useRefreshBellOnSuccess(state: ActionState) {
  const client = useQueryClient();
  useEffect(() => {
    if (state.status === "success") void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  }, [state, client]);
}

export function MarkReadButton({ id, title, action }: { id: string; title: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  useRefreshBellOnSuccess(state);
  return (
    <form action={formAction} className="shrink-0">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Mark "${title}" as read`}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? "Marking…" : "Mark read"}
      </button>
      {state.status === "error" && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function MarkAllReadButton({ unread, action }: { unread: number; action: Action }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  useRefreshBellOnSuccess(state);
  return (
    <form action={formAction} className="flex items-center gap-3">
      <button
        type="submit"
        disabled={pending || unread === 0}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {pending ? "Marking…" : "Mark all read"}
      </button>
      <p role="status" className={`text-sm ${state.status === "error" ? "text-red-700" : "text-slate-600"}`}>
        {state.status === "idle" ? "" : state.message}
      </p>
    </form>
  );
}
