// Booking API input and output. Prisma-free: the booking form and seat map import these in the
// browser, the route handlers parse with the very same schemas, and GET /api/v1/openapi.json is
// generated from them, so the document cannot drift from what the server accepts.
import { z } from "zod";
import { personName } from "@/lib/schemas/text";
import { stationCode } from "@/lib/schemas/search";

export const MAX_PASSENGERS = 6;

export const BERTH_PREFERENCES = ["NONE", "LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER", "WINDOW", "AISLE"] as const;
export const BOOKING_STATUSES = ["HELD", "CONFIRMED", "WAITLISTED", "CANCELLED", "EXPIRED"] as const;
export const BERTHS = ["LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER"] as const;

const codeField = z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,20}$/, "Use a code like SECOND.");

export const passengerInputSchema = z.object({
  name: personName(z.string({ error: "Enter the passenger's name." }).trim().min(1, "Enter the passenger's name.").max(100, "Use at most 100 characters.")),
  age: z.number({ error: "Enter the passenger's age." }).int("Age is a whole number.").min(0, "Age cannot be negative.").max(125, "Age cannot be more than 125."),
  berthPreference: z.enum(BERTH_PREFERENCES).optional(),
  seatId: z.string().min(1).max(64).optional(),
  concession: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_]{2,30}$/, "Choose a concession from the list, or none.")
    .optional()
    .meta({ description: "A concession code from GET /api/v1/concessions (e.g. STUDENT). Left out: the full fare, or a child's reduction when the age fits one. The conductor may ask for the proof it names." }),
});

export const createBookingSchema = z
  .object({
    serviceId: z.string().min(1).max(64),
    from: stationCode,
    to: stationCode,
    class: codeField,
    quota: codeField.optional(),
    passengers: z
      .array(passengerInputSchema)
      .min(1, "Add at least one passenger.")
      .max(MAX_PASSENGERS, `At most ${MAX_PASSENGERS} passengers per booking.`),
    joinWaitlist: z
      .boolean()
      .optional()
      .meta({ description: "When too few seats are left: join the waiting list (201, status WAITLISTED) instead of 409 SOLD_OUT. Seats are then chosen for you." }),
    together: z
      .boolean()
      .optional()
      .meta({ description: "Seats chosen for you must keep the party together (one coach, consecutive rows or bays): when they cannot, 409 SOLD_OUT with reason NOT_TOGETHER instead of a split party." }),
  })
  .refine((b) => b.from !== b.to, { path: ["to"], message: "Departure and arrival stations must differ." })
  .refine((b) => b.passengers.every((p) => p.seatId) || b.passengers.every((p) => !p.seatId), {
    path: ["passengers"],
    message: "Choose a seat for every passenger, or for none and let us choose.",
  })
  .refine((b) => new Set(b.passengers.map((p) => p.seatId).filter(Boolean)).size === b.passengers.filter((p) => p.seatId).length, {
    path: ["passengers"],
    message: "Each passenger needs a different seat.",
  })
  // A waiting list hands out whichever seats come free, so it cannot promise a chosen one.
  .refine((b) => !b.joinWaitlist || b.passengers.every((p) => !p.seatId), {
    path: ["joinWaitlist"],
    message: "The waiting list chooses seats for you: remove the chosen seats to join it.",
  });
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

/** Digits, optionally grouped by spaces or dashes as printed on the card; checked further by the provider. */
export const paymentSchema = z.object({
  cardNumber: z
    .string({ error: "Enter the card number." })
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{12,19}$/, "Enter the 12 to 19 digits of the card number."))
    .meta({ description: "12 to 19 digits; spaces and dashes are ignored.", examples: ["4242 4242 4242 4242"] }),
});
export type PaymentInput = z.infer<typeof paymentSchema>;

export const seatMapQuerySchema = z
  .object({ from: stationCode, to: stationCode })
  .refine((q) => q.from !== q.to, { path: ["to"], message: "Departure and arrival stations must differ." });
export type SeatMapQuery = z.infer<typeof seatMapQuerySchema>;

/** The Idempotency-Key header: any client-chosen string; a UUID is the usual choice. */
export const idempotencyKeySchema = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, "Use printable ASCII without spaces.");

// ---------------------------------------------------------------------------------------------
// Responses (documentation and client typing; the server builds them in lib/booking/booking-view.ts)
// ---------------------------------------------------------------------------------------------

export const moneySchema = z.object({ amount: z.number().int().describe("Minor units (grosze)."), currency: z.string().length(3) });

export const bookedPassengerSchema = z.object({
  name: z.string(),
  age: z.number().int(),
  berthPreference: z.enum(BERTH_PREFERENCES),
  seatId: z.string().nullable(),
  coach: z.string().nullable(),
  number: z.number().int().nullable(),
  berth: z.enum(BERTHS).nullable(),
  status: z.enum(["CONFIRMED", "WAITLISTED", "CANCELLED"]),
  fare: moneySchema.describe("What this passenger was charged."),
  fullFare: moneySchema.describe("The fare before the concession's discount."),
  concession: z
    .object({
      code: z.string(),
      name: z.string(),
      proof: z.string().nullable().describe("What to show the conductor."),
      discountBasisPoints: z.number().int().describe("The discount charged, 10000 = free."),
    })
    .nullable()
    .describe("The concession as it was charged (later edits of concessions never change it); null for the full fare."),
});

