// The model answerer: any OpenAI-compatible chat endpoint with tool calling (Ollama, llama.cpp's
// server, vLLM, a hosted provider), through the AI SDK (`ai` + @ai-sdk/openai-compatible). The model
// sees only the question, the rules below and what the tools return (lib/assistant/tools.ts), so it
// can say nothing about a booking the asker does not own and nobody's name but theirs. Bounded: at
// most LLM_MAX_STEPS model calls and LLM_TIMEOUT_MS in all, no retries; whatever goes wrong is
// thrown, and lib/assistant/answer.ts falls back to the built-in answerer.
import "server-only";
import { streamText, stepCountIs, tool, type ToolSet } from "ai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { z } from "zod";
import { todayInZone } from "@/lib/time/zoned";
import type { AssistantLink, AssistantSource } from "@/lib/schemas/assistant";
import { POLICY_TOPICS } from "@/lib/assistant/policy-topics";
import { parseDate } from "@/lib/assistant/dates";
import { stationNamed } from "@/lib/assistant/station-names";
import { bookingLinks, seatMapHref, searchHref } from "@/lib/assistant/links";
import { findTrains, myBooking, myBookings, policy, refundIfCancelledNow, seatStatus, vocabulary, type Asker } from "@/lib/assistant/tools";
import type { Reply } from "@/lib/assistant/builtin";
import { config, operatorTimeZone } from "@/lib/config";

export interface ModelSettings {
  baseURL: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  maxSteps: number;
}

/** The configured model, or null when LLM_BASE_URL is unset (the default: the built-in answerer). */
export function modelSettings(): ModelSettings | null {
  const c = config();
  if (!c.LLM_BASE_URL) return null;
  return {
    baseURL: c.LLM_BASE_URL.replace(/\/+$/, ""),
    model: c.LLM_MODEL,
    apiKey: c.LLM_API_KEY,
    timeoutMs: c.LLM_TIMEOUT_MS,
    maxSteps: c.LLM_MAX_STEPS,
  };
}

function systemPrompt(asker: Asker, today: string): string {
  return [
    "You are Ask RailBook, the assistant of the RailBook train-ticket site. Answer in a few plain sentences.",
    "Answer only from what the tools return; never invent trains, times, seats, fares, bookings or rules. If the tools cannot answer, say plainly that you cannot.",
    "Never say who holds or booked a seat: a taken seat is just taken. You know only the asker's own bookings; any other reference is unknown.",
    "You cannot book, pay or cancel: say which page does it (the search page, the seat map, the booking page).",
    "Times the tools give are local times of the stations (ISO with offset); say them as HH:MM.",
    `Today is ${today} (${operatorTimeZone()}). ${asker.userId ? "The asker is signed in." : "The asker is signed out: booking questions need signing in; say so."}`,
  ].join("\n");
}

const dateArg = z.string().describe("YYYY-MM-DD, or today / tomorrow / a weekday");

class Collected {
  sources: AssistantSource[] = [];
  links: AssistantLink[] = [];
  add(sources: AssistantSource[], links: AssistantLink[] = []) {
    this.sources.push(...sources);
    this.links.push(...links);
  }
}

