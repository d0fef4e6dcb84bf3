import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { ChangePasswordForm, ProfileNameForm } from "@/components/auth/profile-forms";

export const metadata: Metadata = { title: "My profile" };

export default async function ProfilePage() {
  const user = await requireUser("/profile");

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">My profile</h1>
        <p className="mt-1 text-slate-600">
          Signed in as <span className="font-medium text-slate-900">{user.email}</span>
          {user.role === "ADMIN" ? " (operator)" : null}
        </p>
      </header>
      <ProfileNameForm name={user.name} />
      <ChangePasswordForm />
    </div>
  );
}
