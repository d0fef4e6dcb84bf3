// The assistant's part of the OpenAPI document (lib/openapi/document.ts).
import { assistantAnswerSchema, assistantRequestSchema } from "@/lib/schemas/assistant";
import type { DocHelpers } from "@/lib/openapi/admin-ops-paths";

type Json = Record<string, unknown>;

export function assistantPaths(h: DocHelpers): Record<string, Json> {
  return {
    "/assistant": {
      post: {
        summary: "Ask RailBook: a question in plain language, answered from live data for the asker",
        description:
          "Signed in or not (Bearer token or session). Answers which trains run between stations on a date, whether a seat is free, " +
          "the asker's own booking by PNR (status, seats, times, platform changes), the refund if cancelled now, their waiting-list position, " +
          "and how holds, payment, cancellation, refunds, the waiting list and chart time work. It never reveals who holds a seat; a PNR not " +
          "the asker's is unknown; signed out it answers public questions only. It never books, pays or cancels: `links` point to the pages that do. " +
          "`sources` name what the answer was read from. Rate limited per account (per address signed out): 429 RATE_LIMITED with Retry-After. " +
          "With `Accept: text/event-stream` the answer streams as Server-Sent Events: `delta` {text} while a model writes, `reset` when that " +
          "text is replaced by the built-in answer, then `answer` with the JSON body below (or `error` with the error body).",
        security: [...h.security, {}],
        requestBody: h.body(assistantRequestSchema),
        responses: {
          200: {
            description: "The answer",
            content: { "application/json": { schema: (h.ok(assistantAnswerSchema) as { content: { "application/json": { schema: Json } } }).content["application/json"].schema }, "text/event-stream": { schema: { type: "string" } } },
          },
          ...h.errors("VALIDATION_FAILED", "RATE_LIMITED"),
          ...h.common,
        },
      },
    },
  };
}
