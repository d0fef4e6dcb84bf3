// Seats in words, shared by the seat map (button labels), the booking pages and the PDF ticket, so
// a seat is described the same way everywhere: "seat 21, window", "berth 21, lower".
// Pure and Prisma-free: client components import it.

const BERTH_WORDS: Record<string, string> = {
  LOWER: "lower",
  MIDDLE: "middle",
  UPPER: "upper",
  SIDE_LOWER: "side lower",
  SIDE_UPPER: "side upper",
};

const POSITION_WORDS: Record<string, string> = { WINDOW: "window", MIDDLE: "middle", AISLE: "aisle" };

/** "seat 21, window" or "berth 21, lower"; the position is left out where it is not known. */
export function seatName(seat: { number: number; berth: string | null; position: string | null }): string {
  if (seat.berth) return `berth ${seat.number}, ${BERTH_WORDS[seat.berth] ?? seat.berth.toLowerCase()}`;
  const where = seat.position ? POSITION_WORDS[seat.position] : null;
  return where ? `seat ${seat.number}, ${where}` : `seat ${seat.number}`;
}

/** "Coach 7, seat 21, window": a place on the train. */
export function placeName(coach: string, seat: { number: number; berth: string | null; position: string | null }): string {
  return `Coach ${coach}, ${seatName(seat)}`;
}

/** A booked passenger's place ("Coach 7, seat 21"), or why there is none yet. */
export function bookedSeat(p: { coach: string | null; number: number | null; berth: string | null; status: string }): string {
  if (p.coach === null || p.number === null) return p.status === "WAITLISTED" ? "On the waiting list" : "No seat";
  return placeName(p.coach, { number: p.number, berth: p.berth, position: null });
}
