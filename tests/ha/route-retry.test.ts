// The route wrapper during a failover: a GET whose handler meets a real connection error is run
// again and answers normally; a write without its own retry answers SERVICE_BUSY (503 with
// Retry-After and a sentence to act on), never a stack trace, and is not run twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { json, route } from "@/lib/http";
import { hangingUpServer } from "./helpers";

let server: Awaited<ReturnType<typeof hangingUpServer>>;
let gone: Db;
beforeAll(async () => {
  server = await hangingUpServer();
  gone = createDb(server.url, 1);
});
afterAll(async () => {
  await gone.$disconnect();
  await server.close();
});

async function call(handler: (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>, method: string) {
  const response = await handler(new Request("http://localhost/api/v1/ha-probe", { method }), { params: Promise.resolve({}) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("route() when the database connection is lost", () => {
  it("runs a GET again and answers it once the database is back", async () => {
    let calls = 0;
    const handler = route({ access: "public" }, async () => {
      calls++;
      if (calls === 1) await gone.$queryRaw`SELECT 1`; // fails: the server hangs up
      return json({ ok: true });
    });
    const response = await call(handler, "GET");
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it("answers a write SERVICE_BUSY with Retry-After, without running it again or leaking details", async () => {
    let calls = 0;
    const handler = route({ access: "public" }, async () => {
      calls++;
      await gone.$queryRaw`SELECT 1`;
      return json({ ok: true });
    });
    const response = await call(handler, "POST");
    expect(calls).toBe(1);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const body = JSON.parse(response.text);
    expect(body.error.code).toBe("SERVICE_BUSY");
    expect(body.error.message).toMatch(/try again in a moment/i);
    expect(response.text).not.toMatch(/Connection terminated|at .*\.js|stack/);
  });
});
