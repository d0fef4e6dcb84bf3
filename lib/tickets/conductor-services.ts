// The trains a conductor can be on: every service of a date (the origin's local date), with its
// route and departure in the origin's zone, for the /check page's train picker.
import "server-only";
import { db } from "@/lib/db";
import { clockInZone } from "@/lib/time/zoned";
import { operatorTimeZone } from "@/lib/config";

export interface ConductorService {
  id: string;
  label: string;
  trainNumber: string;
  timeZone: string;
  status: string;
}

export async function servicesOn(isoDate: string): Promise<ConductorService[]> {
  const rows = await db().service.findMany({
    where: { serviceDate: new Date(`${isoDate}T00:00:00Z`) },
    orderBy: [{ departsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      departsAt: true,
      status: true,
      train: { select: { number: true, name: true, stops: { orderBy: { sequence: "asc" }, select: { station: { select: { name: true, timeZone: true } } } } } },
    },
  });
  return rows.map((s) => {
    const origin = s.train.stops[0]?.station;
    const terminus = s.train.stops.at(-1)?.station;
    const timeZone = origin?.timeZone ?? operatorTimeZone();
    return {
      id: s.id,
      trainNumber: s.train.number,
      timeZone,
      status: s.status,
      label: `${s.train.number} ${s.train.name}, ${clockInZone(s.departsAt, timeZone)} ${origin?.name ?? "?"} → ${terminus?.name ?? "?"}${s.status === "CANCELLED" ? " (cancelled)" : ""}`,
    };
  });
}
