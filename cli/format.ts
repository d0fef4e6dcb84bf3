// Text for people: bookings, search results and seat maps as the terminal shows them. Times are
// the API's own strings (each already in its station's zone), cut to "2026-12-24 08:05".

export interface Money {
  amount: number;
  currency: string;
}

export interface BookedPassenger {
  name: string;
  age: number;
  coach: string | null;
  number: number | null;
  berth: string | null;
  status: string;
  fare?: Money;
  /** As charged (docs/decisions/041); absent from servers older than concessions. */
  concession?: { code: string; name: string; proof: string | null; discountBasisPoints: number } | null;
}

export interface Booking {
  pnr: string;
  status: string;
  serviceId: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  class: string;
  quota: string;
  train: { number: string; name: string };
  departure: string;
  arrival: string;
  holdExpiresAt: string | null;
  waitlistPosition: number | null;
  total: Money;
  passengers: BookedPassenger[];
}

export interface ServiceOffer {
  serviceId: string;
  trainNumber: string;
  trainName: string;
  status: string;
  delayMinutes: number;
  departure: string;
  arrival: string;
  durationMinutes: number;
  classes: { class: string; available: number; fare: Money }[];
}

export interface SeatMap {
  serviceId: string;
  from: string;
  to: string;
  coaches: {
    coach: string;
    class: string;
    kind: string;
    seats: { seatId: string; number: number; berth: string | null; row: number; col: number; quota: string; available: boolean }[];
  }[];
}

export function money(m: Money): string {
  return `${(m.amount / 100).toFixed(2)} ${m.currency}`;
}

/** "2026-12-24T08:05:00+01:00" -> "2026-12-24 08:05", the station's own clock. */
export function localTime(iso: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

export function duration(minutes: number): string {
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}`;
}

function holdLine(expiresAt: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 60_000));
  return `held until ${new Date(expiresAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })} (${minutes} min left)`;
}

function seatOf(p: BookedPassenger): string {
  if (p.coach === null || p.number === null) return p.status === "WAITLISTED" ? "waiting list" : "no seat";
  return `coach ${p.coach} seat ${p.number}${p.berth ? ` (${p.berth.toLowerCase().replace("_", " ")})` : ""}`;
}

/** ", Student under 26 (51 % off), 17.15 zł; show student ID": only for a passenger on a concession. */
function concessionOf(p: BookedPassenger): string {
  if (!p.concession) return "";
  const off = `${p.concession.discountBasisPoints / 100} % off`;
  return `, ${p.concession.name} (${off})${p.fare ? `, ${money(p.fare)}` : ""}${p.concession.proof ? `; show ${p.concession.proof}` : ""}`;
}

export function bookingText(b: Booking): string {
  const lines = [
    `PNR ${b.pnr}  ${b.status}${b.status === "HELD" && b.holdExpiresAt ? `, ${holdLine(b.holdExpiresAt)}` : ""}${b.waitlistPosition ? `, number ${b.waitlistPosition} on the waiting list` : ""}`,
    `${b.train.number} ${b.train.name}: ${b.fromName} (${b.from}) ${localTime(b.departure)} -> ${b.toName} (${b.to}) ${localTime(b.arrival)}`,
    `Class ${b.class}, quota ${b.quota}, total ${money(b.total)}`,
    ...b.passengers.map((p) => `  ${p.name}, ${p.age}: ${seatOf(p)}${p.status === "CANCELLED" ? " (cancelled)" : ""}${concessionOf(p)}`),
  ];
  return lines.join("\n");
}

export function bookingLine(b: Booking): string {
  return `${b.pnr}  ${b.status.padEnd(10)} ${localTime(b.departure)}  ${b.from} -> ${b.to}  ${b.train.number}  ${money(b.total)}`;
}

export function serviceText(s: ServiceOffer): string {
  const status = s.status === "DELAYED" ? ` DELAYED +${s.delayMinutes} min` : s.status === "CANCELLED" ? " CANCELLED" : "";
  const classes = s.classes.map((c) => `${c.class} ${c.available} left ${money(c.fare)}`).join("; ");
  return `${s.serviceId}\n  ${s.trainNumber} ${s.trainName}  ${localTime(s.departure)} -> ${localTime(s.arrival)} (${duration(s.durationMinutes)})${status}\n  ${classes || "no classes on sale"}`;
}

const BERTH_LETTER: Record<string, string> = { LOWER: "L", MIDDLE: "M", UPPER: "U", SIDE_LOWER: "SL", SIDE_UPPER: "SU" };

/**
 * Each coach as its seat grid: a free seat shows its number (and berth), a taken one "xx". Rows and
 * columns come from the seat map, so aisles show as gaps where the layout has them.
 */
export function seatMapText(map: SeatMap): string {
  const blocks = map.coaches.map((coach) => {
    const label = (s: SeatMap["coaches"][number]["seats"][number]) => (s.available ? `${s.number}${s.berth ? BERTH_LETTER[s.berth] ?? "" : ""}` : "xx");
    const width = Math.max(2, ...coach.seats.map((s) => label(s).length));
    const rows = [...new Set(coach.seats.map((s) => s.row))].sort((a, b) => a - b);
    const cols = coach.seats.map((s) => s.col);
    const [minCol, maxCol] = [Math.min(...cols), Math.max(...cols)];
    const grid = rows.map((row) => {
      const cells: string[] = [];
      for (let col = minCol; col <= maxCol; col++) {
        const seat = coach.seats.find((s) => s.row === row && s.col === col);
        cells.push((seat ? label(seat) : "").padStart(width));
      }
      return `  ${cells.join(" ")}`.trimEnd();
    });
    const free = coach.seats.filter((s) => s.available).length;
    return [`Coach ${coach.coach} (${coach.class}, ${coach.kind.toLowerCase()}): ${free} of ${coach.seats.length} free`, ...grid].join("\n");
  });
  return [`Seats ${map.from} -> ${map.to}; numbers are free, xx taken. Choose one with --seat COACH/NUMBER (e.g. ${exampleSeat(map)}).`, ...blocks].join("\n\n");
}

function exampleSeat(map: SeatMap): string {
  for (const c of map.coaches) {
    const seat = c.seats.find((s) => s.available);
    if (seat) return `${c.coach}/${seat.number}`;
  }
  return "7/12";
}
