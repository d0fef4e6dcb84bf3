import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/current-user";
import { trainFormOptions } from "@/lib/admin/network/trains";
import { PageHeader, card } from "@/components/admin/admin-ui";
import { TrainEditor } from "@/components/admin/train-editor";

export const metadata: Metadata = { title: "New train" };

export default async function NewTrainPage() {
  await requireAdmin("/admin/trains/new");
  const { stations, coachTypes } = await trainFormOptions();
  return (
    <div className="space-y-5">
      <p>
        <Link href="/admin/trains" className="text-sm text-brand-700 underline">
          ← All trains
        </Link>
      </p>
      <PageHeader title="New train" description="Its route with times and distances, and the coaches it runs. Generate services once it is saved." />
      <section className={card}>
        <TrainEditor values={{ active: "on", type: "INTERCITY" }} stations={stations} coachTypes={coachTypes} />
      </section>
    </div>
  );
}
