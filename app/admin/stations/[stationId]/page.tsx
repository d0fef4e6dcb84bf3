import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { timeZoneSuggestions } from "@/lib/schemas/admin-network";
import { getStation, trainsCallingAt } from "@/lib/admin/network/stations";
import { PageHeader, StatusNote, card, param, type SearchParams } from "@/components/admin/admin-ui";
import { DeleteStation, StationForm } from "@/components/admin/station-form";
import { operatorTimeZone } from "@/lib/config";

export const metadata: Metadata = { title: "Station" };

export default async function StationPage({ params, searchParams }: { params: Promise<{ stationId: string }>; searchParams: SearchParams }) {
  const { stationId } = await params;
  await requireAdmin(`/admin/stations/${stationId}`);
  const station = await getStation(stationId);
  if (!station) notFound();
  const [trains, saved] = [await trainsCallingAt(stationId), param((await searchParams).saved)];

  return (
    <div className="space-y-5">
      <p>
        <Link href="/admin/stations" className="text-sm text-brand-700 underline">
          ← All stations
        </Link>
      </p>
      <PageHeader title={`${station.name} (${station.code})`} description={`${station.city} · ${station.timeZone}`} />
      {saved === "created" ? <StatusNote>{station.name} has been created.</StatusNote> : null}
      <section aria-labelledby="edit-heading" className={card}>
        <h2 id="edit-heading" className="mb-4 text-lg font-semibold">
          Details
        </h2>
        <StationForm station={station} zones={timeZoneSuggestions()} defaultZone={operatorTimeZone()} />
      </section>

      <section aria-labelledby="delete-heading" className={card}>
        <h2 id="delete-heading" className="mb-2 text-lg font-semibold">
          Delete
        </h2>
        {trains.length > 0 ? (
          <div className="space-y-2 text-slate-700">
            <p>
              This station cannot be deleted: {trains.length === 1 ? "a train calls" : `${trains.length} trains call`} at it. Remove it from their routes first.
            </p>
            <ul className="list-inside list-disc">
              {trains.map((t) => (
                <li key={t.trainId}>
                  <Link href={`/admin/trains/${t.trainId}`} className="text-brand-700 underline">
                    {t.number} {t.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <>
            <p className="mb-3 text-slate-700">No train calls here, so the station can be deleted.</p>
            <DeleteStation id={station.id} name={station.name} />
          </>
        )}
      </section>
    </div>
  );
}
