// RailBook's views (the REST answers, lib/schemas) as proto messages: snake_case, and proto3's
// empty value ("" or 0) where REST says null. Shape only: every value comes from lib/ as it is.
import type { BookingView, SeatMapView } from "@/lib/schemas/booking";
import type { StationOption } from "@/lib/schemas/search";
import type { PaymentView } from "@/lib/booking/outcomes";
import type { ServiceOffer } from "@/lib/search/search-services";

interface Money {
  amount: number;
  currency: string;
}

export function stationMessage(s: StationOption) {
  return { code: s.code, name: s.name, city: s.city };
}

export function serviceMessage(s: ServiceOffer) {
  return {
    service_id: s.serviceId,
    train_number: s.trainNumber,
    train_name: s.trainName,
    date: s.date,
    status: s.status,
    delay_minutes: s.delayMinutes,
    departure: s.departure,
    arrival: s.arrival,
    duration_minutes: s.durationMinutes,
    classes: s.classes.map((c) => ({ travel_class: c.class, available: c.available, fare: money(c.fare) })),
  };
}

export function seatMapMessage(map: SeatMapView) {
  return {
    service_id: map.serviceId,
    coaches: map.coaches.map((c) => ({
      coach: c.coach,
      travel_class: c.class,
      kind: c.kind,
      seats: c.seats.map((s) => ({ seat_id: s.seatId, number: s.number, berth: s.berth ?? "", available: s.available, quota: s.quota })),
    })),
  };
}

export function bookingMessage(b: BookingView) {
  return {
    pnr: b.pnr,
    status: b.status,
    service_id: b.serviceId,
    from: b.from,
    to: b.to,
    travel_class: b.class,
    quota: b.quota,
    train_number: b.train.number,
    train_name: b.train.name,
    departure: b.departure,
    arrival: b.arrival,
    hold_expires_at: b.holdExpiresAt ?? "",
    waitlist_position: b.waitlistPosition ?? 0,
    total: money(b.total),
    created_at: b.createdAt,
    passengers: b.passengers.map((p) => ({
      name: p.name,
      age: p.age,
      seat_id: p.seatId ?? "",
      coach: p.coach ?? "",
      number: p.number ?? 0,
      berth: p.berth ?? "",
      status: p.status,
      fare: money(p.fare),
      concession: p.concession?.code ?? "",
      concession_name: p.concession?.name ?? "",
      concession_proof: p.concession?.proof ?? "",
      discount_basis_points: p.concession?.discountBasisPoints ?? 0,
      full_fare: money(p.fullFare),
    })),
  };
}

export function paymentMessage(p: PaymentView) {
  return { id: p.id, status: p.status, amount: p.amount, currency: p.currency, card_last4: p.cardLast4 };
}

export function money(m: Money): Money {
  return { amount: m.amount, currency: m.currency };
}
