// ask: a question for the assistant, POST /api/v1/assistant { message, conversationId? } ->
// { answer, conversationId, sources[] }. Servers without the assistant answer 404; the OpenAPI
// document tells that apart from a 404 about the question (an unknown conversation, say).
import { show, type Context } from "../context";
import { Refused } from "../errors";

interface AssistantAnswer {
  answer: string;
  conversationId: string;
  sources?: unknown[];
}

function sourceText(source: unknown): string {
  if (typeof source === "string") return source;
  if (source && typeof source === "object") {
    const s = source as Record<string, unknown>;
    const name = [s.title, s.name, s.label, s.id].find((v) => typeof v === "string");
    const where = [s.url, s.href, s.path].find((v) => typeof v === "string");
    if (name || where) return [name, where].filter(Boolean).join(" ");
  }
  return JSON.stringify(source);
}

async function hasAssistant(ctx: Context): Promise<boolean> {
  try {
    const doc = (await ctx.api.request<{ paths?: Record<string, unknown> }>("GET", "/openapi.json")).body;
    return Boolean(doc.paths && ("/assistant" in doc.paths || "/api/v1/assistant" in doc.paths));
  } catch {
    return false;
  }
}

export async function ask(ctx: Context, question: string, options: { conversation?: string }): Promise<AssistantAnswer> {
  try {
    const body = { message: question, ...(options.conversation ? { conversationId: options.conversation } : {}) };
    const answer = await ctx.api.request<AssistantAnswer>("POST", "/assistant", { body });
    const { sources = [] } = answer.body;
    show(ctx, answer, () =>
      [answer.body.answer, ...(sources.length ? ["", "Sources:", ...sources.map((s) => `  - ${sourceText(s)}`)] : []), "", `Continue with: railbook ask "..." --conversation ${answer.body.conversationId}`].join("\n"),
    );
    return answer.body;
  } catch (error) {
    if (error instanceof Refused && error.status === 404 && !(await hasAssistant(ctx))) {
      throw new Refused(404, "NO_ASSISTANT", `This server (${ctx.apiUrl}) has no assistant: POST /api/v1/assistant is not one of its routes.`, error.body);
    }
    throw error;
  }
}
