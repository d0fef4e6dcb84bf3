// stations, concessions, search, seats: the public reads (GET /stations, /concessions, /search, /services/{id}/seats).
import type { StationOption } from "../../lib/schemas/search";
import { show, type Context } from "../context";
import { usage } from "../errors";
import { resolveJourney } from "../stations";
import { seatMapText, serviceText, type SeatMap, type ServiceOffer } from "../format";

export async function stations(ctx: Context): Promise<void> {
  const answer = await ctx.api.request<{ stations: StationOption[] }>("GET", "/stations");
  show(ctx, answer, () => answer.body.stations.map((s) => `${s.code.padEnd(8)} ${s.name} (${s.city})`).join("\n"));
}

interface ConcessionOffer {
  code: string;
  name: string;
  proof: string | null;
  automatic: boolean;
  discountBasisPoints: number;
}

/** GET /concessions: the codes `book --passenger "Name,Age,CODE"` takes, with discount and proof. */
export async function concessions(ctx: Context): Promise<void> {
  const answer = await ctx.api.request<{ concessions: ConcessionOffer[] }>("GET", "/concessions");
  show(ctx, answer, () =>
    answer.body.concessions
      .map((c) => `${c.code.padEnd(20)} ${c.name}, ${c.discountBasisPoints / 100} % off${c.automatic ? " (by age, no need to choose)" : ""}${c.proof ? `; show ${c.proof}` : ""}`)
      .join("\n"),
  );
}

/** Today on this machine's calendar, as YYYY-MM-DD. */
export function today(): string {
  return new Date().toLocaleDateString("en-CA");
}

export async function searchServices(ctx: Context, fromText: string, toText: string, date = today()): Promise<{ services: ServiceOffer[]; from: string; to: string }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw usage(`--date takes YYYY-MM-DD, not "${date}".`);
  const { from, to } = await resolveJourney(ctx.api, fromText, toText);
  const answer = await ctx.api.request<{ services: ServiceOffer[] }>("GET", "/search", { query: { from, to, date } });
  show(ctx, answer, () =>
    answer.body.services.length === 0
      ? `No trains from ${from} to ${to} on ${date}. Try another date with --date YYYY-MM-DD.`
      : [`Trains ${from} -> ${to} on ${date} (service id first; see seats with: railbook seats SERVICE_ID --from ${from} --to ${to}):`, ...answer.body.services.map(serviceText)].join("\n\n"),
  );
  return { services: answer.body.services, from, to };
}

export async function fetchSeatMap(ctx: Context, serviceId: string, fromText: string, toText: string): Promise<{ answer: Awaited<ReturnType<Context["api"]["request"]>>; map: SeatMap }> {
  const { from, to } = await resolveJourney(ctx.api, fromText, toText);
  const answer = await ctx.api.request<SeatMap>("GET", `/services/${encodeURIComponent(serviceId)}/seats`, { query: { from, to } });
  return { answer, map: answer.body };
}

export async function seats(ctx: Context, serviceId: string, options: { from: string; to: string }): Promise<SeatMap> {
  const { answer, map } = await fetchSeatMap(ctx, serviceId, options.from, options.to);
  show(ctx, answer, () => seatMapText(map));
  return map;
}
