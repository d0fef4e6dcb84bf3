import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { ChangePasswordForm, ProfileNameForm } from "@/components/auth/profile-forms";
import { SessionControls, type TokenRow } from "@/components/auth/session-controls";
import { AccountDataControls } from "@/components/auth/account-data-controls";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { dateInZone, clockInZone } from "@/lib/time/zoned";
import { operatorTimeZone } from "@/lib/config";

// Token times on the operator's clock (OPERATOR_TIME_ZONE), like the rest of the site's operator-facing times.
const when = (d: Date) => `${dateInZone(d, operatorTimeZone())} ${clockInZone(d, operatorTimeZone())}`;

export const metadata: Metadata = { title: "My profile" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProfilePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/profile");
  const passwordChanged = (await searchParams).changed === "password";
  const tokens: TokenRow[] = (await listApiTokens(user.id)).map((t) => ({
    id: t.id,
    label: t.label,
    created: when(t.createdAt),
    lastUsed: t.lastUsedAt ? when(t.lastUsedAt) : null,
    expires: when(t.expiresAt),
  }));

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">My profile</h1>
        <p className="mt-1 text-slate-600">
          Signed in as <span className="font-medium text-slate-900">{user.email}</span>
          {user.role === "ADMIN" ? " (operator)" : null}
        </p>
      </header>
      {passwordChanged ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          Your password has been changed. You were signed out everywhere else, and any API tokens you created were revoked.
        </p>
      ) : null}
      <ProfileNameForm name={user.name} />
      <ChangePasswordForm />
      <SessionControls tokens={tokens} />
      <AccountDataControls />
    </div>
  );
}
