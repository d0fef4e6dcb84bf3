// Ask RailBook with a model (LLM_BASE_URL set): the AI SDK talks to a local OpenAI-compatible
// stand-in over real HTTP that answers with scripted tool calls; the tools run on real PostgreSQL.
// A model that times out, answers garbage, fails or never finishes is replaced by the built-in
// answerer, never a 500.
import { randomInt } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as assistant } from "@/app/api/v1/assistant/route";
import { PEER_HEADER } from "@/lib/net/client-address";
import { apiUser, callRoute, type ApiUser } from "../booking/helpers";
import { askNetwork, book, type AskNet } from "./fixtures";
import { startStandIn, toolResults, type StandIn } from "./llm-stand-in";

let net: AskNet;
let llm: StandIn;
let alice: ApiUser;
let bob: ApiUser;
let alicePnr: string;

async function ask(message: string, user?: ApiUser | null, headers: Record<string, string> = {}) {
  return callRoute(assistant, { method: "POST", path: "/api/v1/assistant", body: { message }, headers: { [PEER_HEADER]: `198.51.100.${randomInt(1, 255)}`, ...(user ? user.auth : {}), ...headers } });
}

beforeAll(async () => {
  llm = await startStandIn();
  process.env.LLM_BASE_URL = llm.baseURL;
  process.env.LLM_MODEL = "stand-in-model";
  process.env.LLM_API_KEY = "sk-test-key";
  process.env.LLM_TIMEOUT_MS = "1500";
  process.env.LLM_MAX_STEPS = "3";
  net = await askNetwork();
  [alice, bob] = await Promise.all([apiUser(), apiUser()]);
  alicePnr = await book(alice, net.services[1], { seats: [await net.seatId(net.services[1], 5)], passengers: ["Zofia Nowak"] });
});

afterEach(() => {
  llm.requests.length = 0;
});

afterAll(async () => {
  for (const key of ["LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY", "LLM_TIMEOUT_MS", "LLM_MAX_STEPS"]) delete process.env[key];
  await llm.close();
});

describe("answering through a model", () => {
  it("calls the tools the model asks for and answers from what they returned", async () => {
    llm.script = (request, turn) => {
      if (turn === 0) return { toolCalls: [{ name: "search_trains", arguments: { from: "Swinoujscie", to: "zielona gora", date: "tomorrow" } }] };
      const result = toolResults(request)[0] as { trains: { train: string; departure: string; classes: { seatsLeft: number }[] }[] };
      const t = result.trains.find((x) => x.train.startsWith(net.trainNumber))!;
      return { text: `${t.train} leaves at ${t.departure.slice(11, 16)} with ${t.classes[0]!.seatsLeft} seats left.` };
    };
    const res = await ask("any trains from Świnoujście to Zielona Góra tomorrow?");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ answeredBy: "model", answer: `${net.trainNumber} ${net.trainName} leaves at 10:00 with 7 seats left.` });
    expect(res.body.sources).toContainEqual({ type: "service", id: net.services[1] });
    expect(res.body.links.map((l: { href: string }) => l.href)).toContain(`/search?from=SWQ&to=ZGQ&date=${(toolResults(llm.requests[1]!)[0] as { date: string }).date}`);

    // What the model was sent: the configured model and key, the tools, and the asker's state.
    const first = llm.requests[0]!;
    expect(first.model).toBe("stand-in-model");
    expect(first.headers.authorization).toBe("Bearer sk-test-key");
    expect(first.tools!.map((t) => t.function.name).sort()).toEqual(["explain_policy", "my_booking", "my_bookings", "refund_quote", "search_trains", "seat_status"]);
    expect(first.messages[0]!.content).toContain("The asker is signed out");
  });

  it("gives the model nothing about another person's booking or seat", async () => {
    llm.script = (request, turn) => {
      if (turn === 0) {
        return {
          toolCalls: [
            { name: "my_booking", arguments: { pnr: alicePnr } },
            { name: "seat_status", arguments: { train: net.trainNumber, date: "tomorrow", coach: "7", seat: 5, from: "SWQ", to: "ZGQ" } },
          ],
        };
      }
      return { text: `Tools said: ${JSON.stringify(toolResults(request))}` };
    };
    const res = await ask(`who has seat 5, and show me booking ${alicePnr}`, bob);
    expect(res.status).toBe(200);
    expect(res.body.answeredBy).toBe("model");
    const sent = JSON.stringify(llm.requests.map((r) => r.messages));
    expect(toolResults(llm.requests[1]!)).toEqual([
      { error: `No booking ${alicePnr} on the asker's account.` },
      { train: net.trainNumber, date: expect.any(String), from: "SWQ", to: "ZGQ", coach: "7", seat: 5, class: "ASKCLASS", free: false },
    ]);
    expect(sent).not.toContain("Zofia");
    expect(sent).not.toContain(alice.id);
    expect(res.body.answer).not.toContain("Zofia");
    expect(res.body.sources.some((s: { type: string }) => s.type === "booking")).toBe(false);
  });

  it("signed in, the owner's booking reaches the model", async () => {
    llm.script = (request, turn) => (turn === 0 ? { toolCalls: [{ name: "my_booking", arguments: { pnr: alicePnr.toLowerCase() } }] } : { text: `Status: ${(toolResults(request)[0] as { booking: { status: string } }).booking.status}.` });
    const res = await ask(`status of ${alicePnr}?`, alice);
    expect(res.body).toMatchObject({ answeredBy: "model", answer: "Status: CONFIRMED." });
    expect(res.body.sources).toContainEqual({ type: "booking", id: alicePnr });
    expect(llm.requests[0]!.messages[0]!.content).toContain("The asker is signed in");
  });
});

