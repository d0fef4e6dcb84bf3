// Questions at the terminal (@clack/prompts): only when a person is there to answer; otherwise
// what is missing is a usage error, so scripts fail fast instead of hanging on a prompt.
import { confirm, isCancel, password, text } from "@clack/prompts";
import type { Context } from "./context";
import { CliError, EXIT, usage } from "./errors";

function answered<T>(value: T | symbol): Exclude<T, symbol> {
  if (isCancel(value)) throw new CliError(EXIT.USAGE, "Cancelled.");
  return value as Exclude<T, symbol>;
}

export async function ask(ctx: Context, value: string | undefined, question: string, option: string): Promise<string> {
  if (value !== undefined) return value;
  if (!ctx.interactive || ctx.json) throw usage(`Missing ${option}.`);
  return answered(await text({ message: question, validate: (v) => (v?.trim() ? undefined : "Required.") }));
}

/** Never echoed: clack masks what is typed. */
export async function askSecret(ctx: Context, value: string | undefined, question: string, option: string): Promise<string> {
  if (value !== undefined) return value;
  if (!ctx.interactive || ctx.json) throw usage(`Missing ${option}.`);
  return answered(await password({ message: question, validate: (v) => (v ? undefined : "Required.") }));
}

export async function askYesNo(ctx: Context, question: string, yesOption: string): Promise<boolean> {
  if (!ctx.interactive || ctx.json) throw usage(`Add ${yesOption} to go ahead without being asked.`);
  return answered(await confirm({ message: question, initialValue: false }));
}
