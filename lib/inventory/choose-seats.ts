// Which free seats a party gets when nobody picked seats: pure, so it is tested without a database
// and runs inside the booking transaction on the seats that transaction has locked.
//
// What passengers notice, most important first: being split across coaches, then being spread out
// (rows apart in a saloon, bays apart in a sleeper), then not getting the berth or seat kind they
// asked for, then sitting across the aisle from each other rather than side by side. That order is
// the cost model below. Ties go to the front of the train and the lowest seat numbers, so the
// result is deterministic and fills coaches from the front.
import type { BERTH_PREFERENCES } from "@/lib/schemas/booking";

export type Preference = (typeof BERTH_PREFERENCES)[number];

export interface FreeSeat {
  id: string;
  coachPosition: number;
  number: number;
  row: number;
  /** Sleeper bay (compartment); null in a seated coach, where the row is the unit instead. */
  bay: number | null;
  berth: string | null;
  position: string | null;
  /** Which side of the aisle (0, 1...: lib/inventory/state.ts aisleSides); absent counts as one side. */
  side?: number;
}

const COACH_COST = 1000;
const SPAN_COST = 10;
const PREFERENCE_COST = 4;
/** Each extra (row, side of the aisle) group a party is spread over: below a missed preference. */
const SIDE_COST = 3;
/** Breaks ties between equally good groups in favour of seats numbered close together. */
const SPREAD_COST = 0.01;

const unitOf = (s: FreeSeat) => s.bay ?? s.row;
const sideOf = (s: FreeSeat) => s.side ?? 0;
const byPlace = (a: FreeSeat, b: FreeSeat) => a.coachPosition - b.coachPosition || unitOf(a) - unitOf(b) || sideOf(a) - sideOf(b) || a.number - b.number;

function matches(seat: FreeSeat, preference: Preference): boolean {
  return preference === seat.berth || preference === seat.position;
}

interface Pick {
  seats: FreeSeat[];
  cost: number;
}

/**
 * Gives each passenger (in order) a seat from `pool`, which is ordered by closeness: those with a
 * preference first take the earliest matching seat, then the rest fill in pool order. Each seat has
 * exactly one kind and each passenger wants one kind, so this greedy pass matches as many
 * preferences as any assignment could.
 */
function assign(pool: FreeSeat[], preferences: Preference[]): Pick {
  const chosen: (FreeSeat | undefined)[] = new Array(preferences.length);
  const used = new Set<number>();
  let misses = 0;
  preferences.forEach((pref, p) => {
    if (pref === "NONE") return;
    const i = pool.findIndex((seat, k) => !used.has(k) && matches(seat, pref));
    if (i < 0) return;
    used.add(i);
    chosen[p] = pool[i];
  });
  preferences.forEach((pref, p) => {
    if (chosen[p]) return;
    const i = pool.findIndex((_, k) => !used.has(k));
    used.add(i);
    chosen[p] = pool[i];
    if (pref !== "NONE") misses++;
  });
  const seats = chosen as FreeSeat[];
  const coaches = new Set(seats.map((s) => s.coachPosition)).size;
  const units = seats.map(unitOf);
  const numbers = seats.map((s) => s.number);
  const span = coaches === 1 ? Math.max(...units) - Math.min(...units) : 0;
  const groups = new Set(seats.map((s) => `${s.coachPosition}/${unitOf(s)}/${sideOf(s)}`)).size;
  const cost =
    (coaches - 1) * COACH_COST +
    span * SPAN_COST +
    misses * PREFERENCE_COST +
    (groups - 1) * SIDE_COST +
    (Math.max(...numbers) - Math.min(...numbers)) * SPREAD_COST;
  return { seats, cost };
}

/**
 * Pools of seats from one coach: each run of consecutive units (rows or bays) holding enough seats,
 * and the same on each side of the aisle alone (a party of four in 2+1 seating: two rows of the
 * pair side, one behind the other, rather than spread over the aisle).
 */
function sameCoachPools(coach: FreeSeat[], size: number): FreeSeat[][] {
  const sides = [...new Set(coach.map(sideOf))];
  const perSide = sides.length > 1 ? sides.flatMap((side) => unitRuns(coach.filter((s) => sideOf(s) === side), size)) : [];
  return [...unitRuns(coach, size), ...perSide];
}

function unitRuns(coach: FreeSeat[], size: number): FreeSeat[][] {
  const units: FreeSeat[][] = [];
  for (const seat of coach) {
    const last = units.at(-1);
    if (last && unitOf(last[0]!) === unitOf(seat)) last.push(seat);
    else units.push([seat]);
  }
  const pools: FreeSeat[][] = [];
  for (let i = 0; i < units.length; i++) {
    const pool: FreeSeat[] = [];
    for (let j = i; j < units.length && pool.length < size; j++) pool.push(...units[j]!);
    if (pool.length >= size) pools.push(pool);
  }
  return pools;
}

/**
 * Seat ids for the passengers, in their order, or null when fewer seats are free than passengers.
 * `free` must hold only seats that are free for the whole journey.
 */
export function chooseSeats(free: FreeSeat[], preferences: Preference[]): string[] | null {
  return choosePlaces(free, preferences)?.ids ?? null;
}

/**
 * The same, and whether the party sits together: in one coach, in consecutive rows or bays (a
 * party larger than a row needs the next one). A "sit together" request refuses a pick that is not.
 */
export function choosePlaces(free: FreeSeat[], preferences: Preference[]): { ids: string[]; together: boolean } | null {
  const size = preferences.length;
  if (size === 0 || free.length < size) return null;
  const sorted = [...free].sort(byPlace);

  const coaches = new Map<number, FreeSeat[]>();
  for (const seat of sorted) {
    const coach = coaches.get(seat.coachPosition);
    if (coach) coach.push(seat);
    else coaches.set(seat.coachPosition, [seat]);
  }
  let pools = [...coaches.values()].flatMap((coach) => sameCoachPools(coach, size));
  // No coach can take the whole party: the fewest coaches, in train order, then preferences.
  if (pools.length === 0) pools = sorted.slice(0, sorted.length - size + 1).map((_, i) => sorted.slice(i, i + size));

  let best: Pick | null = null;
  for (const pool of pools) {
    const pick = assign(pool, preferences);
    if (!best || pick.cost < best.cost) best = pick;
  }
  const seats = best!.seats;
  const units = [...new Set(seats.map(unitOf))];
  const together = new Set(seats.map((s) => s.coachPosition)).size === 1 && Math.max(...units) - Math.min(...units) === units.length - 1;
  return { ids: seats.map((s) => s.id), together };
}
