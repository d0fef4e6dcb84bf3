import { json, route } from "@/lib/http";
import { listStations } from "@/lib/stations/list-stations";

export const GET = route({ access: "public" }, async () => json({ stations: await listStations() }));
