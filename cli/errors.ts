// How the CLI ends, as values: every failure becomes one of these and main.ts turns it into the
// exit code the README promises (0 done, 1 the server refused, 2 usage, 3 server unreachable).
export const EXIT = { DONE: 0, REFUSED: 1, USAGE: 2, UNREACHABLE: 3 } as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The server answered with an error (`{ error: { code, message, details } }`, or something else). */
export class Refused extends CliError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The answer exactly as the server sent it, for --json. */
    readonly body: unknown,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(EXIT.REFUSED, message);
    this.name = "Refused";
  }
}

export function usage(message: string): CliError {
  return new CliError(EXIT.USAGE, message);
}

export function unreachable(apiUrl: string, reason: string): CliError {
  return new CliError(EXIT.UNREACHABLE, `Cannot reach the RailBook server at ${apiUrl} (${reason}). Is it running? Set it with --api URL or RAILBOOK_API_URL.`);
}
