// An operator's message to every passenger of a service (decision 030). Prisma-free: the admin
// form imports it in the browser; the server action, the route handler and OpenAPI use the same.
import { z } from "zod";
import { PLAIN_TEXT_MESSAGE, hasLoneSurrogate, plainText } from "@/lib/schemas/text";

export const MESSAGE_SUBJECT_MAX = 120;
export const MESSAGE_BODY_MAX = 2000;

// Line breaks belong in a message; every other control or direction-changing character does not.
const BODY_FORBIDDEN = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const serviceMessageSchema = z.object({
  subject: plainText(z.string({ error: "Write a subject." }).trim().min(3, "Use at least 3 characters.").max(MESSAGE_SUBJECT_MAX, `Use at most ${MESSAGE_SUBJECT_MAX} characters.`)),
  body: z
    .string({ error: "Write the message." })
    .trim()
    .min(10, "Use at least 10 characters.")
    .max(MESSAGE_BODY_MAX, `Use at most ${MESSAGE_BODY_MAX} characters.`)
    .refine((s) => !BODY_FORBIDDEN.test(s) && !hasLoneSurrogate(s), { error: PLAIN_TEXT_MESSAGE })
    .transform((s) => s.replace(/\r\n?/g, "\n")),
});
export type ServiceMessageInput = z.infer<typeof serviceMessageSchema>;

/** The form also carries its send key (a fresh one per rendered form) and the service. */
export const serviceMessageFormSchema = serviceMessageSchema.extend({
  serviceId: z.string().trim().min(1, "Missing id.").max(64),
  sendKey: z.string().trim().min(8).max(100),
});

export const serviceMessageResultSchema = z.object({
  messageId: z.string(),
  serviceId: z.string(),
  recipients: z.number().int(),
  bookings: z.number().int(),
  replayed: z.boolean(),
});
export type ServiceMessageResult = z.infer<typeof serviceMessageResultSchema>;