describe("falling back to the built-in answerer", () => {
  const question = "Which trains go from Swinoujscie to Zielona Gora tomorrow?";

  async function expectBuiltIn(started = Date.now()) {
    const res = await ask(question);
    expect(res.status).toBe(200);
    expect(res.body.answeredBy).toBe("built-in");
    expect(res.body.answer).toContain(net.trainNumber);
    expect(llm.requests.length).toBeGreaterThan(0);
    return Date.now() - started;
  }

  it("when the model does not answer in time", async () => {
    llm.script = () => ({ hang: true });
    const took = await expectBuiltIn();
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(6000);
  });

  it("when the model answers garbage", async () => {
    llm.script = () => ({ raw: "<html>502 Bad Gateway, but with status 200</html>", contentType: "text/event-stream" });
    await expectBuiltIn();
    llm.script = () => ({ raw: '{"choices": "nope"}' });
    await expectBuiltIn();
  });

  it("when the endpoint fails or never finishes", async () => {
    llm.script = () => ({ raw: JSON.stringify({ error: { message: "model not loaded" } }), status: 500 });
    await expectBuiltIn();
    // Tool calls forever: stopped at LLM_MAX_STEPS (3) model calls.
    llm.requests.length = 0;
    llm.script = () => ({ toolCalls: [{ name: "explain_policy", arguments: { topic: "holds" } }] });
    await expectBuiltIn();
    expect(llm.requests).toHaveLength(3);
    // An empty answer is no answer.
    llm.requests.length = 0;
    llm.script = () => ({ text: "   " });
    await expectBuiltIn();
  });
});

describe("streaming", () => {
  it("streams the model's text as it comes, then the answer", async () => {
    llm.script = () => ({ text: "Holds last as long as the server says." });
    const request = new Request("http://localhost/api/v1/assistant", { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream", [PEER_HEADER]: "198.51.100.10" }, body: JSON.stringify({ message: "how long is a hold?" }) });
    const response = await assistant(request, { params: Promise.resolve({}) });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = parseEvents(await response.text());
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe("Holds last as long as the server says.");
    expect(events.at(-1)).toMatchObject({ event: "answer", data: { answeredBy: "model", answer: "Holds last as long as the server says." } });
  });

  it("says reset when streamed text is replaced by the built-in answer", async () => {
    llm.script = () => ({ partial: "Let me look that" });
    const request = new Request("http://localhost/api/v1/assistant", { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream", [PEER_HEADER]: "198.51.100.11" }, body: JSON.stringify({ message: "how long is a hold?" }) });
    const events = parseEvents(await (await assistant(request, { params: Promise.resolve({}) })).text());
    expect(events.map((e) => e.event)).toEqual(["delta", "reset", "answer"]);
    expect(events[0]!.data).toEqual({ text: "Let me look that" });
    expect(events[2]).toMatchObject({ event: "answer", data: { answeredBy: "built-in" } });
    expect((events[2]!.data as { answer: string }).answer).toContain("holds them for");
  });
});

function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const event = block.match(/^event: (.+)$/m)?.[1] ?? "message";
      const data = JSON.parse(block.match(/^data: (.+)$/m)?.[1] ?? "null");
      return { event, data };
    });
}
