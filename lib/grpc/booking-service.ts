// The BookingService of proto/railbook/v1/booking.proto: each method parses with the schema its
// REST route uses, calls the same lib/ function and shapes the answer (lib/grpc/messages.ts).
import "server-only";
import { z } from "zod";
import type { UntypedServiceImplementation } from "@grpc/grpc-js";
import { db } from "@/lib/db";
import { issueTokenSchema } from "@/lib/schemas/auth";
import { createBookingSchema, exchangeSchema, passengerPositionSchema, paymentSchema, seatMapQuerySchema } from "@/lib/schemas/booking";
import { searchQuerySchema } from "@/lib/schemas/search";
import { actorOf } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/net/client-address";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { listStations } from "@/lib/stations/list-stations";
import { searchServices } from "@/lib/search/search-services";
import { seatMap } from "@/lib/booking/seat-map";
import { createBooking } from "@/lib/booking/create-booking";
import { requestPayment } from "@/lib/booking/pay-request";
import { listOwnBookings, ownBookingView } from "@/lib/booking/booking-view";
import { cancelOwnBooking } from "@/lib/booking/cancel-booking";
import { cancelOwnPassenger } from "@/lib/booking/cancel-passenger";
import { exchangeBooking } from "@/lib/booking/exchange";
import { paymentProvider } from "@/lib/payments";
import { parse, unary } from "@/lib/grpc/unary";
import { bookingReply, exchangeReply, paymentReply } from "@/lib/grpc/outcomes";
import { bookingMessage, money, seatMapMessage, serviceMessage, stationMessage } from "@/lib/grpc/messages";
import { createBookingBody, exchangeBody, idempotencyKeyOf, type CreateBookingRequest, type ExchangeBookingRequest } from "@/lib/grpc/requests";

/** The label tokens issued over gRPC carry on the profile page's token list. */
const TOKEN_LABEL = "gRPC";

const pnrSchema = z.object({ pnr: z.string().trim().min(1, "Enter the booking reference (PNR).").max(20).toUpperCase() });

export const bookingService: UntypedServiceImplementation = {
  IssueToken: unary<{ email: string; password: string }, unknown, "public">({ access: "public" }, async ({ request, headers }) => {
    const input = parse(issueTokenSchema, { email: request.email, password: request.password });
    const user = await authenticateWithPassword(input, headers);
    const { token, expiresAt } = await issueApiToken(user.id, new Date(), TOKEN_LABEL);
    return { token, expires_at: expiresAt.toISOString() };
  }),

  ListStations: unary({ access: "public", safe: true }, async () => ({ stations: (await listStations()).map(stationMessage) })),

  SearchServices: unary<{ from: string; to: string; date: string }, unknown, "public">({ access: "public", safe: true }, async ({ request }) => {
    const query = parse(searchQuerySchema, { from: request.from, to: request.to, date: request.date });
    return { services: (await searchServices(query)).services.map(serviceMessage) };
  }),

  GetSeatMap: unary<{ service_id: string; from: string; to: string }, unknown, "public">({ access: "public", safe: true }, async ({ request }) => {
    const serviceId = parse(z.string().min(1, "Enter the service id.").max(64), request.service_id);
    return seatMapMessage(await seatMap(serviceId, parse(seatMapQuerySchema, { from: request.from, to: request.to })));
  }),

  CreateBooking: unary<CreateBookingRequest, unknown, "user">({ access: "user" }, async ({ request, user, headers }) => {
    const input = parse(createBookingSchema, createBookingBody(request));
    return bookingReply(await createBooking(actorOf(user), input, idempotencyKeyOf(request.idempotency_key), { address: clientAddress(headers) }));
  }),

  PayBooking: unary<{ pnr: string; card_number: string; idempotency_key: string }, unknown, "user">({ access: "user" }, async ({ request, user, headers }) => {
    const { pnr } = parse(pnrSchema, { pnr: request.pnr });
    const input = parse(paymentSchema, { cardNumber: request.card_number });
    return paymentReply(await requestPayment(actorOf(user), pnr, input, idempotencyKeyOf(request.idempotency_key), { address: clientAddress(headers) }));
  }),

  GetBooking: unary<{ pnr: string }, unknown, "user">({ access: "user", safe: true }, async ({ request, user }) =>
    bookingMessage(await ownBookingView(db(), user.id, parse(pnrSchema, request).pnr)),
  ),

  ListBookings: unary({ access: "user", safe: true }, async ({ user }) => ({ bookings: (await listOwnBookings(db(), user.id)).map(bookingMessage) })),

  CancelBooking: unary<{ pnr: string }, unknown, "user">({ access: "user" }, async ({ request, user }) => {
    const result = await cancelOwnBooking(actorOf(user), parse(pnrSchema, request).pnr, paymentProvider());
    return { booking: bookingMessage(result.booking), refund: money(result.refund) };
  }),

  CancelPassenger: unary<{ pnr: string; position: number }, unknown, "user">({ access: "user" }, async ({ request, user }) => {
    const { pnr } = parse(pnrSchema, { pnr: request.pnr });
    const result = await cancelOwnPassenger(actorOf(user), pnr, parse(passengerPositionSchema, request.position), paymentProvider());
    return { booking: bookingMessage(result.booking), refund: money(result.refund), whole_booking: result.wholeBooking };
  }),

  ExchangeBooking: unary<ExchangeBookingRequest, unknown, "user">({ access: "user" }, async ({ request, user }) => {
    const { pnr } = parse(pnrSchema, { pnr: request.pnr });
    const input = parse(exchangeSchema, exchangeBody(request));
    return exchangeReply(await exchangeBooking(actorOf(user), pnr, input, idempotencyKeyOf(request.idempotency_key), paymentProvider()));
  }),
};
