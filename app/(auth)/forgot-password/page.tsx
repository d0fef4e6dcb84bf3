import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { RESET_TTL_MINUTES } from "@/lib/auth/password-reset";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Forgot your password?</h1>
      <p className="mb-6 mt-1 text-slate-600">
        Give the email you registered with. We will send it a link to choose a new password, good for {RESET_TTL_MINUTES} minutes.
      </p>
      <ForgotPasswordForm />
    </>
  );
}
