// POST /api/v1/assistant {message, conversationId?} -> 200 {answer, conversationId, sources, links, answeredBy}.
// Signed in or not. With `Accept: text/event-stream` the answer streams as Server-Sent Events:
// `delta` {text} while a model writes, `reset` when that text is replaced by the built-in answer,
// then `answer` with the JSON above (or `error` with the usual error body). The rate limit and
// validation are checked before the stream opens, so they answer 400/429 as plain JSON.
import { json, route, toAppError } from "@/lib/http";
import { assistantRequestSchema } from "@/lib/schemas/assistant";
import { clientAddress } from "@/lib/net/client-address";
import { ask, spendQuestion } from "@/lib/assistant/answer";

export const POST = route({ access: "public", body: assistantRequestSchema }, async ({ request, user, body }) => {
  const asker = { userId: user?.id ?? null };
  const address = clientAddress(request.headers);
  if (!(request.headers.get("accept") ?? "").includes("text/event-stream")) return json(await ask(body, asker, { address }));

  await spendQuestion(asker, address);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      try {
        const answer = await ask(body, asker, { address, onDelta: (text) => send("delta", { text }), onReset: () => send("reset", {}), alreadySpent: true });
        send("answer", answer);
      } catch (error) {
        send("error", toAppError(error).toJSON());
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
});
