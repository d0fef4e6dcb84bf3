// One question, one answer: the rate limit, then the model when one is configured (LLM_BASE_URL),
// else or on any failure of it the built-in answerer. Never throws for a model's failure: the
// asker gets the built-in answer and the log gets one line (docs/decisions/024-assistant.md).
import "server-only";
import { randomUUID } from "node:crypto";
import { plural, spend } from "@/lib/limits/limiter";
import { logger } from "@/lib/logger";
import type { AssistantAnswer, AssistantRequest } from "@/lib/schemas/assistant";
import { builtInAnswer, type Reply } from "@/lib/assistant/builtin";
import { modelAnswer, modelSettings } from "@/lib/assistant/model";
import type { Asker } from "@/lib/assistant/tools";

export interface AskOptions {
  /** Where the question came from, for the per-address limit of signed-out askers. */
  address: string | null;
  /** Streamed text while a model writes; `reset` when what was streamed is replaced by the built-in answer. */
  onDelta?: (text: string) => void;
  onReset?: () => void;
  /** The caller counted this question already (the streaming route does, before it opens the stream). */
  alreadySpent?: boolean;
  now?: Date;
}

/** Counts the question against the asker's limit (per account, or per address signed out); throws RATE_LIMITED past it. */
export async function spendQuestion(asker: Asker, address: string | null): Promise<void> {
  const subject = asker.userId ? `user:${asker.userId}` : `address:${address ?? "unknown"}`;
  await spend("assistant", subject, (minutes) => `You have asked a lot of questions in a short time. Wait ${plural(minutes, "minute")} and ask again.`);
}

export async function ask(request: AssistantRequest, asker: Asker, options: AskOptions): Promise<AssistantAnswer> {
  if (!options.alreadySpent) await spendQuestion(asker, options.address);
  const conversationId = request.conversationId ?? randomUUID();
  const settings = modelSettings();
  let reply: Reply | null = null;
  let answeredBy: AssistantAnswer["answeredBy"] = "built-in";
  if (settings) {
    let streamed = false;
    try {
      reply = await modelAnswer(settings, request.message, asker, {
        now: options.now,
        onDelta: (text) => {
          streamed = true;
          options.onDelta?.(text);
        },
      });
      answeredBy = "model";
    } catch (error) {
      logger.warn("assistant model failed; answering with the built-in answerer", { error: error instanceof Error ? error.message : String(error) });
      if (streamed) options.onReset?.();
    }
  }
  reply ??= await builtInAnswer(request.message, asker, options.now);
  return { answer: reply.answer, conversationId, sources: reply.sources, links: reply.links, answeredBy };
}
