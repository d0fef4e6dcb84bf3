// Query parameters of the live streams (lib/live/streams.ts), shared with the OpenAPI document.
// Prisma-free.
import { z } from "zod";

/** How many services one stream may follow: a results page shows a day's trains between two stations. */
export const LIVE_SERVICES_MAX = 50;

export const liveServicesQuerySchema = z.object({
  ids: z
    .string()
    .min(1)
    .max(LIVE_SERVICES_MAX * 40)
    .transform((v) => [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(1).max(LIVE_SERVICES_MAX))
    .describe(`Comma-separated service ids (at most ${LIVE_SERVICES_MAX}).`),
});
