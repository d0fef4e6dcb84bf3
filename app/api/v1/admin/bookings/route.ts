// GET /api/v1/admin/bookings?q=&train=&date=&page=: any passenger's bookings, for operators and desk staff.
// q is a PNR, an e-mail (or part of one) or a name; train and date together pick one service.
import { json, route } from "@/lib/http";
import { bookingSearchSchema } from "@/lib/schemas/admin-ops";
import { searchBookings } from "@/lib/admin/booking-lookup";

export const GET = route({ access: "desk", query: bookingSearchSchema }, async ({ query }) => json(await searchBookings(query)));
