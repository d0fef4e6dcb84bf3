"use client";
// Promote or demote one account, from its row in the users table. Giving up your own admin rights
// takes a second press, since it ends your access to these pages at once.
import { useActionState, useState } from "react";
import { initialActionState } from "@/lib/action-state";
import { setRoleAction } from "@/app/admin/users/actions";

export function RoleForm({ userId, name, role, isSelf }: { userId: string; name: string; role: "PASSENGER" | "ADMIN"; isSelf: boolean }) {
  const [state, action, pending] = useActionState(setRoleAction, initialActionState);
  const [confirming, setConfirming] = useState(false);
  const target = role === "ADMIN" ? "PASSENGER" : "ADMIN";
  const label = role === "ADMIN" ? (isSelf ? "Give up my admin rights" : "Remove admin rights") : "Make admin";
  const needsConfirm = isSelf && role === "ADMIN" && !confirming;

  return (
    <form action={action} className="space-y-1" onSubmit={(e) => {
      if (needsConfirm) {
        e.preventDefault();
        setConfirming(true);
      }
    }}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={target} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${label}: ${name}`}
        className={`rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${role === "ADMIN" ? "border-red-300 bg-white text-red-800 hover:bg-red-50" : "border-slate-300 bg-white hover:bg-slate-50"}`}
      >
        {pending ? "Saving…" : confirming ? "Yes, give up my admin rights" : label}
      </button>
      {confirming && !pending ? <p className="text-xs text-slate-600">You will lose access to the operator pages at once.</p> : null}
      {state.status !== "idle" && state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={`max-w-xs whitespace-normal text-xs ${state.status === "error" ? "text-red-700" : "text-green-800"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
