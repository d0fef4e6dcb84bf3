// Station codes or names, as the web's picker accepts them: "GDG", "Gdansk", "gdańsk główny" all
// find Gdańsk Główny, through the very matcher the picker uses (lib/schemas/search.ts, Prisma-free).
import { matchStations, type StationOption } from "../lib/schemas/search";
import type { Api } from "./api";
import { usage } from "./errors";

export async function stationList(api: Api): Promise<StationOption[]> {
  return (await api.request<{ stations: StationOption[] }>("GET", "/stations")).body.stations;
}

export function pickStation(stations: StationOption[], query: string): StationOption {
  const exact = stations.find((s) => s.code === query.trim().toUpperCase());
  if (exact) return exact;
  const [best] = matchStations(stations, query, 1);
  if (!best || !query.trim()) throw usage(`No station matches "${query}". List them with: railbook stations`);
  return best;
}

/** Both ends of a journey as codes; the station list is fetched only when a name was given. */
export async function resolveJourney(api: Api, from: string, to: string): Promise<{ from: string; to: string }> {
  const isCode = (s: string) => /^[A-Z0-9]{2,8}$/.test(s.trim());
  if (isCode(from) && isCode(to)) return { from: from.trim(), to: to.trim() };
  const stations = await stationList(api);
  return { from: isCode(from) ? from.trim() : pickStation(stations, from).code, to: isCode(to) ? to.trim() : pickStation(stations, to).code };
}
