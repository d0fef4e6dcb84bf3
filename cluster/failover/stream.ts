// The load during the failover test: concurrent clients, each with its own account, booking one
// seat on a random part of a random service and paying for it, over and over, until told to stop.
// Every call carries an Idempotency-Key and is repeated with it until it has a definitive answer.
import { randomUUID } from "node:crypto";
import { call, type Attempt, type Call } from "./client";

export interface Account {
  client: number;
  userId: string;
  token: string;
}

export interface Route {
  serviceId: string;
  classCode: string;
  /** Station codes in stop order: a booking goes from one of them to a later one. */
  stops: string[];
}

/** One passenger's attempt at a trip: the booking call and, if it was held, the payment call. */
export interface Trip {
  client: number;
  userId: string;
  book: Call;
  pnr: string | null;
  pay: Call | null;
}

const SUCCEEDING_CARD = "4242424242424242"; // lib/payments/sandbox.ts
// Generous: on a loaded 2-core machine a payment can meet several SERVICE_BUSY answers under
// contention (serialization retries exhausted) before it gets through, failover or not; at a load
// average of 17 one call took 117 s.
export const REQUEST_DEADLINE_MS = 180_000;

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

function journey(route: Route): { from: string; to: string } {
  const i = Math.floor(Math.random() * (route.stops.length - 1));
  const j = i + 1 + Math.floor(Math.random() * (route.stops.length - 1 - i));
  return { from: route.stops[i]!, to: route.stops[j]! };
}

export class Stream {
  readonly trips: Trip[] = [];
  /** Every attempt of every call as it happens, for live progress and outage measurement. */
  readonly attempts: (Attempt & { kind: Call["kind"] })[] = [];
  private stopping = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly accounts: Account[],
    private readonly routes: Route[],
  ) {}

  start(): void {
    this.loops = this.accounts.map((account) => this.loop(account));
  }

  /** Lets every client finish the trip it is on (each call is bounded by its deadline). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  /** Successful writes (not replays) answered after `since`. */
  writesSince(since: number): number {
    return this.attempts.filter((a) => a.endedAt >= since && a.status >= 200 && a.status < 300 && !a.replayed).length;
  }

  private async loop(account: Account): Promise<void> {
    while (!this.stopping) {
      const route = pick(this.routes);
      const { from, to } = journey(route);
      const body = { serviceId: route.serviceId, from, to, class: route.classCode, passengers: [{ name: `Passenger ${account.client}`, age: 30 }] };
      const book = await this.call(account, "book", `${this.baseUrl}/api/v1/bookings`, body);
      const trip: Trip = { client: account.client, userId: account.userId, book, pnr: null, pay: null };
      this.trips.push(trip);
      if (book.final?.status === 201) {
        trip.pnr = (book.final.body as { pnr: string }).pnr;
        trip.pay = await this.call(account, "pay", `${this.baseUrl}/api/v1/bookings/${trip.pnr}/payment`, { cardNumber: SUCCEEDING_CARD });
      }
      // A short pause between trips keeps the load modest on a shared 2-core machine.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }

  private call(account: Account, kind: Call["kind"], url: string, body: unknown): Promise<Call> {
    return call({
      client: account.client,
      kind,
      url,
      token: account.token,
      key: randomUUID(),
      body,
      deadline: Date.now() + REQUEST_DEADLINE_MS,
      onAttempt: (attempt) => this.attempts.push({ ...attempt, kind }),
    });
  }
}
