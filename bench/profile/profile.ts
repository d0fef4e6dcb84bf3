// Where a booking's time goes, one request at a time on an otherwise idle app:
//   HTTP (through `next start`)  -  route handler in process  =  Next.js: HTTP, routing, Response
//   route handler                -  lib createBooking()        =  auth (token lookup) and parsing
//   lib createBooking()          -  sum of round trips         =  Prisma and the app's JavaScript
//   sum of round trips           -  EXPLAIN ANALYZE time       =  wire, protocol and parse/bind
// The in-process legs run in a child process (in-process.ts), before the server starts; the HTTP
// leg runs here against the server, after a warm-up, and doubles as the warm-up for the scenarios.
import { spawn } from "node:child_process";
import path from "node:path";
import type { BenchUser } from "../lib/accounts";
import { book, pay, passengers, pnrOf } from "../lib/booking-api";
import type { BenchContext } from "../lib/context";
import type { Fixture } from "../lib/fixture";
import { HttpClient } from "../lib/http";
import type { BenchOptions } from "../lib/options";
import { Recorder, type Summary } from "../lib/stats";
import type { ProfileResult, ProfileSpec } from "./in-process";

export function runProfile(url: string, fixture: Fixture, options: BenchOptions, user: BenchUser): Promise<ProfileResult> {
  const spec: ProfileSpec = {
    url,
    serviceIds: fixture.profile,
    from: fixture.route[0]!,
    to: fixture.route.at(-1)!,
    bookings: options.profile.bookings,
    user: { id: user.id, authorization: user.authorization },
  };
  const tsx = path.resolve("node_modules/.bin/tsx");
  const args = ["--tsconfig", path.resolve("bench/profile/tsconfig.json"), path.resolve("bench/profile/in-process.ts"), JSON.stringify(spec)];
  return new Promise((resolve, reject) => {
    // One user holds every profiled booking (those through the route handler stay unpaid): the hold
    // limits are lifted as for the bench server (bench/lib/server.ts), or the 13th hold is refused.
    const env = { ...process.env, DATABASE_URL: url, HOLD_LIMIT_SEATS: "1000000", HOLD_LIMIT_TOTAL: "1000000" };
    const child = spawn(tsx, args, { stdio: ["ignore", "pipe", "inherit"], env });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    const guard = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("exit", (code) => {
      clearTimeout(guard);
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as ProfileResult);
      else reject(new Error(`profile exited with ${code}: ${out.slice(-800)}`));
    });
  });
}

export interface HttpProfile {
  book: Summary;
  pay: Summary;
  search: Summary;
  seatMap: Summary;
}

/** One client, one request at a time: the same one-passenger booking as in-process, plus reads. */
export async function httpProfile(ctx: BenchContext, profile: ProfileResult): Promise<HttpProfile> {
  const { fixture } = ctx;
  const user = ctx.users.at(-1)!;
  const http = new HttpClient(ctx.server.baseUrl, 1);
  const recorders = { book: new Recorder(), pay: new Recorder(), search: new Recorder(), seatMap: new Recorder() };
  const [from, to] = [fixture.route[0]!, fixture.route.at(-1)!];
  const warmUp = 5;
  for (let i = -warmUp; i < profile.lib.calls; i++) {
    const serviceId = fixture.profile[(i + warmUp * fixture.profile.length) % fixture.profile.length]!;
    const held = await book(http, user, { serviceId, from, to, class: "SECOND", passengers: passengers(1) });
    if (held.status !== 201) throw new Error(`warm-up booking answered ${held.status}: ${JSON.stringify(held.body)}`);
    const paid = await pay(http, user, pnrOf(held));
    const found = await http.request("GET", `/api/v1/search?from=${from}&to=${to}&date=${fixture.searchDates[0]}`);
    const map = await http.request("GET", `/api/v1/services/${serviceId}/seats?from=${from}&to=${to}`);
    if (i < 0) continue;
    recorders.book.add(held);
    recorders.pay.add(paid);
    recorders.search.add(found);
    recorders.seatMap.add(map);
  }
  http.close();
  return { book: recorders.book.summary(), pay: recorders.pay.summary(), search: recorders.search.summary(), seatMap: recorders.seatMap.summary() };
}
