import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { travelClasses } from "@/lib/admin/network/coach-types";
import { PageHeader, card } from "@/components/admin/admin-ui";
import { CoachTypeForm } from "@/components/admin/coach-type-form";

export const metadata: Metadata = { title: "New coach type" };

export default async function NewCoachTypePage() {
  await requireAdmin("/admin/coach-types/new");
  const classes = await travelClasses();
  return (
    <div className="space-y-5">
      <p>
        <Link href="/admin/coach-types" className="text-sm text-brand-700 underline">
          ← All coach types
        </Link>
      </p>
      <PageHeader title="New coach type" description="Pick a layout and a size; the preview is the seat map passengers will see." />
      <section className={card}>
        <CoachTypeForm classes={classes.map((c) => ({ code: c.code, name: c.name }))} />
      </section>
    </div>
  );
}
