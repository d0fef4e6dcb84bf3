// One question to POST /api/v1/assistant, read as Server-Sent Events so a model's answer shows as
// it is written: `delta` appends, `reset` clears (the built-in answer replaces it), `answer` ends.
// Refusals (400, 429) come back before the stream opens, as the API's usual JSON error.
import type { AssistantAnswer } from "@/lib/schemas/assistant";

export class AskError extends Error {}

export async function askStreaming(message: string, conversationId: string | undefined, onText: (text: string) => void, signal?: AbortSignal): Promise<AssistantAnswer> {
  let response: Response;
  try {
    response = await fetch("/api/v1/assistant", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(conversationId ? { message, conversationId } : { message }),
      signal,
      cache: "no-store",
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AskError("We could not reach RailBook. Check your connection and try again.");
  }
  if (!response.ok || !response.body) {
    const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new AskError(data?.error?.message ?? "Something went wrong on our side. Try again in a moment.");
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = block.match(/^event: (.+)$/m)?.[1];
      const data = JSON.parse(block.match(/^data: (.*)$/m)?.[1] ?? "null");
      if (event === "delta") onText((text += (data as { text: string }).text));
      else if (event === "reset") onText((text = ""));
      else if (event === "answer") return data as AssistantAnswer;
      else if (event === "error") throw new AskError((data as { error?: { message?: string } })?.error?.message ?? "Something went wrong on our side.");
    }
  }
  throw new AskError("The answer was cut off. Try again.");
}
