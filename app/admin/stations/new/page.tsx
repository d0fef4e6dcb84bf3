import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { timeZoneSuggestions } from "@/lib/schemas/admin-network";
import { PageHeader, card } from "@/components/admin/admin-ui";
import { StationForm } from "@/components/admin/station-form";
import { operatorTimeZone } from "@/lib/config";

export const metadata: Metadata = { title: "New station" };

export default async function NewStationPage() {
  await requireAdmin("/admin/stations/new");
  return (
    <div className="space-y-5">
      <p>
        <Link href="/admin/stations" className="text-sm text-brand-700 underline">
          ← All stations
        </Link>
      </p>
      <PageHeader title="New station" />
      <section className={card}>
        <StationForm zones={timeZoneSuggestions()} defaultZone={operatorTimeZone()} />
      </section>
    </div>
  );
}
