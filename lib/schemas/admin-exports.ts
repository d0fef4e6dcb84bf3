// The CSV exports' date range (/admin/exports, GET /api/v1/admin/exports/*): local dates in the
// operator's zone, both or neither (neither: the last 30 days), at most 366 days. Prisma-free.
import { z } from "zod";
import { isoDate } from "@/lib/schemas/search";
import { optionalText } from "@/lib/schemas/form-nesting";

export const MAX_EXPORT_DAYS = 366;
export const DEFAULT_EXPORT_DAYS = 30;
export const EXPORT_KINDS = ["bookings", "refunds", "revenue"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function exportDaySpan(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const exportRangeSchema = z
  .object({
    from: optionalText(isoDate).describe("First day (YYYY-MM-DD, operator's time zone); with to."),
    to: optionalText(isoDate).describe("Last day, inclusive; with from. Neither: the last 30 days."),
  })
  .refine((r) => Boolean(r.from) === Boolean(r.to), { path: ["to"], message: "Choose both dates, or neither for the last 30 days." })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { path: ["to"], message: "The end date must not be before the start date." })
  .refine((r) => !r.from || !r.to || exportDaySpan(r.from, r.to) <= MAX_EXPORT_DAYS, { path: ["from"], message: `Choose at most ${MAX_EXPORT_DAYS} days.` });
export type ExportRangeInput = z.infer<typeof exportRangeSchema>;
