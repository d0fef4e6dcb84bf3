// Live streams refuse ids that name nothing, are capped per address and per instance, and close
// when idle (lib/live/stream-limits.ts, lib/live/sse.ts).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET as serviceStream } from "@/app/api/v1/live/services/[serviceId]/route";
import { GET as servicesStream } from "@/app/api/v1/live/services/route";
import { liveListener } from "@/lib/live/listener";
import { openStreamCounts } from "@/lib/live/stream-limits";
import { PEER_HEADER } from "@/lib/net/client-address";
import { futureNetwork } from "../booking/helpers";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
const opened: AbortController[] = [];

async function open(handler: Handler, path: string, address: string, params: Record<string, string> = {}) {
  const abort = new AbortController();
  opened.push(abort);
  const response = await handler(new Request(`http://localhost${path}`, { headers: { [PEER_HEADER]: address }, signal: abort.signal }), {
    params: Promise.resolve(params as never),
  });
  return { response, close: () => abort.abort() };
}

afterEach(() => {
  for (const a of opened.splice(0)) a.abort();
  delete process.env.LIVE_STREAMS_PER_ADDRESS;
  delete process.env.LIVE_STREAMS_MAX;
  delete process.env.LIVE_STREAM_IDLE_MS;
});

afterAll(async () => {
  await liveListener().stop();
});

describe("live stream limits", () => {
  it("answers 404 when any of several service ids names no service, and opens nothing", async () => {
    const net = await futureNetwork(2);
    const before = openStreamCounts().total;
    const { response } = await open(servicesStream, `/api/v1/live/services?ids=${net.serviceId},no-such-service`, "192.0.2.10");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    expect(openStreamCounts().total).toBe(before);
  });

  it("caps streams per address with 429, leaves other addresses alone, and frees a slot on close", async () => {
    process.env.LIVE_STREAMS_PER_ADDRESS = "2";
    const net = await futureNetwork(2);
    const path = `/api/v1/live/services/${net.serviceId}`;
    const params = { serviceId: net.serviceId };
    const first = await open(serviceStream, path, "192.0.2.20", params);
    const second = await open(serviceStream, path, "192.0.2.20", params);
    expect([first.response.status, second.response.status]).toEqual([200, 200]);

    const third = await open(serviceStream, path, "192.0.2.20", params);
    expect(third.response.status).toBe(429);
    expect(third.response.headers.get("retry-after")).toBe("30");
    expect((await open(serviceStream, path, "192.0.2.21", params)).response.status).toBe(200);

    first.close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await open(serviceStream, path, "192.0.2.20", params)).response.status).toBe(200);
  });

  it("caps streams per instance with 503, so the page falls back to polling", async () => {
    const net = await futureNetwork(2);
    process.env.LIVE_STREAMS_MAX = String(openStreamCounts().total + 1);
    const path = `/api/v1/live/services/${net.serviceId}`;
    expect((await open(serviceStream, path, "192.0.2.30", { serviceId: net.serviceId })).response.status).toBe(200);
    const refused = await open(serviceStream, path, "192.0.2.31", { serviceId: net.serviceId });
    expect(refused.response.status).toBe(503);
    expect(((await refused.response.json()) as { error: { code: string } }).error.code).toBe("SERVICE_BUSY");
  });

  it("closes a stream that carried no event for LIVE_STREAM_IDLE_MS, and gives its slot back", async () => {
    process.env.LIVE_STREAM_IDLE_MS = "300";
    const net = await futureNetwork(2);
    const { response } = await open(serviceStream, `/api/v1/live/services/${net.serviceId}`, "192.0.2.40", { serviceId: net.serviceId });
    expect(response.status).toBe(200);
    expect(openStreamCounts("192.0.2.40").forAddress).toBe(1);
    const reader = response.body!.getReader();
    const started = Date.now();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      expect(Date.now() - started).toBeLessThan(3_000);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(openStreamCounts("192.0.2.40").forAddress).toBe(0);
  });
});
