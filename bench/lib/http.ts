// The booking driver's HTTP client: node:http over keep-alive connections, one per concurrent
// client, as a browser or API client would hold. Plain node:http rather than fetch because the
// load generator shares the machine's two cores with the app and the database, and node:http
// costs the least CPU per request.
import http from "node:http";

export interface Answer {
  status: number;
  /** Parsed JSON body, or null when there was none. */
  body: unknown;
  ms: number;
  /** Transport failure (connection refused, reset...), counted apart from HTTP errors. */
  failed?: string;
}

export class HttpClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(baseUrl: string, connections: number) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  request(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Answer> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    if (payload !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(payload));
    }
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString("utf8");
            let body: unknown = null;
            try {
              body = text ? JSON.parse(text) : null;
            } catch {
              body = { nonJson: text.slice(0, 200) };
            }
            resolve({ status: res.statusCode ?? 0, body, ms });
          });
          res.on("error", (e) => resolve({ status: 0, body: null, ms: performance.now() - started, failed: e.message }));
        },
      );
      req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error("timeout")));
      req.on("error", (e) => resolve({ status: 0, body: null, ms: performance.now() - started, failed: e.message }));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The error code of an API error answer (`{ error: { code } }`), else "HTTP <status>". */
export function errorCode(answer: Answer): string {
  if (answer.failed) return `TRANSPORT (${answer.failed})`;
  const code = (answer.body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === "string" ? code : `HTTP ${answer.status}`;
}
