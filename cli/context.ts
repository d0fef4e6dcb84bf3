// What every command is given: the server (with the stored token for it), whether to print the
// API's JSON or text for people, and whether a person is at the terminal to answer questions.
import { Api, type Answer } from "./api";
import { tokenFor } from "./credentials";

export const DEFAULT_API_URL = "http://127.0.0.1:3000";

export interface Context {
  api: Api;
  apiUrl: string;
  json: boolean;
  /** stdin and stdout are a terminal: prompts may ask what is missing. */
  interactive: boolean;
}

/** --api URL, else RAILBOOK_API_URL, else http://127.0.0.1:3000; without a trailing slash. */
export function apiUrlFrom(option: string | undefined, env: Record<string, string | undefined> = process.env): string {
  const raw = option ?? env.RAILBOOK_API_URL ?? DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`"${raw}" is not a URL (use something like ${DEFAULT_API_URL})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`"${raw}" is not an http(s) URL`);
  return url.origin + url.pathname.replace(/\/+$/, "");
}

export async function createContext(options: { api?: string; json?: boolean }): Promise<Context> {
  const apiUrl = apiUrlFrom(options.api);
  const stored = await tokenFor(apiUrl);
  return { api: new Api(apiUrl, stored?.token ?? null), apiUrl, json: Boolean(options.json), interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) };
}

/** --json: the API's answer exactly as sent; otherwise the text for people. */
export function show(ctx: Context, answer: Answer, text: () => string): void {
  if (ctx.json) process.stdout.write(answer.text.endsWith("\n") ? answer.text : `${answer.text}\n`);
  else console.log(text());
}
