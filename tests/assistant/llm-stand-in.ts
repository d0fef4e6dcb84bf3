// A local stand-in for an OpenAI-compatible chat endpoint (POST /v1/chat/completions), over real
// HTTP on 127.0.0.1. Each test gives it a script: a function from the request it receives to what
// it answers (tool calls, text, garbage, an error status, or silence). It answers as a real server
// does: Server-Sent Events of `chat.completion.chunk`s when the request says `stream: true`, one
// `chat.completion` JSON otherwise. It keeps every request, so tests can see what the model was told.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatMessage {
  role: string;
  content?: string | null;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools?: { function: { name: string } }[];
  stream?: boolean;
  headers: IncomingMessage["headers"];
}

export type Turn =
  | { toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { text: string }
  | { raw: string; status?: number; contentType?: string }
  | { hang: true }
  /** Streams this text, then goes silent without finishing. */
  | { partial: string };

export type Script = (request: ChatRequest, turn: number) => Turn;

export interface StandIn {
  baseURL: string;
  requests: ChatRequest[];
  script: Script;
  close: () => Promise<void>;
}

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: "chatcmpl-standin", object: "chat.completion.chunk", created: 1, model: "stand-in", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

function answer(res: ServerResponse, request: ChatRequest, turn: Turn, calls: number): void {
  if ("hang" in turn) return; // never answers; the client's deadline has to end it
  if ("partial" in turn) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(chunk({ role: "assistant", content: turn.partial }));
    return;
  }
  if ("raw" in turn) {
    res.writeHead(turn.status ?? 200, { "content-type": turn.contentType ?? "application/json" });
    res.end(turn.raw);
    return;
  }
  const toolCalls = "toolCalls" in turn ? turn.toolCalls.map((c, i) => ({ index: i, id: `call_${calls}_${i}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } })) : [];
  const finish = "toolCalls" in turn ? "tool_calls" : "stop";
  if (!request.stream) {
    res.writeHead(200, { "content-type": "application/json" });
    const message = "text" in turn ? { role: "assistant", content: turn.text } : { role: "assistant", content: null, tool_calls: toolCalls.map((c) => ({ id: c.id, type: c.type, function: c.function })) };
    res.end(JSON.stringify({ id: "chatcmpl-standin", object: "chat.completion", created: 1, model: "stand-in", choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(chunk({ role: "assistant", content: "" }));
  if ("text" in turn) for (const word of turn.text.match(/\S+\s*/g) ?? []) res.write(chunk({ content: word }));
  else res.write(chunk({ tool_calls: toolCalls }));
  res.write(chunk({}, finish));
  res.end("data: [DONE]\n\n");
}

export async function startStandIn(script: Script = () => ({ text: "Hello." })): Promise<StandIn> {
  const requests: ChatRequest[] = [];
  const standIn: StandIn = { baseURL: "", requests, script, close: () => new Promise((resolve) => server.close(() => resolve())) };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404).end();
        return;
      }
      const request = { ...(JSON.parse(body) as Omit<ChatRequest, "headers">), headers: req.headers };
      requests.push(request);
      const turn = request.messages.filter((m) => m.role === "assistant").length;
      answer(res, request, standIn.script(request, turn), requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  standIn.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  // A hanging answer must not keep the server from closing.
  const close = standIn.close;
  standIn.close = () => {
    server.closeAllConnections();
    return close();
  };
  return standIn;
}

/** The tool results the model was sent, parsed, by tool-call order. */
export function toolResults(request: ChatRequest): unknown[] {
  return request.messages.filter((m) => m.role === "tool").map((m) => {
    try {
      return JSON.parse(m.content ?? "null");
    } catch {
      return m.content;
    }
  });
}
