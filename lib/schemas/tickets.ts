// Conductor checks: what POST /api/v1/tickets/verify and the /check page send and get back.
// Prisma-free: the /check page imports these in the browser.
import { z } from "zod";
import { TICKET_REFUSALS } from "@/lib/tickets/ticket-token";

export const verifyTicketSchema = z
  .object({
    serviceId: z.string({ error: "Choose the train you are on." }).trim().min(1, "Choose the train you are on.").max(64),
    ticket: z.string().trim().min(1).max(4000).optional().meta({ description: "The QR code's text (RB1.…), as scanned." }),
    pnr: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{6,10}$/, "A booking reference is 6 to 10 letters and digits.")
      .optional()
      .meta({ description: "A booking reference typed in, for a ticket whose code cannot be read (checked online only)." }),
    checkedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "When the check was made, for a check made offline and sent later; now when absent." }),
  })
  .refine((b) => (b.ticket === undefined) !== (b.pnr === undefined), { path: ["ticket"], message: "Scan a ticket or type its booking reference (one of the two)." });
export type VerifyTicketInput = z.infer<typeof verifyTicketSchema>;

export const CHECK_OUTCOMES = ["ACCEPTED", "ALREADY_CHECKED", "REFUSED"] as const;

export const checkedTicketSchema = z.object({
  pnr: z.string(),
  train: z.string(),
  date: z.string().describe("travel date, local to the boarding station"),
  from: z.string(),
  to: z.string(),
  fromName: z.string().nullable(),
  toName: z.string().nullable(),
  class: z.string(),
  passengers: z.array(
    z.object({
      name: z.string(),
      coach: z.string().nullable(),
      number: z.number().int().nullable(),
      concession: z
        .object({ name: z.string(), proof: z.string().nullable() })
        .nullable()
        .optional()
        .describe("The concession the passenger travels on and the proof to ask for (docs/decisions/041); absent when read offline from the code alone."),
    }),
  ),
  source: z.enum(["SIGNED", "PNR"]).describe("SIGNED: read from a verified ticket code; PNR: looked up by a typed reference"),
});
export type CheckedTicket = z.infer<typeof checkedTicketSchema>;

export const ticketCheckResultSchema = z.object({
  outcome: z.enum(CHECK_OUTCOMES),
  reason: z.enum(TICKET_REFUSALS).nullable(),
  message: z.string(),
  ticket: checkedTicketSchema.nullable(),
  check: z.object({ id: z.string(), checkedAt: z.string() }).nullable().describe("this check, as recorded"),
  firstCheck: z.object({ checkedAt: z.string(), conductor: z.string().nullable() }).nullable().describe("on ALREADY_CHECKED: the first check on this service"),
});
export type TicketCheckView = z.infer<typeof ticketCheckResultSchema>;
