// The seat map of one service for one journey: every coach with its drawing grid, every seat with
// its cell and whether it is free from `from` to `to`. Public, read-only and unlocked: it is a
// picture of a moment, and the booking transaction re-checks whatever seat is then chosen.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SeatAvailabilityView, SeatLayoutView, SeatMapQuery, SeatMapView } from "@/lib/schemas/booking";
import { resolveJourney } from "@/lib/booking/journey";
import { layoutOfService, seatsOfService, takenSeatsOfService } from "@/lib/inventory/seats";

type Coach = SeatMapView["coaches"][number];
type Seat = Coach["seats"][number];

export async function seatMap(serviceId: string, query: SeatMapQuery): Promise<SeatMapView> {
  const journey = await resolveJourney(db(), serviceId, query.from, query.to);
  const seats = await seatsOfService(db(), serviceId, { fromSeq: journey.from.seq, toSeq: journey.to.seq });

  const coaches: Coach[] = [];
  for (const s of seats) {
    let coach = coaches.at(-1);
    if (!coach || coach.position !== s.coachPosition) {
      coach = { coach: s.coachLabel, position: s.coachPosition, class: s.classCode, kind: s.kind, rows: s.rows, columns: s.columns, seats: [] };
      coaches.push(coach);
    }
    coach.seats.push({
      seatId: s.id,
      number: s.number,
      berth: s.berth as Seat["berth"],
      position: s.position as Seat["position"],
      row: s.row,
      col: s.col,
      bay: s.bay,
      quota: s.quotaCode,
      available: !s.taken,
    });
  }
  return { serviceId, from: journey.from.code, to: journey.to.code, coaches };
}

/** The map's drawing alone: coaches and seats, without availability (docs/decisions/045-seat-map-in-two-parts.md). */
export async function seatLayout(serviceId: string): Promise<SeatLayoutView> {
  const seats = await layoutOfService(db(), serviceId);
  if (seats.length === 0 && !(await db().service.findUnique({ where: { id: serviceId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "We could not find that train service.");
  }
  const coaches: SeatLayoutView["coaches"] = [];
  for (const s of seats) {
    let coach = coaches.at(-1);
    if (!coach || coach.position !== s.coachPosition) {
      coach = { coach: s.coachLabel, position: s.coachPosition, class: s.classCode, kind: s.kind, rows: s.rows, columns: s.columns, seats: [] };
      coaches.push(coach);
    }
    coach.seats.push({ seatId: s.id, number: s.number, berth: s.berth as Seat["berth"], position: s.position as Seat["position"], row: s.row, col: s.col, bay: s.bay, quota: s.quotaCode });
  }
  return { serviceId, coaches };
}

/** Which seats are taken for the journey: two short statements, whatever the train's size. */
export async function seatAvailability(serviceId: string, query: SeatMapQuery): Promise<SeatAvailabilityView> {
  const journey = await resolveJourney(db(), serviceId, query.from, query.to);
  const taken: SeatAvailabilityView["taken"] = [];
  for (const seat of await takenSeatsOfService(db(), serviceId, { fromSeq: journey.from.seq, toSeq: journey.to.seq })) {
    const coach = taken.at(-1);
    if (coach?.coach === seat.coachPosition) coach.seats.push(seat.number);
    else taken.push({ coach: seat.coachPosition, seats: [seat.number] });
  }
  return { serviceId, from: journey.from.code, to: journey.to.code, taken };
}
