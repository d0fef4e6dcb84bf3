// POST /api/v1/assistant: the question, and the answer's shape. Shared by the route handler, the
// "Ask RailBook" panel and the OpenAPI document. Prisma-free.
import { z } from "zod";
import { PLAIN_TEXT_MESSAGE } from "@/lib/schemas/text";

export const ASSISTANT_MESSAGE_MAX = 2000;

// Line breaks are ordinary in a typed question; other control and direction-changing characters
// are refused as everywhere else (lib/schemas/text.ts).
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

export const assistantRequestSchema = z.object({
  message: z
    .string({ error: "Write a question." })
    .trim()
    .min(1, "Write a question.")
    .max(ASSISTANT_MESSAGE_MAX, `Keep the question under ${ASSISTANT_MESSAGE_MAX} characters.`)
    .refine((s) => !CONTROL_BUT_LINES.test(s) && !BIDI.test(s) && s.isWellFormed(), { error: PLAIN_TEXT_MESSAGE }),
  conversationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Use the conversationId an earlier answer gave.")
    .optional(),
});
export type AssistantRequest = z.infer<typeof assistantRequestSchema>;

export const SOURCE_TYPES = ["service", "seat", "booking", "policy", "station"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const assistantSourceSchema = z.object({
  type: z.enum(SOURCE_TYPES),
  id: z.string().describe("service: a serviceId; seat: a seatId; booking: a PNR; policy: holds|payment|cancellation|refunds|waitlist|chart; station: a station code"),
});
export type AssistantSource = z.infer<typeof assistantSourceSchema>;


/** Pages the answer cites, for the panel to link (beside `sources`, which name what was read). */
export const assistantLinkSchema = z.object({ label: z.string(), href: z.string().describe("A path on this site, e.g. /bookings/ABCDEFGH23") });
export type AssistantLink = z.infer<typeof assistantLinkSchema>;

export const assistantAnswerSchema = z.object({
  answer: z.string(),
  conversationId: z.string(),
  sources: z.array(assistantSourceSchema),
  links: z.array(assistantLinkSchema).describe("Pages that show or act on what the answer is about: the assistant itself never books, pays or cancels."),
  answeredBy: z.enum(["built-in", "model"]).describe("Which answerer wrote this: the built-in one, or the configured language model."),
});
export type AssistantAnswer = z.infer<typeof assistantAnswerSchema>;
