// Scenario 2, Hot seat: `hotSeat.users` users all at once (one connection each), each choosing one
// of the same `hotSeat.seats` seats on the seat map (user i wants seat i mod seats), so every seat
// has a crowd fighting for it. Chosen-seat bookings lock only their seat, so the fights are
// separate: exactly one hold per seat, everyone else SEAT_UNAVAILABLE.
import { book, passengers } from "../lib/booking-api";
import { check, doubleSold, liveSeats, noServerErrors } from "../lib/checks";
import { contentionSince, errorsSince, mark } from "../lib/contention";
import type { BenchContext, ScenarioResult } from "../lib/context";
import { HttpClient } from "../lib/http";
import { Recorder, round } from "../lib/stats";

export async function hotSeat(ctx: BenchContext): Promise<ScenarioResult> {
  const { options, fixture } = ctx;
  const { serviceId, seatIds } = fixture.hotSeat;
  const [from, to] = [fixture.route[0]!, fixture.route.at(-1)!];
  const users = ctx.users.slice(0, options.hotSeat.users);

  const http = new HttpClient(ctx.server.baseUrl, users.length);
  const all = new Recorder();
  const since = mark(ctx.server);
  const started = performance.now();
  const heldSeats: string[] = [];
  await Promise.all(
    users.map(async (user, i) => {
      const seatId = seatIds[i % seatIds.length]!;
      const answer = await book(http, user, { serviceId, from, to, class: "SECOND", passengers: passengers(1, [seatId]) });
      all.add(answer);
      if (answer.status === 201) heldSeats.push(seatId);
    }),
  );
  all.stop();
  const wallMs = performance.now() - started;
  http.close();

  const summary = all.summary();
  const live = await liveSeats(ctx.sql, [serviceId]);
  const unavailable = summary.outcomes["409 SEAT_UNAVAILABLE"] ?? 0;
  return {
    name: "Hot seat",
    setup: `${users.length} users at once (one connection each), each choosing one of the same ${seatIds.length} seats`,
    requests: { "POST /bookings (chosen seat)": summary },
    figures: { "wall time (ms)": round(wallMs), holds: heldSeats.length, "SEAT_UNAVAILABLE": unavailable },
    contention: contentionSince(ctx.server, since),
    checks: [
      noServerErrors("Hot seat", summary.serverErrors, summary.transportErrors),
      check(
        `Hot seat: exactly ${seatIds.length} holds, one per seat, everyone else SEAT_UNAVAILABLE`,
        heldSeats.length === seatIds.length && new Set(heldSeats).size === seatIds.length && unavailable === users.length - seatIds.length,
        `${heldSeats.length} holds on ${new Set(heldSeats).size} seats, ${unavailable} SEAT_UNAVAILABLE`,
      ),
      check(
        "Hot seat: the database agrees (live allocations = seats, all distinct)",
        live.allocations === seatIds.length && live.distinctSeats === seatIds.length,
        `${live.allocations} live allocations on ${live.distinctSeats} seats`,
      ),
      await doubleSold(ctx.sql),
    ],
    serverErrors: errorsSince(ctx.server, since),
  };
}
