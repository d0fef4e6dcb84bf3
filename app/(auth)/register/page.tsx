import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw, "");

  if (await getSessionUser()) redirect(callbackUrl || "/");

  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Create an account</h1>
      <p className="mb-6 mt-1 text-slate-600">Book seats, keep your tickets in one place and get journey updates.</p>
      <RegisterForm callbackUrl={callbackUrl || undefined} />
    </>
  );
}
