// Operator forms for the network: stations, coach types and service generation, plus the query
// strings of the admin lists. Prisma-free: the admin forms import these in the browser and the
// server actions parse with the very same schemas (lib/action.ts).
import { z } from "zod";
import { plainText } from "@/lib/schemas/text";
import { COACH_TEMPLATES, coachTemplate } from "@/lib/network/coach-templates";
import { isoDate } from "@/lib/schemas/search";
import { formInt } from "@/lib/schemas/form-nesting";

/** Station codes are what the public API and URLs use (lib/schemas/search.ts stationCode). */
export const STATION_CODE_PATTERN = /^[A-Z0-9]{2,8}$/;

/**
 * The zone's canonical IANA spelling ("europe/warsaw" -> "Europe/Warsaw"), or null when the
 * runtime's time-zone database does not know it. Intl is the judge because Intl (through
 * @date-fns/tz) is what later turns offsets into clock times for this station.
 */
export function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Zones to suggest in the form (the browser's list; the server re-checks with canonicalTimeZone). */
export function timeZoneSuggestions(): string[] {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
}

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Use at most ${max} characters.`);

export const stationFormSchema = z.object({
  code: z
    .string({ error: "Enter a code." })
    .trim()
    .toUpperCase()
    .regex(STATION_CODE_PATTERN, "Use 2 to 8 letters or digits, like KRK."),
  name: text("station name", 100),
  city: text("city", 100),
  timeZone: z
    .string({ error: "Enter a time zone." })
    .trim()
    .min(1, "Enter a time zone, like Europe/Warsaw.")
    .transform((zone, ctx) => {
      const canonical = canonicalTimeZone(zone);
      if (!canonical) {
        ctx.addIssue({ code: "custom", message: "Not a known IANA time zone. Use a name like Europe/Warsaw." });
        return z.NEVER;
      }
      return canonical;
    }),
  /** Left empty, the network's default of 8 minutes. */
  minChangeMinutes: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: "Enter the minimum change time in whole minutes." }).int("Use whole minutes.").min(0, "Use 0 to 120 minutes.").max(120, "Use 0 to 120 minutes.").default(8),
  ),
});
export type StationFormInput = z.infer<typeof stationFormSchema>;

export const idSchema = z.object({ id: z.string().min(1).max(64) });

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export const stationListQuerySchema = z.object({
  q: plainText(z.string().trim().max(100)).optional().catch(undefined),
  page: pageParam,
});
export type StationListQuery = z.infer<typeof stationListQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Coach types
// ---------------------------------------------------------------------------------------------

export const COACH_TYPE_CODE_PATTERN = /^[A-Z0-9][A-Z0-9+\-]{1,19}$/;

export const coachTypeFormSchema = z
  .object({
    code: z
      .string({ error: "Enter a code." })
      .trim()
      .toUpperCase()
      .regex(COACH_TYPE_CODE_PATTERN, "Use 2 to 20 letters, digits, + or -, like B-2+2-64."),
    name: text("name", 120),
    classCode: z.string({ error: "Choose a class." }).trim().min(1, "Choose a class.").max(20),
    template: z.enum(COACH_TEMPLATES.map((t) => t.key) as [string, ...string[]], { error: "Choose a layout." }),
    size: formInt({ required: "Enter the size.", invalid: "Enter a whole number." }),
  })
  .superRefine((input, ctx) => {
    const template = coachTemplate(input.template);
    if (template && (input.size < template.size.min || input.size > template.size.max)) {
      ctx.addIssue({
        code: "custom",
        path: ["size"],
        message: `${template.size.label} must be from ${template.size.min} to ${template.size.max}.`,
      });
    }
  });
export type CoachTypeFormInput = z.infer<typeof coachTypeFormSchema>;

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------

export const WEEKDAYS = [
  { day: 1, short: "Mon", name: "Monday" },
  { day: 2, short: "Tue", name: "Tuesday" },
  { day: 3, short: "Wed", name: "Wednesday" },
  { day: 4, short: "Thu", name: "Thursday" },
  { day: 5, short: "Fri", name: "Friday" },
  { day: 6, short: "Sat", name: "Saturday" },
  { day: 7, short: "Sun", name: "Sunday" },
] as const;

/** The generation window a single form submit may cover (generateServices allows 400 days). */
export const MAX_GENERATE_DAYS = 366;

const dayMs = 86_400_000;

/**
 * Weekdays arrive as checkboxes named day1..day7 (separate names, because the form action keeps
 * one value per field name).
 */
export const generateServicesSchema = z
  .object({
    trainId: z.string({ error: "Choose a train." }).min(1, "Choose a train.").max(64),
    from: z.string({ error: "Enter the first date." }).pipe(isoDate),
    to: z.string({ error: "Enter the last date." }).pipe(isoDate),
    day1: z.string().optional(),
    day2: z.string().optional(),
    day3: z.string().optional(),
    day4: z.string().optional(),
    day5: z.string().optional(),
    day6: z.string().optional(),
    day7: z.string().optional(),
  })
  .transform(({ trainId, from, to, ...days }) => ({
    trainId,
    from,
    to,
    weekdays: WEEKDAYS.filter((w) => days[`day${w.day}` as keyof typeof days] === "on").map((w) => w.day),
  }))
  .superRefine((input, ctx) => {
    const span = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / dayMs;
    if (span < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "The last date must not be before the first." });
    else if (span >= MAX_GENERATE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `Generate at most ${MAX_GENERATE_DAYS} days at a time.` });
    if (input.weekdays.length === 0) ctx.addIssue({ code: "custom", path: ["weekdays"], message: "Choose at least one day of the week." });
  });
export type GenerateServicesFormInput = z.infer<typeof generateServicesSchema>;

export const serviceListQuerySchema = z.object({
  date: isoDate.optional().catch(undefined),
  days: z.coerce.number().int().min(1).max(31).catch(7),
  train: z.string().trim().max(64).optional().catch(undefined),
  page: pageParam,
});
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;

export const serviceDetailQuerySchema = z.object({
  from: z.string().trim().toUpperCase().regex(STATION_CODE_PATTERN).optional().catch(undefined),
  to: z.string().trim().toUpperCase().regex(STATION_CODE_PATTERN).optional().catch(undefined),
  page: pageParam,
});
