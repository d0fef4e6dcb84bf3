// Proto requests as the REST bodies the shared zod schemas parse: proto3 sends "" and 0 for a field
// left out, which here become "absent" where REST's field is optional, so both transports accept
// and refuse exactly the same input.
export interface PassengerRequest {
  name: string;
  age: number;
  berth_preference: string;
  seat_id: string;
  concession: string;
}

export interface CreateBookingRequest {
  service_id: string;
  from: string;
  to: string;
  travel_class: string;
  quota: string;
  passengers: PassengerRequest[];
  join_waitlist: boolean;
  idempotency_key: string;
  together: boolean;
}

const optional = (value: string) => (value === "" ? undefined : value);

export function createBookingBody(r: CreateBookingRequest) {
  return {
    serviceId: r.service_id,
    from: r.from,
    to: r.to,
    class: r.travel_class,
    quota: optional(r.quota),
    joinWaitlist: r.join_waitlist || undefined,
    together: r.together || undefined,
    passengers: r.passengers.map((p) => ({ name: p.name, age: p.age, berthPreference: optional(p.berth_preference), seatId: optional(p.seat_id), concession: optional(p.concession ?? "") })),
  };
}

/** The key as lib/idempotency/keys.ts reads a header: null when none was sent. */
export function idempotencyKeyOf(key: string): string | null {
  return key === "" ? null : key;
}

export interface ExchangeBookingRequest {
  pnr: string;
  service_id: string;
  from: string;
  to: string;
  travel_class: string;
  quota: string;
  seat_ids: string[];
  card_number: string;
  idempotency_key: string;
}

export function exchangeBody(r: ExchangeBookingRequest) {
  return {
    serviceId: r.service_id,
    from: r.from,
    to: r.to,
    class: r.travel_class,
    quota: optional(r.quota),
    seatIds: r.seat_ids.length > 0 ? r.seat_ids : undefined,
    cardNumber: optional(r.card_number),
  };
}
