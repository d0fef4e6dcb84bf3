import "server-only";
import { db } from "@/lib/db";
import type { StationOption } from "@/lib/schemas/search";

export async function listStations(): Promise<StationOption[]> {
  const rows = await db().station.findMany({ select: { code: true, name: true, city: true }, orderBy: { name: "asc" } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "pl"));
}
