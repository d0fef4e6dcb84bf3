// Scenario 1, Rush: every user wants seats on the same train at once. Each of `rush.users` users
// (own account, own token) books a party of 1-4 on one ~500-seat service with automatic seat
// choice and, when given a hold, pays for it at once. `concurrency` clients work through the
// users, so that many requests are in flight at any moment. Demand is about 2.5 x capacity:
// the service sells out and most of the later requests are refused.
//
// Correct means: no 5xx; no seat sold twice; seats sold = seats in the 201 answers, never more
// than capacity; every party refused SOLD_OUT was larger than what was left at the end (free
// seats only shrink during a rush, so a refused party that would fit the final remainder would
// prove a wrong refusal); so seats sold = min(demand, capacity) up to parties too big for the
// remainder. Every hold is paid, and every confirmed booking has exactly one payment.
import { book, passengers, pay, pnrOf, rng } from "../lib/booking-api";
import { check, doubleSold, liveSeats, noServerErrors, paidOnce } from "../lib/checks";
import { contentionSince, errorsSince, mark } from "../lib/contention";
import type { BenchContext, ScenarioResult } from "../lib/context";
import { HttpClient, errorCode } from "../lib/http";
import { Recorder, round, runPool } from "../lib/stats";

export async function rush(ctx: BenchContext): Promise<ScenarioResult> {
  const { options, fixture } = ctx;
  const { serviceId, capacity } = fixture.rush;
  const [from, to] = [fixture.route[0]!, fixture.route.at(-1)!];
  const users = ctx.users.slice(0, options.rush.users);
  const random = rng(1);
  const parties = users.map(() => 1 + Math.floor(random() * options.rush.maxParty));
  const demand = parties.reduce((a, b) => a + b, 0);

  const http = new HttpClient(ctx.server.baseUrl, options.concurrency);
  const bookAll = new Recorder();
  const bookHeld = new Recorder();
  const payAll = new Recorder();
  const refusedParties: number[] = [];
  let seatsInAnswers = 0;
  let lastHoldAt = 0;
  const started = performance.now();
  const since = mark(ctx.server);

  let nextUser = 0;
  await runPool(
    options.concurrency,
    () => (nextUser < users.length ? nextUser++ : undefined),
    async (i) => {
      const user = users[i]!;
      const held = await book(http, user, { serviceId, from, to, class: "SECOND", passengers: passengers(parties[i]!) });
      bookAll.add(held);
      if (held.status !== 201) {
        if (errorCode(held) === "SOLD_OUT") refusedParties.push(parties[i]!);
        return;
      }
      bookHeld.add(held);
      seatsInAnswers += parties[i]!;
      lastHoldAt = performance.now();
      payAll.add(await pay(http, user, pnrOf(held)));
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  for (const r of [bookAll, bookHeld, payAll]) r.stop();
  http.close();
  const contention = contentionSince(ctx.server, since);

  const sold = (await liveSeats(ctx.sql, [serviceId])).allocations;
  const left = capacity - sold;
  const wronglyRefused = refusedParties.filter((p) => p <= left).length;
  const all = bookAll.summary();
  const pays = payAll.summary();
  const paid = await paidOnce(ctx.sql, [serviceId]);
  const holds = bookHeld.summary().count;
  return {
    name: "Rush",
    setup: `${users.length} users (own accounts and tokens), parties of 1-${options.rush.maxParty} (demand ${demand} seats) on one service of ${capacity} seats, automatic seats, then pay; ${options.concurrency} concurrent clients`,
    requests: { "POST /bookings (all answers)": all, "POST /bookings (201 holds only)": bookHeld.summary(), "POST /bookings/{pnr}/payment": pays },
    figures: {
      "wall time (s)": round(wallSeconds),
      "holds per second, until the last hold": round(holds / Math.max(0.001, (lastHoldAt - started) / 1000)),
      "booking answers per second": round(all.count / wallSeconds),
      "seats sold": sold,
      "min(demand, capacity)": Math.min(demand, capacity),
      "seats left unsold": left,
      "smallest refused party": refusedParties.length ? Math.min(...refusedParties) : "none",
    },
    contention,
    checks: [
      noServerErrors("Rush", all.serverErrors + pays.serverErrors, all.transportErrors + pays.transportErrors),
      check("Rush: seats sold = seats in the 201 answers, never above capacity", sold === seatsInAnswers && sold <= capacity, `${sold} sold, ${seatsInAnswers} in answers, capacity ${capacity}`),
      check(
        "Rush: seats sold = min(demand, capacity), up to parties larger than the seats left",
        wronglyRefused === 0 && (demand > capacity || sold === demand),
        `demand ${demand}, capacity ${capacity}, sold ${sold}, left ${left}; refused parties that would have fitted: ${wronglyRefused}`,
      ),
      check("Rush: every hold paid", pays.count === holds && payAll.count(200) === holds && paid.confirmed === holds, `${holds} holds, ${payAll.count(200)} paid (200), ${paid.confirmed} confirmed`),
      paid,
      await doubleSold(ctx.sql),
    ],
    serverErrors: errorsSince(ctx.server, since),
  };
}
