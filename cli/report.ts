// Any failure as the person at the terminal reads it (stderr) and as the exit code says it.
import { CommanderError } from "commander";
import { CliError, EXIT, Refused } from "./errors";

export function report(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message (or the help) already.
    return error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version" ? EXIT.DONE : EXIT.USAGE;
  }
  if (error instanceof Refused) {
    if (json) process.stdout.write(`${typeof error.body === "string" ? error.body : JSON.stringify(error.body)}\n`);
    console.error(`${error.code}: ${error.message}`);
    for (const [field, messages] of Object.entries(error.fieldErrors)) console.error(`  ${field}: ${messages.join(" ")}`);
    if (error.code === "UNAUTHENTICATED") console.error("Sign in with: railbook login");
    return EXIT.REFUSED;
  }
  if (error instanceof CliError) {
    console.error(error.message);
    return error.exitCode;
  }
  if (error instanceof TypeError && /URL/.test(error.message)) {
    console.error(error.message);
    return EXIT.USAGE;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.REFUSED;
}
