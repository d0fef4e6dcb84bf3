// Scenario 5, Big party: one booking of six passengers (automatic seats, kept together by
// lib/inventory/choose-seats.ts), made `bigParty.runs` times one after another, each on a different
// service, by one user: the latency of the largest booking the API accepts, with nothing else
// running. Each must come back 201 with six distinct seats, and the database must agree.
import { book, passengers } from "../lib/booking-api";
import { check, doubleSold, liveSeats, noServerErrors } from "../lib/checks";
import { contentionSince, errorsSince, mark } from "../lib/contention";
import type { BenchContext, ScenarioResult } from "../lib/context";
import { HttpClient } from "../lib/http";
import { Recorder } from "../lib/stats";

export async function bigParty(ctx: BenchContext): Promise<ScenarioResult & { p50: number }> {
  const { options, fixture } = ctx;
  const size = options.bigParty.passengers;
  const [from, to] = [fixture.route[0]!, fixture.route.at(-1)!];
  const user = ctx.users.at(-1)!;
  const http = new HttpClient(ctx.server.baseUrl, 1);
  const recorder = new Recorder();
  const since = mark(ctx.server);
  let wellSeated = 0;
  for (const serviceId of fixture.bigParty) {
    const answer = await book(http, user, { serviceId, from, to, class: "SECOND", passengers: passengers(size) });
    recorder.add(answer);
    const seats = (answer.body as { passengers?: { seatId: string | null }[] } | null)?.passengers?.map((p) => p.seatId) ?? [];
    if (answer.status === 201 && new Set(seats.filter(Boolean)).size === size) wellSeated++;
  }
  recorder.stop();
  http.close();
  const summary = recorder.summary();
  const live = await liveSeats(ctx.sql, fixture.bigParty);
  return {
    name: "Big party",
    setup: `${fixture.bigParty.length} bookings of ${size} passengers, one after another, each on its own service, one client`,
    requests: { [`POST /bookings (${size} passengers)`]: summary },
    figures: {},
    contention: contentionSince(ctx.server, since),
    checks: [
      noServerErrors("Big party", summary.serverErrors, summary.transportErrors),
      check(`Big party: every booking held with ${size} distinct seats`, wellSeated === fixture.bigParty.length, `${wellSeated} of ${fixture.bigParty.length}`),
      check("Big party: the database agrees", live.allocations === wellSeated * size && live.distinctSeats === wellSeated * size, `${live.allocations} live allocations on ${live.distinctSeats} seats`),
      await doubleSold(ctx.sql),
    ],
    serverErrors: errorsSince(ctx.server, since),
    p50: summary.p50,
  };
}
