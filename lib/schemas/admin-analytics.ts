// The analytics dashboard's numbers, as GET /api/v1/admin/analytics answers them and the page
// draws them. Definitions (which date each figure is counted on, what occupancy means) are in
// docs/decisions/013-operations-analytics.md. Prisma-free: the chart components import the types.
import { z } from "zod";
import { moneySchema } from "@/lib/schemas/booking";

export const dailyRowSchema = z.object({
  date: z.string().describe("Local date in the range's time zone"),
  bookings: z.number().int().describe("Bookings paid (confirmed) that day"),
  revenueMinor: z.number().int().describe("Successful payments that day, in the range's currency"),
  cancellations: z.number().int().describe("Paid bookings cancelled that day"),
  refundsMinor: z.number().int().describe("Refunds made that day, in the range's currency"),
});
export type DailyRow = z.infer<typeof dailyRowSchema>;

export const occupancyRowSchema = z.object({
  trainNumber: z.string(),
  trainName: z.string(),
  classCode: z.string(),
  className: z.string(),
  services: z.number().int().describe("Services of the train running in the range (cancelled ones left out)"),
  seatKmOffered: z.number().int(),
  seatKmSold: z.number().int(),
  occupancy: z.number().nullable().describe("seatKmSold / seatKmOffered, 0..1"),
});
export type OccupancyRow = z.infer<typeof occupancyRowSchema>;

export const segmentRowSchema = z.object({
  from: z.object({ code: z.string(), name: z.string() }),
  to: z.object({ code: z.string(), name: z.string() }),
  passengers: z.number().int(),
});
export type SegmentRow = z.infer<typeof segmentRowSchema>;

export const analyticsSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), days: z.number().int(), timeZone: z.string(), currency: z.string().length(3) }),
  basis: z.enum(["travel", "booking"]).optional().describe("Present when asked for: which date every figure is counted on. Absent: sales by booking date, occupancy and journeys by travel date."),
  totals: z.object({
    bookings: z.number().int(),
    revenue: moneySchema,
    cancellations: z.number().int(),
    refunds: moneySchema,
    occupancy: z.number().nullable(),
    waitlist: z.object({ entries: z.number().int(), passengers: z.number().int() }),
  }),
  daily: z.array(dailyRowSchema),
  occupancy: z.array(occupancyRowSchema),
  segments: z.array(segmentRowSchema),
  generatedAt: z.string(),
});
export type AnalyticsView = z.infer<typeof analyticsSchema>;
