// The SSE routes as a browser meets them: `retry:` and a refresh first (reason "reconnect" when
// Last-Event-ID is sent), numbered events, and only what the reader may see: a passenger's stream
// carries their own bookings and notices (without their user id), never anyone else's; the public
// seat-map stream carries "seats" for its service and nothing with a PNR in it.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as meStream } from "@/app/api/v1/live/me/route";
import { GET as serviceStream } from "@/app/api/v1/live/services/[serviceId]/route";
import { liveListener } from "@/lib/live/listener";
import { publish, publishBookingChanges } from "@/lib/live/publish";
import { apiUser, futureNetwork } from "../booking/helpers";
import { occupySeat } from "../helpers/network-fixture";

interface Frame {
  id?: string;
  retry?: number;
  data?: Record<string, unknown>;
}

/** Opens a stream through the route handler and reads frames from it as they come. */
// Any of the SSE route handlers: their params differ, so the context is typed from the bottom up.
type StreamHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function open(handler: StreamHandler, path: string, headers: Record<string, string>, params: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await handler(new Request(`http://localhost${path}`, { headers, signal: abort.signal }), { params: Promise.resolve(params as never) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (timeoutMs = 3_000): Promise<Frame> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const cut = buffer.indexOf("\n\n");
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.startsWith(":")) continue; // heartbeat comment
        const frame: Frame = {};
        for (const line of block.split("\n")) {
          const [key, ...rest] = line.split(": ");
          const value = rest.join(": ");
          if (key === "id") frame.id = value;
          if (key === "retry") frame.retry = Number(value);
          if (key === "data") frame.data = JSON.parse(value) as Record<string, unknown>;
        }
        return frame;
      }
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
      if (!chunk) throw new Error("no frame in time");
      if (chunk.done) throw new Error("stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { next, close: () => abort.abort() };
}

afterAll(async () => {
  await liveListener().stop();
});

describe("the live SSE routes", () => {
  it("give a passenger their own booking and notice events, numbered, after a retry hint and a refresh", async () => {
    const [ala, bob] = await Promise.all([apiUser(), apiUser()]);
    const net = await futureNetwork(4);
    const mine = await occupySeat(net, net.seatIds[0]!, 0, 2, { userId: ala.id });
    const theirs = await occupySeat(net, net.seatIds[1]!, 0, 2, { userId: bob.id });
    const stream = await open(meStream, "/api/v1/live/me", ala.auth);
    try {
      expect(await stream.next()).toEqual({ retry: 3000 });
      const hello = await stream.next();
      expect(hello.data).toEqual({ type: "refresh", reason: "connect" });
      expect(hello.id).toMatch(/^[0-9a-f]{8}-1$/);

      await db().$transaction((tx) => publishBookingChanges(tx, [theirs.id])); // someone else's: must not arrive
      await db().$transaction((tx) => publishBookingChanges(tx, [mine.id]));
      await publish(db(), [{ type: "notification", userId: ala.id }]);
      const booking = await stream.next();
      expect(booking.data).toEqual({ type: "booking", pnr: mine.pnr, serviceId: net.serviceId, status: "CONFIRMED" });
      expect(booking.id).toMatch(/-2$/);
      expect((await stream.next()).data).toEqual({ type: "notification" });
    } finally {
      stream.close();
    }
  });

  it("tell a reconnecting client so, and keep PNRs and user ids off the public seat-map stream", async () => {
    const user = await apiUser();
    const net = await futureNetwork(4);
    const booking = await occupySeat(net, net.seatIds[2]!, 0, 1, { userId: user.id });
    const stream = await open(serviceStream, `/api/v1/live/services/${net.serviceId}`, { "last-event-id": "abcd1234-7" }, { serviceId: net.serviceId });
    try {
      await stream.next(); // retry
      expect((await stream.next()).data).toEqual({ type: "refresh", reason: "reconnect" });
      await publish(db(), [{ type: "seats", serviceId: "another-service" }]);
      await db().$transaction((tx) => publishBookingChanges(tx, [booking.id]));
      expect((await stream.next()).data).toEqual({ type: "seats", serviceId: net.serviceId });
      await expect(stream.next(500)).rejects.toThrow("no frame in time"); // the booking event stays private
    } finally {
      stream.close();
    }
  });

  it("answer 404 for an unknown service and 401 without a session", async () => {
    const unknown = await serviceStream(new Request("http://localhost/x"), { params: Promise.resolve({ serviceId: "no-such-service" }) });
    expect(unknown.status).toBe(404);
    const anonymous = await meStream(new Request("http://localhost/api/v1/live/me"), { params: Promise.resolve({} as never) });
    expect(anonymous.status).toBe(401);
  });
});
