// The embedded database (PGlite over its socket) accepts LISTEN but hands a NOTIFY only to the
// connection that sent it. The listener must see through that (its probe comes from a second
// connection) and stay unhealthy, refusing streams it would never feed; the SSE routes are then fed
// by the change feed's poll instead (lib/live/change-feed.ts, tests/live/change-feed.test.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { LiveListener } from "@/lib/live/listener";
import { eventStream } from "@/lib/live/sse";
import { isAppError } from "@/lib/errors";

let embedded: EmbeddedDatabase;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "railbook-pglite-"));
  embedded = await startEmbeddedDatabase({ dataDir: dir, port: 20_000 + Math.floor(Math.random() * 20_000) });
});

afterAll(async () => {
  await embedded?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("the live listener on the embedded database", () => {
  it("never turns healthy, and refuses streams it would never feed", async () => {
    const listener = new LiveListener(embedded.url);
    try {
      expect(await listener.ready(4_000)).toBe(false);
      const refused = await eventStream(new Request("http://localhost/api/v1/live/me"), { accept: () => true, listener }).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.code).toBe("SERVICE_BUSY");
    } finally {
      await listener.stop();
    }
  });
});
