// Bounded waiting: every loop in the cluster scripts and the failover test ends by itself.
import net from "node:net";

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every `everyMs` until it is true or `timeoutMs` has passed; says which. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // not yet: a refused connection or a half-started daemon reads as "not ready"
    }
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

export async function waitOrThrow(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  if (!(await waitFor(check, timeoutMs, everyMs))) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** Something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** GET/OPTIONS with a timeout; resolves to null when nothing answers. */
export async function httpJson<T>(url: string, timeoutMs = 1_000): Promise<{ status: number; body: T | null } | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body: T | null = null;
    try {
      body = text ? (JSON.parse(text) as T) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body };
  } catch {
    return null;
  }
}
