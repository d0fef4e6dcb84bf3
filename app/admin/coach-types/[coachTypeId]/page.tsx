import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { coachTypeWithLayout } from "@/lib/admin/network/coach-types";
import { PageHeader, StatusNote, card, param, type SearchParams } from "@/components/admin/admin-ui";
import { CoachPreview } from "@/components/admin/coach-preview";

export const metadata: Metadata = { title: "Coach type" };

export default async function CoachTypePage({ params, searchParams }: { params: Promise<{ coachTypeId: string }>; searchParams: SearchParams }) {
  const { coachTypeId } = await params;
  await requireAdmin(`/admin/coach-types/${coachTypeId}`);
  const found = await coachTypeWithLayout(coachTypeId);
  if (!found) notFound();
  const { row, coach } = found;
  const unit = row.kind === "SLEEPER" ? "berths" : "seats";

  return (
    <div className="space-y-5">
      <p>
        <Link href="/admin/coach-types" className="text-sm text-brand-700 underline">
          ← All coach types
        </Link>
      </p>
      <PageHeader title={`${row.code}: ${row.name}`} description={`${row.className} · ${row.seats} ${unit} · used by ${row.trains} ${row.trains === 1 ? "train" : "trains"}`} />
      {param((await searchParams).saved) === "created" ? <StatusNote>The coach type has been created with {row.seats} {unit}.</StatusNote> : null}
      <section aria-labelledby="layout-heading" className={card}>
        <h2 id="layout-heading" className="mb-3 text-lg font-semibold">
          Layout
        </h2>
        <CoachPreview coach={coach} caption={`As passengers see it on the seat map, with every ${unit === "berths" ? "berth" : "seat"} free.`} />
      </section>
    </div>
  );
}
