"use client";
// The profile page's sessions card: the API tokens this person created (revocable one by one) and
// "sign out everywhere". Tokens arrive as plain values from the page; nothing secret is shown.
import { useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { revokeTokenAction, signOutEverywhereAction } from "@/app/profile/actions";
import { FormAlert, SubmitButton } from "@/components/auth/form-controls";

const card = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6";

export interface TokenRow {
  id: string;
  label: string | null;
  created: string;
  lastUsed: string | null;
  expires: string;
}

function RevokeTokenButton({ token }: { token: TokenRow }) {
  const [state, action, pending] = useActionState(revokeTokenAction, initialActionState);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={token.id} />
      {state.status === "error" ? <FormAlert state={state} /> : null}
      <SubmitButton pending={pending} pendingText="Revoking…">
        Revoke<span className="sr-only"> {token.label ?? "token"}</span>
      </SubmitButton>
    </form>
  );
}

export function SessionControls({ tokens }: { tokens: TokenRow[] }) {
  const [state, action, pending] = useActionState(signOutEverywhereAction, initialActionState);
  return (
    <section aria-labelledby="sessions-heading" className={card}>
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Sessions and API tokens
      </h2>
      {tokens.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">You have no API tokens.</p>
      ) : (
        <ul aria-label="API tokens" className="mt-3 divide-y divide-slate-200">
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{t.label ?? "Unnamed token"}</span>
                <span className="block text-slate-600">
                  Created {t.created} · {t.lastUsed ? `last used ${t.lastUsed}` : "never used"} · expires {t.expires}
                </span>
              </span>
              <RevokeTokenButton token={t} />
            </li>
          ))}
        </ul>
      )}
      <form action={action} className="mt-4 space-y-2">
        <FormAlert state={state} />
        <p className="text-sm text-slate-600">Signs you out on every device, this one too, and revokes every API token.</p>
        <SubmitButton pending={pending} pendingText="Signing out…">
          Sign out everywhere
        </SubmitButton>
      </form>
    </section>
  );
}
