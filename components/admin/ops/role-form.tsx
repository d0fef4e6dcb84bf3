"use client";
// Change one account's role (passenger, conductor, admin), from its row in the users table. Every change takes a second
// press ("Yes, …"), which is what sends confirm=yes: the server refuses a change without it
// (roleChangeFormSchema), so a stray click changes nobody's access. Each change is audited.
import { useActionState, useEffect, useRef, useState } from "react";
import { initialActionState } from "@/lib/action-state";
import { setRoleAction } from "@/app/admin/users/actions";
import { ROLE_LABELS, ROLES, type RoleName } from "@/lib/schemas/roles";

interface Wording {
  label: string;
  confirm: string;
  consequence: string;
}

/** What the button says and what the change means, from `role` to `target`. */
function wording(role: RoleName, target: RoleName, name: string, isSelf: boolean): Wording {
  if (target === "ADMIN") return { label: "Make admin", confirm: `Yes, make ${name} an admin`, consequence: `${name} gets full operator access: bookings, refunds, timetables and roles.` };
  if (role === "ADMIN") {
    const gives = target === "CONDUCTOR" ? " and keeps checking tickets" : target === "DESK" ? " except the bookings desk" : "";
    return isSelf
      ? { label: target === "CONDUCTOR" ? "Step down to conductor" : target === "DESK" ? "Step down to desk" : "Give up my admin rights", confirm: "Yes, give up my admin rights", consequence: `You will lose access to the operator pages at once${gives}.` }
      : { label: target === "CONDUCTOR" ? "Make conductor instead" : target === "DESK" ? "Make desk staff instead" : "Remove admin rights", confirm: `Yes, remove ${name}'s admin rights`, consequence: `${name} loses access to the operator pages at once${gives}.` };
  }
  if (target === "DESK") return { label: "Make desk staff", confirm: `Yes, make ${name} desk staff`, consequence: `${name} may look up any booking and resend its e-ticket, and nothing else of the operator pages.` };
  if (role === "DESK") return { label: target === "CONDUCTOR" ? "Make conductor instead" : "Remove desk rights", confirm: `Yes, remove ${name}'s desk rights`, consequence: `${name} can no longer look up bookings.` };
  if (target === "CONDUCTOR") return { label: "Make conductor", confirm: `Yes, make ${name} a conductor`, consequence: `${name} may check tickets on board (/check) and mark them checked.` };
  return { label: "Remove conductor rights", confirm: `Yes, remove ${name}'s conductor rights`, consequence: `${name} can no longer check tickets.` };
}

/**
 * One form per account, one button per role it could get: the pressed button's value is the role
 * sent, so the form (and the message it shows) outlives the change that re-renders the row.
 */
export function RoleForm({ userId, name, role, isSelf }: { userId: string; name: string; role: RoleName; isSelf: boolean }) {
  const [state, action, pending] = useActionState(setRoleAction, initialActionState);
  // Confirming a change from this role: once the role has changed, the form asks afresh.
  const [confirming, setConfirming] = useState<{ from: RoleName; target: RoleName } | null>(null);
  const target = confirming?.from === role ? confirming.target : null;
  const targets = ROLES.filter((r) => r !== role);
  // The confirm step takes focus, so a keyboard or screen-reader user hears what is about to change.
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (target) confirmRef.current?.focus();
  }, [target]);
  const stepId = `role-step-${userId}`;

  return (
    <form
      action={action}
      className="space-y-1"
      onSubmit={(e) => {
        const pressed = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") as RoleName | undefined;
        if (!target && pressed) {
          e.preventDefault();
          setConfirming({ from: role, target: pressed });
        }
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      {target ? <input type="hidden" name="confirm" value="yes" /> : null}
      {target ? (
        <p id={stepId} className="text-xs font-medium text-slate-800" data-role-step>
          {`Change role: ${ROLE_LABELS[role]} → ${ROLE_LABELS[target]}`}
        </p>
      ) : null}
      <div className="flex flex-col gap-2">
        {(target ? [target] : targets).map((t) => {
          const words = wording(role, t, name, isSelf);
          return (
            <button
              key={t}
              ref={target ? confirmRef : undefined}
              aria-describedby={target ? stepId : undefined}
              type="submit"
              name="role"
              value={t}
              disabled={pending}
              aria-label={target ? words.confirm : `${words.label}: ${name}`}
              className={`rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${role === "ADMIN" || t === "PASSENGER" ? "border-red-300 bg-white text-red-800 hover:bg-red-50" : "border-slate-300 bg-white hover:bg-slate-50"}`}
            >
              {pending ? "Saving…" : target ? words.confirm : words.label}
            </button>
          );
        })}
        {target && !pending ? (
          <button type="button" onClick={() => setConfirming(null)} className="rounded-md px-3 py-1.5 text-sm text-slate-700 underline">
            Keep as is
          </button>
        ) : null}
      </div>
      {target && !pending ? <p className="max-w-xs whitespace-normal text-xs text-slate-600">{wording(role, target, name, isSelf).consequence}</p> : null}
      {state.status !== "idle" && state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={`max-w-xs whitespace-normal text-xs ${state.status === "error" ? "text-red-700" : "text-green-800"}`}>
          {state.status === "error" && state.fieldErrors?.confirm ? state.fieldErrors.confirm[0] : state.message}
        </p>
      ) : null}
    </form>
  );
}