function tools(asker: Asker, now: Date, words: Awaited<ReturnType<typeof vocabulary>>, out: Collected): ToolSet {
  const station = (name: string) => stationNamed(name, words.stations);
  const day = (text: string) => parseDate(text, now)?.date ?? null;
  const signedOut = { error: "The asker is not signed in: booking questions need signing in." };
  const unknown = (pnr: string) => ({ error: `No booking ${pnr} on the asker's account.` });
  return {
    search_trains: tool({
      description: "Trains from one station to another departing on a date, with local times, status, classes, seats left and fares.",
      inputSchema: z.object({ from: z.string().describe("station name or code"), to: z.string().describe("station name or code"), date: dateArg }),
      execute: async ({ from, to, date }) => {
        const [a, b, d] = [station(from), station(to), day(date)];
        if (!a || !b || !d) return { error: `Unknown ${!a ? `station "${from}"` : !b ? `station "${to}"` : `date "${date}"`}.` };
        if (a.code === b.code) return { error: "The two stations are the same." };
        const { value, sources } = await findTrains(a, b, d);
        out.add(sources, [{ label: `Trains ${value.from.name} → ${value.to.name}`, href: searchHref(a.code, b.code, d) }]);
        return {
          from: value.from.name,
          to: value.to.name,
          date: d,
          trains: value.services.slice(0, 10).map((s) => ({
            train: `${s.trainNumber} ${s.trainName}`,
            departure: s.departure,
            arrival: s.arrival,
            status: s.status,
            delayMinutes: s.delayMinutes,
            platform: s.platform,
            classes: s.classes.map((c) => ({ class: c.className, seatsLeft: c.available, fare: c.fare })),
            seatMap: seatMapHref(s.serviceId, a.code, b.code),
          })),
        };
      },
    }),
    seat_status: tool({
      description: "Whether one seat (coach and number) on a train on a date is free, for a journey between two stations if given.",
      inputSchema: z.object({ train: z.string().describe("train number, e.g. EIC 5300"), date: dateArg, coach: z.string().optional(), seat: z.number().int(), from: z.string().optional(), to: z.string().optional() }),
      execute: async ({ train, date, coach, seat, from, to }) => {
        const number = words.trainNumbers.find((n) => n.replace(/\s+/g, "").toUpperCase() === train.replace(/\s+/g, "").toUpperCase());
        const d = day(date);
        if (!number || !d) return { error: !number ? `No train numbered ${train}.` : `Unknown date "${date}".` };
        const { value, sources } = await seatStatus({ trainNumber: number, date: d, coach: coach ?? null, seat, from: from ? (station(from) ?? undefined) : undefined, to: to ? (station(to) ?? undefined) : undefined });
        out.add(sources, value.kind === "seat" ? [{ label: `Seat map of ${value.trainNumber}`, href: seatMapHref(value.serviceId, value.from, value.to) }] : []);
        if (value.kind === "seat") return { train: value.trainNumber, date: value.date, from: value.from, to: value.to, coach: value.coach, seat: value.seat, class: value.seatClass, free: value.free };
        return value;
      },
    }),
    my_booking: tool({
      description: "The asker's own booking by its reference (PNR): status, passengers and seats, times, delays and platform changes, waiting-list position.",
      inputSchema: z.object({ pnr: z.string() }),
      execute: async ({ pnr }) => {
        const { value, sources } = await myBooking(asker, pnr.trim().toUpperCase());
        if (value.kind === "signed-out") return signedOut;
        if (value.kind === "unknown-booking") return unknown(value.pnr);
        out.add(sources, bookingLinks(value.booking));
        return { booking: value.booking, updates: value.updates && { ...value.updates, updates: value.updates.updates.map((u) => ({ at: u.at.toISOString(), kind: u.kind, text: u.text })) } };
      },
    }),
    my_bookings: tool({
      description: "The asker's latest bookings, newest first (for questions without a PNR, e.g. their waiting-list places).",
      inputSchema: z.object({}),
      execute: async () => {
        const { value, sources } = await myBookings(asker, 20);
        if (value.kind !== "ok") return signedOut;
        out.add(sources);
        return { bookings: value.bookings.map((b) => ({ pnr: b.pnr, status: b.status, train: b.train.number, from: b.fromName, to: b.toName, departure: b.departure, waitlistPosition: b.waitlistPosition })) };
      },
    }),
    refund_quote: tool({
      description: "What the asker would get back if they cancelled their booking now, by the refund rules in force. Cancels nothing.",
      inputSchema: z.object({ pnr: z.string() }),
      execute: async ({ pnr }) => {
        const { value, sources } = await refundIfCancelledNow(asker, pnr.trim().toUpperCase());
        if (value.kind === "signed-out") return signedOut;
        if (value.kind === "unknown-booking") return unknown(value.pnr);
        out.add(sources, [{ label: `Booking ${value.quote.pnr}`, href: `/bookings/${value.quote.pnr}` }]);
        return value.quote;
      },
    }),
    explain_policy: tool({
      description: "How one of RailBook's rules works, as the server applies it now.",
      inputSchema: z.object({ topic: z.enum(POLICY_TOPICS) }),
      execute: async ({ topic }) => {
        const { value, sources } = await policy(topic);
        out.add(sources);
        return value;
      },
    }),
  };
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

/**
 * Answers through the model, calling `onDelta` with text as it streams. Throws on any failure: an
 * HTTP error, a timeout, a malformed reply, or no answer within the step limit.
 */
export async function modelAnswer(settings: ModelSettings, message: string, asker: Asker, options: { now?: Date; onDelta?: (text: string) => void } = {}): Promise<Reply> {
  const now = options.now ?? new Date();
  const words = await vocabulary();
  const out = new Collected();
  const provider = createOpenAICompatible({ name: "railbook-llm", baseURL: settings.baseURL, apiKey: settings.apiKey });
  const result = streamText({
    model: provider.chatModel(settings.model),
    system: systemPrompt(asker, todayInZone(operatorTimeZone(), now)),
    prompt: message,
    tools: tools(asker, now, words, out),
    stopWhen: stepCountIs(settings.maxSteps),
    maxRetries: 0,
    abortSignal: AbortSignal.timeout(settings.timeoutMs),
    // Errors are read from the stream below, where they become the fallback.
    onError: () => {},
  });
  let text = "";
  let lastStepText = "";
  for await (const part of result.fullStream) {
    if (part.type === "error") throw part.error instanceof Error ? part.error : new Error(String(part.error));
    if (part.type === "abort") throw new Error("the model's answer was aborted (timeout)");
    if (part.type === "start-step") lastStepText = "";
    if (part.type === "text-delta") {
      text += part.text;
      lastStepText += part.text;
      options.onDelta?.(part.text);
    }
    if (part.type === "finish" && part.finishReason !== "stop" && part.finishReason !== "length") {
      throw new Error(`the model stopped without an answer (${part.finishReason})`);
    }
  }
  const answer = (lastStepText || text).trim();
  if (!answer) throw new Error("the model returned no answer");
  return { answer, sources: dedupe(out.sources, (s) => `${s.type}:${s.id}`), links: dedupe(out.links, (l) => l.href) };
}