export const bookingSchema = z.object({
  pnr: z.string().length(10),
  status: z.enum(BOOKING_STATUSES),
  serviceId: z.string(),
  from: z.string().describe("Station code"),
  to: z.string().describe("Station code"),
  fromName: z.string(),
  toName: z.string(),
  class: z.string(),
  quota: z.string(),
  train: z.object({ number: z.string(), name: z.string() }),
  departure: z.string().describe("ISO 8601 in the departure station's zone"),
  arrival: z.string().describe("ISO 8601 in the arrival station's zone"),
  holdExpiresAt: z.string().nullable(),
  total: moneySchema,
  passengers: z.array(bookedPassengerSchema),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  waitlistPosition: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe("While WAITLISTED: 1 + the waiting bookings of this train, class and quota ahead of this one (first come, first served); otherwise null."),
});
export type BookingView = z.infer<typeof bookingSchema>;

export const paymentResultSchema = z.object({
  booking: bookingSchema,
  payment: z.object({
    id: z.string(),
    status: z.literal("SUCCEEDED"),
    amount: z.number().int().describe("Minor units (grosze)."),
    currency: z.string().length(3),
    cardLast4: z.string(),
  }),
});

export const refundQuoteSchema = z.object({
  pnr: z.string(),
  status: z.enum(BOOKING_STATUSES),
  cancellable: z.boolean(),
  refund: moneySchema,
  hoursBeforeDeparture: z.number(),
  rule: z.object({ minHoursBefore: z.number().int(), refundBasisPoints: z.number().int(), fee: moneySchema }).nullable(),
  reason: z.string().describe("Why this amount: PAID_FARE_RULE, NOT_PAID, SERVICE_CANCELLED, WAITLISTED (a waiting-list place: all of it), NO_RULE"),
});
export type RefundQuoteView = z.infer<typeof refundQuoteSchema>;

export const cancelResultSchema = z.object({ booking: bookingSchema, refund: moneySchema });

/** GET /api/v1/bookings/{pnr}/passengers/{position}/cancel: what cancelling one passenger now would refund. */
export const passengerRefundQuoteSchema = z.object({
  pnr: z.string(),
  position: z.number().int().min(1).max(MAX_PASSENGERS),
  name: z.string(),
  cancellable: z.boolean(),
  wholeBooking: z.boolean().describe("The passenger is the last one travelling: cancelling them cancels the booking."),
  refund: moneySchema,
  fare: moneySchema.describe("What this passenger's ticket cost."),
  hoursBeforeDeparture: z.number(),
  rule: refundQuoteSchema.shape.rule,
  reason: z.string().describe("Why this amount, as for the whole booking: PAID_FARE_RULE, NOT_PAID, SERVICE_CANCELLED, NO_RULE"),
});
export type PassengerRefundQuoteView = z.infer<typeof passengerRefundQuoteSchema>;

export const passengerCancelResultSchema = z.object({
  booking: bookingSchema,
  passenger: z.object({ position: z.number().int(), name: z.string() }),
  refund: moneySchema,
  wholeBooking: z.boolean(),
});

/** Where a booking is to be changed to (issue 17, docs/decisions/027): a service, the journey on it and the class. */
const exchangeTargetShape = {
  serviceId: z.string().min(1).max(64),
  from: stationCode,
  to: stationCode,
  class: codeField,
  quota: codeField.optional(),
};
const differentStations: [(t: { from: string; to: string }) => boolean, { path: string[]; message: string }] = [
  (t) => t.from !== t.to,
  { path: ["to"], message: "Departure and arrival stations must differ." },
];

/** GET /api/v1/bookings/{pnr}/exchange?serviceId&from&to&class: what the change would cost (nothing changes). */
export const exchangeQuerySchema = z.object(exchangeTargetShape).refine(...differentStations);
export type ExchangeQuery = z.infer<typeof exchangeQuerySchema>;

/** POST /api/v1/bookings/{pnr}/exchange (Idempotency-Key). */
export const exchangeSchema = z
  .object({
    ...exchangeTargetShape,
    seatIds: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(MAX_PASSENGERS)
      .optional()
      .meta({ description: "A seat per travelling passenger, in their order on the booking; leave out to have seats chosen (berth preferences kept)." }),
    cardNumber: paymentSchema.shape.cardNumber.optional().meta({ description: "Needed when the new journey costs more: the difference is charged to it." }),
  })
  .refine(...differentStations)
  .refine((b) => !b.seatIds || new Set(b.seatIds).size === b.seatIds.length, { path: ["seatIds"], message: "Each passenger needs a different seat." });
export type ExchangeInput = z.infer<typeof exchangeSchema>;

