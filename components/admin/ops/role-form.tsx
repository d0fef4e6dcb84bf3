"use client";
// Change one account's role (passenger, conductor, admin), from its row in the users table. Every change takes a second
// press ("Yes, …"), which is what sends confirm=yes: the server refuses a change without it
// (roleChangeFormSchema), so a stray click changes nobody's access. Each change is audited.
import { useActionState, useState } from "react";
import { initialActionState } from "@/lib/action-state";
import { setRoleAction } from "@/app/admin/users/actions";
import type { RoleName } from "@/lib/schemas/roles";

interface Wording {
  label: string;
  confirm: string;
  consequence: string;
}

/** What the button says and what the change means, from `role` to `target`. */
function wording(role: RoleName, target: RoleName, name: string, isSelf: boolean): Wording {
  if (target === "ADMIN") return { label: "Make admin", confirm: `Yes, make ${name} an admin`, consequence: `${name} gets full operator access: bookings, refunds, timetables and roles.` };
  if (role === "ADMIN") {
    const gives = target === "CONDUCTOR" ? " and keeps checking tickets" : "";
    return isSelf
      ? { label: target === "CONDUCTOR" ? "Step down to conductor" : "Give up my admin rights", confirm: "Yes, give up my admin rights", consequence: `You will lose access to the operator pages at once${gives}.` }
      : { label: target === "CONDUCTOR" ? "Make conductor instead" : "Remove admin rights", confirm: `Yes, remove ${name}'s admin rights`, consequence: `${name} loses access to the operator pages at once${gives}.` };
  }
  if (target === "CONDUCTOR") return { label: "Make conductor", confirm: `Yes, make ${name} a conductor`, consequence: `${name} may check tickets on board (/check) and mark them checked.` };
  return { label: "Remove conductor rights", confirm: `Yes, remove ${name}'s conductor rights`, consequence: `${name} can no longer check tickets.` };
}

export function RoleForm({ userId, name, role, target, isSelf }: { userId: string; name: string; role: RoleName; target: RoleName; isSelf: boolean }) {
  const [state, action, pending] = useActionState(setRoleAction, initialActionState);
  // Confirming the change from this role: once the role has changed, the form asks afresh.
  const [confirmingFrom, setConfirmingFrom] = useState<string | null>(null);
  const confirming = confirmingFrom === role;
  const setConfirming = (on: boolean) => setConfirmingFrom(on ? role : null);
  const { label, confirm: confirmLabel, consequence } = wording(role, target, name, isSelf);

  return (
    <form
      action={action}
      className="space-y-1"
      onSubmit={(e) => {
        if (!confirming) {
          e.preventDefault();
          setConfirming(true);
        }
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={target} />
      {confirming ? <input type="hidden" name="confirm" value="yes" /> : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending}
          aria-label={confirming ? confirmLabel : `${label}: ${name}`}
          className={`rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${role === "ADMIN" || target === "PASSENGER" ? "border-red-300 bg-white text-red-800 hover:bg-red-50" : "border-slate-300 bg-white hover:bg-slate-50"}`}
        >
          {pending ? "Saving…" : confirming ? confirmLabel : label}
        </button>
        {confirming && !pending ? (
          <button type="button" onClick={() => setConfirming(false)} className="rounded-md px-3 py-1.5 text-sm text-slate-700 underline">
            Keep as is
          </button>
        ) : null}
      </div>
      {confirming && !pending ? <p className="max-w-xs whitespace-normal text-xs text-slate-600">{consequence}</p> : null}
      {state.status !== "idle" && state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={`max-w-xs whitespace-normal text-xs ${state.status === "error" ? "text-red-700" : "text-green-800"}`}>
          {state.status === "error" && state.fieldErrors?.confirm ? state.fieldErrors.confirm[0] : state.message}
        </p>
      ) : null}
    </form>
  );
}
