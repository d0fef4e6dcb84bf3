"use client";
// Release one account's unpaid holds, from its row on the holds page. Like a role change it takes a
// second press ("Yes, release …"), which is what sends confirm=yes: the server refuses without it.
import { useActionState, useState } from "react";
import { initialActionState } from "@/lib/action-state";
import { releaseHoldsAction } from "@/app/admin/holds/actions";

export function ReleaseHoldsForm({ userId, name, seats }: { userId: string; name: string; seats: number }) {
  const [state, action, pending] = useActionState(releaseHoldsAction, initialActionState);
  const [confirming, setConfirming] = useState(false);
  const confirmLabel = `Yes, release ${name}'s ${seats === 1 ? "seat" : `${seats} seats`}`;
  return (
    <form
      action={action}
      className="space-y-1"
      onSubmit={(e) => {
        if (!confirming) {
          e.preventDefault();
          setConfirming(true);
        } else setConfirming(false);
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      {confirming ? <input type="hidden" name="confirm" value="yes" /> : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending}
          aria-label={confirming ? confirmLabel : `Release holds: ${name}`}
          className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
        >
          {pending ? "Releasing…" : confirming ? confirmLabel : "Release holds"}
        </button>
        {confirming && !pending ? (
          <button type="button" onClick={() => setConfirming(false)} className="rounded-md px-3 py-1.5 text-sm text-slate-700 underline">
            Keep them
          </button>
        ) : null}
      </div>
      {confirming && !pending ? <p className="max-w-xs whitespace-normal text-xs text-slate-600">The seats go back on sale now and {name} is told; nothing was charged.</p> : null}
      {state.status !== "idle" && state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={`max-w-xs whitespace-normal text-xs ${state.status === "error" ? "text-red-700" : "text-green-800"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
