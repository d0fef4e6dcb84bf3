// The train form: details, the ordered stops with their clock times and distances, and the coach
// composition. Rows arrive as "stops.0.stationId", "coaches.1.label", ... and are nested by
// nestedForm, so every problem is reported at the name of the input that holds it.
// Clock times are checked for order on the server, where the stations' zones are known
// (lib/admin/network/train-timetable.ts; docs/decisions/009-train-timetable-entry.md).
// Prisma-free: the train editor imports it in the browser.
import { z } from "zod";
import { formInt, nestedForm, optionalText } from "@/lib/schemas/form-nesting";

export const TRAIN_TYPES = [
  { value: "EXPRESS_INTERCITY", label: "Express InterCity" },
  { value: "INTERCITY", label: "InterCity" },
  { value: "TLK", label: "TLK" },
  { value: "NIGHT", label: "Night" },
  { value: "REGIONAL", label: "Regional" },
] as const;

export const MAX_STOPS = 60;
export const MAX_COACHES = 30;
/** The day a clock time falls on, counted from the service date on that station's clock. */
export const DAY_CHOICES = [0, 1, 2, 3] as const;

export const CLOCK_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const clockTime = optionalText(z.string().trim().regex(CLOCK_PATTERN, "Use a 24-hour time like 07:45."));
const day = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v === undefined || v === "" ? 0 : v),
  z.number().int().min(-1, "Choose a day.").max(3, "Choose a day."),
);

export const stopEntrySchema = z.object({
  stationId: z.string({ error: "Choose a station." }).min(1, "Choose a station.").max(64),
  arrivalTime: clockTime,
  arrivalDay: day,
  departureTime: clockTime,
  departureDay: day,
  distanceKm: formInt({ required: "Enter the distance from the first stop.", invalid: "Enter whole kilometres." }).pipe(
    z.number().min(0, "The distance cannot be negative.").max(20_000, "That is further than any train runs."),
  ),
  platform: optionalText(z.string().trim().max(8, "Use at most 8 characters.")),
});
export type StopEntry = z.infer<typeof stopEntrySchema>;

export const coachEntrySchema = z.object({
  coachTypeId: z.string({ error: "Choose a coach type." }).min(1, "Choose a coach type.").max(64),
  label: z
    .string({ error: "Enter a label." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,4}$/, "Use 1 to 4 letters or digits, like A1."),
});
export type CoachEntry = z.infer<typeof coachEntrySchema>;

const trainObject = z.object({
  number: z
    .string({ error: "Enter the train number." })
    .trim()
    .min(1, "Enter the train number.")
    .max(20, "Use at most 20 characters.")
    .transform((s) => s.replace(/\s+/g, " ").toUpperCase()),
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  type: z.enum(TRAIN_TYPES.map((t) => t.value) as [string, ...string[]], { error: "Choose a train type." }),
  active: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  stops: z
    .array(stopEntrySchema, { error: "Add the train's stops." })
    .min(2, "A train needs at least 2 stops.")
    .max(MAX_STOPS, `At most ${MAX_STOPS} stops.`),
  coaches: z
    .array(coachEntrySchema, { error: "Add at least one coach." })
    .min(1, "Add at least one coach.")
    .max(MAX_COACHES, `At most ${MAX_COACHES} coaches.`),
});

/** Rules about the shape of the route that need no time zone: which times each stop has, distances, repeats. */
function checkRoute(input: z.infer<typeof trainObject>, ctx: z.RefinementCtx): void {
  const last = input.stops.length - 1;
  const seen = new Map<string, number>();
  input.stops.forEach((stop, i) => {
    const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["stops", i, field], message });
    if (i === 0 && stop.arrivalTime) at("arrivalTime", "The first stop has only a departure.");
    if (i === last && stop.departureTime) at("departureTime", "The last stop has only an arrival.");
    if (i > 0 && !stop.arrivalTime) at("arrivalTime", "Enter the arrival time.");
    if (i < last && !stop.departureTime) at("departureTime", "Enter the departure time.");
    if (i === 0 && stop.departureDay !== 0) at("departureDay", "A train leaves its first stop on its service date.");
    if (i === 0 && stop.distanceKm !== 0) at("distanceKm", "The first stop is at 0 km.");
    const previous = input.stops[i - 1];
    if (i > 0 && previous && stop.distanceKm <= previous.distanceKm) {
      at("distanceKm", `Must be more than the previous stop's ${previous.distanceKm} km.`);
    }
    const earlier = seen.get(stop.stationId);
    if (earlier !== undefined) at("stationId", `This station is already stop ${earlier + 1}; a train calls at a station once.`);
    else seen.set(stop.stationId, i);
  });
}

function checkCoaches(input: z.infer<typeof trainObject>, ctx: z.RefinementCtx): void {
  const labels = new Map<string, number>();
  input.coaches.forEach((coach, i) => {
    const earlier = labels.get(coach.label);
    if (earlier !== undefined) {
      ctx.addIssue({ code: "custom", path: ["coaches", i, "label"], message: `Coach ${earlier + 1} already has label ${coach.label}.` });
    } else labels.set(coach.label, i);
  });
}

export const trainFormSchema = nestedForm(
  trainObject.superRefine((input, ctx) => {
    checkRoute(input, ctx);
    checkCoaches(input, ctx);
  }),
);
export type TrainFormInput = z.infer<typeof trainObject>;

/** The edit form: the same fields plus the train's id. */
/**
 * Whether new stop times reach the services already generated ("apply") or only services generated
 * from now on ("keep"). Asked for only when times change and services exist: docs/decisions/037.
 */
export const EXISTING_SERVICES_CHOICES = ["apply", "keep"] as const;
export type ExistingServicesChoice = (typeof EXISTING_SERVICES_CHOICES)[number];

export const trainUpdateSchema = nestedForm(
  trainObject.extend({
    id: z.string().min(1).max(64),
    existingServices: optionalText(z.enum(EXISTING_SERVICES_CHOICES, { error: "Choose which services the new times reach." })),
  }).superRefine((input, ctx) => {
    checkRoute(input, ctx);
    checkCoaches(input, ctx);
  }),
);