/** What a change costs: the new fares and the fee, less the fares already paid for those passengers. */
export const exchangePriceSchema = z.object({
  credit: moneySchema.describe("The travelling passengers' fares as paid: what counts towards the new journey."),
  newFare: moneySchema.describe("The new journey's fare for the travelling passengers."),
  fee: moneySchema.describe("The exchange fee under the rules in force (per passenger, added up)."),
  difference: moneySchema.describe("newFare + fee - credit: charged to the card when positive, refunded to it when negative."),
});

export const exchangeQuoteSchema = z.object({
  pnr: z.string(),
  exchangeable: z.boolean(),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable().describe("Why the booking cannot be changed to this journey, when it cannot."),
  hoursBeforeDeparture: z.number().describe("Hours to the booked train's timetable departure: it decides the rule."),
  rule: z.object({ minHoursBefore: z.number().int(), fee: moneySchema.describe("Per passenger.") }).nullable(),
  price: exchangePriceSchema.nullable(),
  cardNeeded: z.boolean(),
});
export type ExchangeQuoteView = z.infer<typeof exchangeQuoteSchema>;

export const exchangeResultSchema = z.object({
  booking: bookingSchema,
  price: exchangePriceSchema,
  payment: z.object({ id: z.string(), amount: z.number().int(), currency: z.string().length(3), cardLast4: z.string() }).nullable().describe("The difference charged, if any."),
  refund: moneySchema.nullable().describe("The difference refunded, if any."),
});
export type ExchangeResultView = z.infer<typeof exchangeResultSchema>;

/** A passenger's place on a booking, 1 to 6, from a URL segment. */
export const passengerPositionSchema = z.coerce.number().int("A passenger number is a whole number.").min(1).max(MAX_PASSENGERS);

export const seatSchema = z.object({
  seatId: z.string(),
  number: z.number().int(),
  berth: z.enum(BERTHS).nullable(),
  position: z.enum(["WINDOW", "MIDDLE", "AISLE"]).nullable(),
  row: z.number().int(),
  col: z.number().int(),
  bay: z.number().int().nullable(),
  quota: z.string(),
  available: z.boolean(),
});

export const seatMapSchema = z.object({
  serviceId: z.string(),
  from: z.string(),
  to: z.string(),
  coaches: z.array(
    z.object({
      coach: z.string(),
      position: z.number().int(),
      class: z.string(),
      kind: z.enum(["SEATED", "SLEEPER"]),
      rows: z.number().int(),
      columns: z.number().int(),
      seats: z.array(seatSchema),
    }),
  ),
});
export type SeatMapView = z.infer<typeof seatMapSchema>;

/**
 * GET /api/v1/services/{serviceId}/layout: the seat map's drawing, which does not change as seats
 * are sold (cacheable; its ETag changes only when the coaches or seat quotas do).
 */
export const seatLayoutSchema = z.object({
  serviceId: z.string(),
  coaches: z.array(seatMapSchema.shape.coaches.element.extend({ seats: z.array(seatSchema.omit({ available: true })) })),
});
export type SeatLayoutView = z.infer<typeof seatLayoutSchema>;

/**
 * GET /api/v1/services/{serviceId}/availability?from=&to=: which seats of the layout are taken for
 * the journey, by coach position and seat number (a few bytes per sold seat).
 */
export const seatAvailabilitySchema = z.object({
  serviceId: z.string(),
  from: z.string(),
  to: z.string(),
  taken: z.array(z.object({ coach: z.number().int().describe("The coach's position in the train."), seats: z.array(z.number().int()).describe("Numbers of its taken seats.") })),
});
export type SeatAvailabilityView = z.infer<typeof seatAvailabilitySchema>;

/** The seat map from its two parts (what the full GET .../seats answers in one). */
export function withAvailability(layout: SeatLayoutView, availability: SeatAvailabilityView): SeatMapView {
  const taken = new Map(availability.taken.map((c) => [c.coach, new Set(c.seats)]));
  return {
    serviceId: layout.serviceId,
    from: availability.from,
    to: availability.to,
    coaches: layout.coaches.map((coach) => ({
      ...coach,
      seats: coach.seats.map((seat) => ({ ...seat, available: !taken.get(coach.position)?.has(seat.number) })),
    })),
  };
}

/** GET /api/v1/services/{serviceId}/waitlist: what joining the waiting list would mean right now. */
export const waitlistQuerySchema = z
  .object({ from: stationCode, to: stationCode, class: codeField, quota: codeField.optional() })
  .refine((q) => q.from !== q.to, { path: ["to"], message: "Departure and arrival stations must differ." });
export type WaitlistQuery = z.infer<typeof waitlistQuerySchema>;

export const waitlistInfoSchema = z.object({
  waiting: z.number().int().describe("Bookings waiting for this train, class and quota now; joining makes you number waiting + 1."),
  available: z.number().int().describe("Seats of the class and quota free for the whole journey."),
  open: z.boolean().describe("False once the chart is prepared or the train is cancelled: nobody can join any more."),
});
export type WaitlistInfo = z.infer<typeof waitlistInfoSchema>;
