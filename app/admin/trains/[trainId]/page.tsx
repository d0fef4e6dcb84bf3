import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { trainForEdit, trainFormOptions } from "@/lib/admin/network/trains";
import { PageHeader, StatusNote, card, param, type SearchParams } from "@/components/admin/admin-ui";
import { TrainEditor } from "@/components/admin/train-editor";

export const metadata: Metadata = { title: "Train" };

export default async function TrainPage({ params, searchParams }: { params: Promise<{ trainId: string }>; searchParams: SearchParams }) {
  const { trainId } = await params;
  await requireAdmin(`/admin/trains/${trainId}`);
  const [train, options] = await Promise.all([trainForEdit(trainId), trainFormOptions()]);
  if (!train) notFound();
  const saved = param((await searchParams).saved);
  const booked = train.bookedServices;

  return (
    <div className="space-y-5">
      <p>
        <Link href="/admin/trains" className="text-sm text-brand-700 underline">
          ← All trains
        </Link>
      </p>
      <PageHeader
        title={`Train ${train.number}`}
        description={`${train.stopCount} stops · ${train.coachCount} coaches · ${train.upcomingServices} coming services`}
        action={
          <div className="flex flex-wrap gap-2 text-sm">
            <Link href={`/admin/services?train=${train.id}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50">
              Services and generation
            </Link>
            <Link href={`/admin/pricing/quotas?train=${train.id}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50">
              Quota pools
            </Link>
          </div>
        }
      />
      {saved === "created" ? <StatusNote>Train {train.number} has been created. Generate its services next.</StatusNote> : null}
      {booked.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-semibold">Stations, distances and coaches are locked while passengers are booked on coming services:</p>
          <ul className="mt-1 list-inside list-disc">
            {booked.map((s) => (
              <li key={s.serviceId}>
                <Link href={`/admin/services/${s.serviceId}`} className="underline">
                  {s.serviceDate}
                </Link>{" "}
                — {s.bookings} {s.bookings === 1 ? "booking" : "bookings"}, {s.seats} {s.seats === 1 ? "seat" : "seats"}
              </li>
            ))}
          </ul>
          <p className="mt-1">Name, type, status and platforms can still change, and stop times too: you choose below whether they reach these services, whose passengers are then told.</p>
        </div>
      ) : null}
      <section className={card}>
        <TrainEditor
          trainId={train.id}
          values={train.values}
          stations={options.stations}
          coachTypes={options.coachTypes}
          generated={train.firstUpcomingDate ? { services: train.upcomingServices, from: train.firstUpcomingDate, booked: booked.length } : null}
        />
      </section>
    </div>
  );
}
